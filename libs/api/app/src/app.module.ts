import { Module } from '@nestjs/common';
import { AccountsModule } from '@pratique/api/accounts';
import { DirectoryModule } from '@pratique/api/directory';
import { DiscussionsModule } from '@pratique/api/discussions';
import { LearningModule } from '@pratique/api/learning';
import { MembersModule } from '@pratique/api/members';
import { FeedModule } from '@pratique/api/feed';
import { PrivacyModule } from '@pratique/api/privacy';
import { NotificationsModule } from '@pratique/api/notifications';
import { SeminarsModule } from '@pratique/api/seminars';
import { ResourcesModule } from '@pratique/api/resources';
import { RecognitionModule } from '@pratique/api/recognition';
import { RecommendationsModule } from '@pratique/api/recommendations';
import { SkillsModule } from '@pratique/api/skills';
import {
  AppConfigModule,
  CacheModule,
  DatabaseModule,
  HealthModule,
  LoggingModule,
  RateLimitModule,
} from '@pratique/api/platform';
import { SpacesModule } from '@pratique/api/spaces';
import { HomesModule } from './homes/homes.module';
import { MemberHomeController } from './member-home/member-home.controller';

/** Wires the capability libraries; the HTTP stack around them is in `configureApp`. */
@Module({
  imports: [
    AppConfigModule,
    LoggingModule,
    DatabaseModule,
    CacheModule,
    HealthModule,
    RateLimitModule,
    AccountsModule,
    DirectoryModule,
    SpacesModule,
    LearningModule,
    SeminarsModule,
    NotificationsModule,
    MembersModule,
    FeedModule,
    DiscussionsModule,
    ResourcesModule,
    PrivacyModule,
    SkillsModule,
    RecognitionModule,
    RecommendationsModule,
    HomesModule,
  ],
  controllers: [MemberHomeController],
})
export class AppModule {}
