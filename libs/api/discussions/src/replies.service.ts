/** Replies of a thread: list (accepted first, then votes), reply, edit with history, vote, hide. */
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { renderMarkdown } from '@pratique/api/platform';
import { DiscussionRevision, Page, ReplyDto, VoteResult } from '@pratique/contracts';
import { DiscussionAccess } from './discussion-access';
import { DiscussionsPolicy, DiscussionSpace } from './discussions.policy';
import { DiscussionsRepository, ReplyRow } from './discussions.repository';
import { CreateReplyDto, ModerateReplyDto, PageQuery, UpdateReplyDto } from './dto/thread.dto';

@Injectable()
export class RepliesService {
  constructor(
    private readonly repo: DiscussionsRepository,
    private readonly access: DiscussionAccess,
  ) {}

  async list(actor: Actor | null, threadId: string, query: PageQuery): Promise<Page<ReplyDto>> {
    const thread = await this.access.thread(actor, threadId);
    const moderator = DiscussionsPolicy.moderate(actor, thread.space);
    const { items, total } = await this.repo.listReplies(
      threadId,
      actor?.id ?? null,
      moderator,
      query.page,
      query.pageSize,
    );
    return {
      items: items.map((r) => this.toDto(actor, thread.space, r)),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async create(actor: Actor, threadId: string, dto: CreateReplyDto): Promise<ReplyDto> {
    const thread = await this.access.thread(actor, threadId);
    assertAllowed(DiscussionsPolicy.post(actor, thread.space), actor, 'Join this space to reply');
    assertAllowed(DiscussionsPolicy.reply(actor, thread.space, thread), actor, 'This thread is locked');
    const id = await this.repo.insertReply(
      threadId,
      actor.id,
      dto.body,
      renderMarkdown(dto.body),
      DiscussionsPolicy.moderate(actor, thread.space),
    );
    if (id === null) throw new ForbiddenException('This thread is locked');
    return this.get(actor, id, thread.space);
  }

  async update(actor: Actor, id: string, dto: UpdateReplyDto): Promise<ReplyDto> {
    const { reply, thread } = await this.access.reply(actor, id);
    assertAllowed(
      DiscussionsPolicy.edit(actor, thread.space, reply),
      actor,
      'Only its author may edit a reply',
    );
    await this.repo.reviseReply(id, actor.id, { body: dto.body, bodyHtml: renderMarkdown(dto.body) });
    return this.get(actor, id, thread.space);
  }

  async revisions(actor: Actor | null, id: string): Promise<DiscussionRevision[]> {
    await this.access.reply(actor, id);
    return this.repo.revisions({ replyId: id });
  }

  async toggleVote(actor: Actor, id: string): Promise<VoteResult> {
    const { reply, thread } = await this.access.reply(actor, id);
    if (reply.authorId === actor.id) assertAllowed(false, actor, 'You cannot vote for your own reply');
    assertAllowed(DiscussionsPolicy.vote(actor, thread.space, reply), actor, 'Join this space to vote');
    return this.repo.toggleVote(id, actor.id);
  }

  async moderate(actor: Actor, id: string, dto: ModerateReplyDto): Promise<ReplyDto> {
    const { thread } = await this.access.reply(actor, id);
    assertAllowed(
      DiscussionsPolicy.moderate(actor, thread.space),
      actor,
      'Only the animators of this space moderate it',
    );
    await this.repo.moderateReply(id, dto.hidden, actor.id);
    return this.get(actor, id, thread.space);
  }

  private async get(actor: Actor, id: string, space: DiscussionSpace): Promise<ReplyDto> {
    const reply = await this.repo.findReply(id, actor.id);
    if (!reply) throw new NotFoundException('Reply not found');
    return this.toDto(actor, space, reply);
  }

  private toDto(actor: Actor | null, space: DiscussionSpace, r: ReplyRow): ReplyDto {
    const { authorId: _a, ...rest } = r;
    return {
      ...rest,
      can: {
        edit: DiscussionsPolicy.edit(actor, space, r),
        vote: DiscussionsPolicy.vote(actor, space, r),
        moderate: DiscussionsPolicy.moderate(actor, space),
      },
    };
  }
}
