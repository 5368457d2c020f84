/** Loads a space, thread or reply and applies the read rules: what the caller may not see is a 404. */
import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor } from '@pratique/api/accounts';
import { DiscussionsPolicy } from './discussions.policy';
import { DiscussionsRepository, isUuid, ReplyRef, SpaceRow, ThreadRow } from './discussions.repository';

@Injectable()
export class DiscussionAccess {
  constructor(private readonly repo: DiscussionsRepository) {}

  /** A space whose discussions the caller may read. */
  async space(actor: Actor | null, idOrSlug: string): Promise<SpaceRow> {
    const space =
      /^[a-z0-9-]{1,80}$/i.test(idOrSlug) || isUuid(idOrSlug)
        ? await this.repo.findSpace(actor?.id ?? null, idOrSlug)
        : null;
    if (!space || !DiscussionsPolicy.read(actor, space)) throw new NotFoundException('Space not found');
    return space;
  }

  /** A thread the caller may see (hidden ones only by their author and moderators). */
  async thread(actor: Actor | null, id: string): Promise<ThreadRow> {
    const thread = await this.repo.findThread(id, actor?.id ?? null, (space) =>
      DiscussionsPolicy.moderate(actor, space),
    );
    if (!thread || !DiscussionsPolicy.see(actor, thread.space, thread))
      throw new NotFoundException('Thread not found');
    return thread;
  }

  /** A reply the caller may see, with its thread. */
  async reply(actor: Actor | null, id: string): Promise<{ reply: ReplyRef; thread: ThreadRow }> {
    const reply = await this.repo.findReplyRef(id);
    if (!reply) throw new NotFoundException('Reply not found');
    const thread = await this.thread(actor, reply.threadId).catch(() => null);
    if (!thread || !DiscussionsPolicy.see(actor, thread.space, reply))
      throw new NotFoundException('Reply not found');
    return { reply, thread };
  }
}
