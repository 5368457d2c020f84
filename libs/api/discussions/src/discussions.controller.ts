import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { fieldError, RateLimit, hasSearchQuery } from '@pratique/api/platform';
import {
  DiscussionRevision,
  FollowState,
  Page,
  ReplyDto,
  ThreadDetail,
  ThreadPage,
  VoteResult,
} from '@pratique/contracts';
import {
  AcceptAnswerDto,
  CreateReplyDto,
  CreateThreadDto,
  ListThreadsQuery,
  ModerateReplyDto,
  ModerateThreadDto,
  PageQuery,
  UpdateReplyDto,
  UpdateThreadDto,
} from './dto/thread.dto';
import { RepliesService } from './replies.service';
import { ThreadsService } from './threads.service';

/** An id in the path: a malformed one is a 400 naming the parameter. */
const uuid = (field: string) =>
  new ParseUUIDPipe({ exceptionFactory: () => fieldError(400, field, 'must be a uuid') });

/** Discussions and questions of a space. Reading follows the space's visibility; writing needs sign-in. */
@ApiTags('discussions')
@Controller()
export class DiscussionsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly replies: RepliesService,
  ) {}

  @Get('spaces/:space/threads')
  @RateLimit('search', hasSearchQuery)
  list(
    @CurrentActor() actor: Actor | null,
    @Param('space') space: string,
    @Query() query: ListThreadsQuery,
  ): Promise<ThreadPage> {
    return this.threads.list(actor, space, query);
  }

  @Post('spaces/:space/threads')
  @Authorize()
  create(
    @CurrentActor() actor: Actor,
    @Param('space') space: string,
    @Body() dto: CreateThreadDto,
  ): Promise<ThreadDetail> {
    return this.threads.create(actor, space, dto);
  }

  @Get('spaces/:space/follow')
  @Authorize()
  spaceFollow(@CurrentActor() actor: Actor, @Param('space') space: string): Promise<FollowState> {
    return this.threads.spaceFollow(actor, space);
  }

  @Post('spaces/:space/follow')
  @Authorize()
  @HttpCode(200)
  toggleSpaceFollow(@CurrentActor() actor: Actor, @Param('space') space: string): Promise<FollowState> {
    return this.threads.toggleSpaceFollow(actor, space);
  }

  @Get('threads/:id')
  thread(@CurrentActor() actor: Actor | null, @Param('id', uuid('id')) id: string): Promise<ThreadDetail> {
    return this.threads.detail(actor, id);
  }

  @Patch('threads/:id')
  @Authorize()
  updateThread(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('id')) id: string,
    @Body() dto: UpdateThreadDto,
  ): Promise<ThreadDetail> {
    return this.threads.update(actor, id, dto);
  }

  @Get('threads/:id/revisions')
  threadRevisions(
    @CurrentActor() actor: Actor | null,
    @Param('id', uuid('id')) id: string,
  ): Promise<DiscussionRevision[]> {
    return this.threads.revisions(actor, id);
  }

  @Put('threads/:id/accepted-reply')
  @Authorize()
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('id')) id: string,
    @Body() dto: AcceptAnswerDto,
  ): Promise<ThreadDetail> {
    return this.threads.accept(actor, id, dto);
  }

  @Patch('threads/:id/moderation')
  @Authorize()
  moderateThread(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('id')) id: string,
    @Body() dto: ModerateThreadDto,
  ): Promise<ThreadDetail> {
    return this.threads.moderate(actor, id, dto);
  }

  @Post('threads/:id/follow')
  @Authorize()
  @HttpCode(200)
  toggleThreadFollow(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('id')) id: string,
  ): Promise<FollowState> {
    return this.threads.toggleFollow(actor, id);
  }

  @Get('threads/:id/replies')
  listReplies(
    @CurrentActor() actor: Actor | null,
    @Param('id', uuid('id')) id: string,
    @Query() query: PageQuery,
  ): Promise<Page<ReplyDto>> {
    return this.replies.list(actor, id, query);
  }

  @Post('threads/:id/replies')
  @Authorize()
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('id')) id: string,
    @Body() dto: CreateReplyDto,
  ): Promise<ReplyDto> {
    return this.replies.create(actor, id, dto);
  }

  @Patch('replies/:id')
  @Authorize()
  updateReply(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('id')) id: string,
    @Body() dto: UpdateReplyDto,
  ): Promise<ReplyDto> {
    return this.replies.update(actor, id, dto);
  }

  @Get('replies/:id/revisions')
  replyRevisions(
    @CurrentActor() actor: Actor | null,
    @Param('id', uuid('id')) id: string,
  ): Promise<DiscussionRevision[]> {
    return this.replies.revisions(actor, id);
  }

  @Post('replies/:id/vote')
  @Authorize()
  @HttpCode(200)
  vote(@CurrentActor() actor: Actor, @Param('id', uuid('id')) id: string): Promise<VoteResult> {
    return this.replies.toggleVote(actor, id);
  }

  @Patch('replies/:id/moderation')
  @Authorize()
  moderateReply(
    @CurrentActor() actor: Actor,
    @Param('id', uuid('id')) id: string,
    @Body() dto: ModerateReplyDto,
  ): Promise<ReplyDto> {
    return this.replies.moderate(actor, id, dto);
  }
}
