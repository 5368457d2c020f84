import { Module } from '@nestjs/common';
import { FeedController } from './feed.controller';
import { FeedRepository } from './feed.repository';
import { FeedService } from './feed.service';

/** The activity feed ("veille") of members, and of a region for its staff; sharing a completion. */
@Module({ controllers: [FeedController], providers: [FeedService, FeedRepository] })
export class FeedModule {}
