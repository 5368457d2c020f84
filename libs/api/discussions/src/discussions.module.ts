import { Module } from '@nestjs/common';
import { DiscussionAccess } from './discussion-access';
import { DiscussionsController } from './discussions.controller';
import { DiscussionsRepository } from './discussions.repository';
import { RepliesService } from './replies.service';
import { ThreadsService } from './threads.service';

/** Discussions and questions inside thematic spaces: threads, replies, votes, accepted answers, moderation, history, search, follows. */
@Module({
  controllers: [DiscussionsController],
  providers: [DiscussionsRepository, DiscussionAccess, ThreadsService, RepliesService],
})
export class DiscussionsModule {}
