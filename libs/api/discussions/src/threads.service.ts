/** Threads of a space: list and search, ask, read, edit with history, moderate, accept an answer, follow. */
import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { fieldError, renderMarkdown } from '@pratique/api/platform';
import { DiscussionRevision, FollowState, ThreadDetail, ThreadKind, ThreadPage } from '@pratique/contracts';
import { DiscussionAccess } from './discussion-access';
import { DiscussionsPolicy } from './discussions.policy';
import { DiscussionsRepository, ThreadRow } from './discussions.repository';
import {
  AcceptAnswerDto,
  CreateThreadDto,
  ListThreadsQuery,
  ModerateThreadDto,
  UpdateThreadDto,
} from './dto/thread.dto';

@Injectable()
export class ThreadsService {
  constructor(
    private readonly repo: DiscussionsRepository,
    private readonly access: DiscussionAccess,
  ) {}

  async list(actor: Actor | null, spaceIdOrSlug: string, query: ListThreadsQuery): Promise<ThreadPage> {
    const space = await this.access.space(actor, spaceIdOrSlug);
    const moderator = DiscussionsPolicy.moderate(actor, space);
    const q = query.q?.trim() || null;
    const { items, total } = await this.repo.listThreads(space.id, actor?.id ?? null, moderator, {
      ...query,
      q,
    });
    return {
      items,
      total,
      page: query.page,
      pageSize: query.pageSize,
      space: { id: space.id, slug: space.slug },
      followingSpace: await this.repo.isFollowingSpace(space.id, actor?.id ?? null),
      can: {
        post: DiscussionsPolicy.post(actor, space),
        moderate: moderator,
        follow: DiscussionsPolicy.follow(actor, space),
      },
    };
  }

  /** A new thread; its author follows it from the start. */
  async create(actor: Actor, spaceIdOrSlug: string, dto: CreateThreadDto): Promise<ThreadDetail> {
    const space = await this.access.space(actor, spaceIdOrSlug);
    assertAllowed(DiscussionsPolicy.post(actor, space), actor, 'Join this space to post in it');
    const id = await this.repo.transaction(async (tx) => {
      const threadId = await this.repo.insertThread(tx, {
        spaceId: space.id,
        authorId: actor.id,
        kind: dto.kind,
        title: dto.title.trim(),
        body: dto.body,
        bodyHtml: renderMarkdown(dto.body),
      });
      await this.repo.followThread(tx, actor.id, threadId);
      return threadId;
    });
    return this.detail(actor, id);
  }

  async detail(actor: Actor | null, id: string): Promise<ThreadDetail> {
    return this.toDetail(actor, await this.access.thread(actor, id));
  }

  /** The author rewrites their thread; the previous version is kept. */
  async update(actor: Actor, id: string, dto: UpdateThreadDto): Promise<ThreadDetail> {
    if (dto.title === undefined && dto.body === undefined)
      throw fieldError(400, 'body', 'give a title or a body to change');
    const thread = await this.access.thread(actor, id);
    assertAllowed(
      DiscussionsPolicy.edit(actor, thread.space, thread),
      actor,
      'Only its author may edit a thread',
    );
    const body = dto.body ?? thread.body;
    await this.repo.reviseThread(id, actor.id, {
      title: dto.title?.trim() ?? thread.title,
      body,
      bodyHtml: renderMarkdown(body),
    });
    return this.detail(actor, id);
  }

  async revisions(actor: Actor | null, id: string): Promise<DiscussionRevision[]> {
    await this.access.thread(actor, id);
    return this.repo.revisions({ threadId: id });
  }

  async moderate(actor: Actor, id: string, dto: ModerateThreadDto): Promise<ThreadDetail> {
    if (dto.pinned === undefined && dto.locked === undefined && dto.hidden === undefined)
      throw fieldError(400, 'pinned', 'give pinned, locked or hidden');
    const thread = await this.access.thread(actor, id);
    assertAllowed(
      DiscussionsPolicy.moderate(actor, thread.space),
      actor,
      'Only the animators of this space moderate it',
    );
    await this.repo.moderateThread(id, dto, actor.id);
    return this.detail(actor, id);
  }

  /** The question's author or a moderator picks (or changes, or withdraws) the accepted answer. */
  async accept(actor: Actor, id: string, dto: AcceptAnswerDto): Promise<ThreadDetail> {
    const thread = await this.access.thread(actor, id);
    if (thread.kind !== ThreadKind.Question)
      throw fieldError(409, 'kind', 'only a question has an accepted answer');
    assertAllowed(
      DiscussionsPolicy.accept(actor, thread.space, thread),
      actor,
      'Only the author of the question or an animator accepts an answer',
    );
    if (dto.replyId !== null) {
      const reply = await this.repo.findReplyRef(dto.replyId);
      if (!reply || reply.threadId !== id)
        throw fieldError(400, 'replyId', 'is not a reply of this question');
      if (reply.hidden) throw fieldError(400, 'replyId', 'is hidden');
    }
    await this.repo.setAcceptedReply(id, dto.replyId, actor.id);
    return this.detail(actor, id);
  }

  async toggleFollow(actor: Actor, id: string): Promise<FollowState> {
    const thread = await this.access.thread(actor, id);
    assertAllowed(DiscussionsPolicy.follow(actor, thread.space), actor);
    return { following: await this.repo.toggleFollow(actor.id, { threadId: id }) };
  }

  async spaceFollow(actor: Actor, spaceIdOrSlug: string): Promise<FollowState> {
    const space = await this.access.space(actor, spaceIdOrSlug);
    return { following: await this.repo.isFollowingSpace(space.id, actor.id) };
  }

  async toggleSpaceFollow(actor: Actor, spaceIdOrSlug: string): Promise<FollowState> {
    const space = await this.access.space(actor, spaceIdOrSlug);
    assertAllowed(DiscussionsPolicy.follow(actor, space), actor);
    return { following: await this.repo.toggleFollow(actor.id, { spaceId: space.id }) };
  }

  private toDetail(actor: Actor | null, t: ThreadRow): ThreadDetail {
    const { authorId: _a, space, ...rest } = t;
    return {
      ...rest,
      space: { id: space.id, slug: space.slug },
      can: {
        edit: DiscussionsPolicy.edit(actor, space, t),
        reply: DiscussionsPolicy.reply(actor, space, t),
        accept: DiscussionsPolicy.accept(actor, space, t),
        moderate: DiscussionsPolicy.moderate(actor, space),
        follow: DiscussionsPolicy.follow(actor, space),
      },
    };
  }
}
