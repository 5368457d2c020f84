import { Module } from '@nestjs/common';
import { AccountsModule } from '@pratique/api/accounts';
import { DirectoryModule } from '@pratique/api/directory';
import { LearningModule } from '@pratique/api/learning';
import { NotificationsModule } from '@pratique/api/notifications';
import { SeminarsModule } from '@pratique/api/seminars';
import { AppConfigModule, DatabaseModule, HealthModule, LoggingModule } from '@pratique/api/platform';
import { SpacesModule } from '@pratique/api/spaces';

/** Wires the capability libraries; the HTTP stack around them is in `configureApp`. */
@Module({
  imports: [AppConfigModule, LoggingModule, DatabaseModule, HealthModule, AccountsModule, DirectoryModule, SpacesModule, LearningModule, SeminarsModule, NotificationsModule],
})
export class AppModule {}
