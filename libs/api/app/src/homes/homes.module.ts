import { Module } from '@nestjs/common';
import { SeminarsModule } from '@pratique/api/seminars';
import { HomesController } from './homes.controller';
import { HomesRepository } from './homes.repository';
import { HomesService } from './homes.service';

/** The three persona homes (HomeRoutes): the member's seminar outlook, the animator's and the staff's homes. */
@Module({
  imports: [SeminarsModule],
  controllers: [HomesController],
  providers: [HomesService, HomesRepository],
})
export class HomesModule {}
