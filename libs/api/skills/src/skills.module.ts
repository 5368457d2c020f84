import { Module } from '@nestjs/common';
import { MatchingController } from './matching/matching.controller';
import { MatchingRepository } from './matching/matching.repository';
import { MatchingService } from './matching/matching.service';
import { OffersController } from './offers/offers.controller';
import { OffersRepository } from './offers/offers.repository';
import { OffersService } from './offers/offers.service';
import { RequestsController } from './requests/requests.controller';
import { RequestsRepository } from './requests/requests.repository';
import { RequestsService } from './requests/requests.service';
import { SessionTransitionsService } from './sessions/session-transitions.service';
import { SessionsController } from './sessions/sessions.controller';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionsService } from './sessions/sessions.service';

/** Skills donation: offers, requests, matching, sessions and their ratings. */
@Module({
  // OffersController first: its `skill-offers/flagged` must come before `skill-offers/:id`.
  controllers: [OffersController, RequestsController, MatchingController, SessionsController],
  providers: [
    OffersRepository,
    OffersService,
    RequestsRepository,
    RequestsService,
    MatchingRepository,
    MatchingService,
    SessionsRepository,
    SessionsService,
    SessionTransitionsService,
  ],
})
export class SkillsModule {}
