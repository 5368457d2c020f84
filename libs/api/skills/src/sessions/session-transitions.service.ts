import { Injectable } from '@nestjs/common';
import { Actor } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { SkillSession, SkillSessionRatingInput, SkillSessionStatus } from '@pratique/contracts';
import { forbiddenField } from '../skills.errors';
import { recipientOf, SessionAction, TRANSITIONS } from './session-rules';
import { SessionsRepository } from './sessions.repository';
import { hasStarted, SessionsService } from './sessions.service';

/** Accept, decline, cancel, done — each one conditional UPDATE and its outbox row — and the sides' ratings. */
@Injectable()
export class SessionTransitionsService {
  constructor(
    private readonly repo: SessionsRepository,
    private readonly sessions: SessionsService,
  ) {}

  async apply(actor: Actor, id: string, action: SessionAction): Promise<SkillSession> {
    const { row, side } = await this.sessions.party(actor, id);
    const t = TRANSITIONS[action];
    if (t.by === 'other' && side === row.proposedBy)
      throw forbiddenField('status', `is answered by the other side: you proposed this session`);
    if (!t.from.includes(row.status)) throw illegal(row.status, action);
    if (action === 'done' && !hasStarted(row))
      throw fieldError(409, 'status', 'cannot be done before the session starts');
    const userId = recipientOf(action, side, row, actor.id);
    const moved = await this.repo.transition(id, t.from, t.to, actor.id, (sessionId) =>
      userId
        ? {
            type: t.event,
            payload: {
              sessionId,
              offerId: row.offer.id,
              requestId: row.request.id,
              userId,
              actorId: actor.id,
            },
          }
        : null,
    );
    if (!moved) {
      const now = await this.repo.byId(id);
      throw illegal(now?.status ?? row.status, action);
    }
    return this.sessions.detail(actor, id);
  }

  /** The caller's side rates a done session (created or replaced). */
  async rate(actor: Actor, id: string, input: SkillSessionRatingInput): Promise<SkillSession> {
    const { row, side } = await this.sessions.party(actor, id);
    if (row.status !== SkillSessionStatus.Done)
      throw fieldError(409, 'status', `is ${row.status}: a session is rated once done`);
    if (!(await this.repo.upsertRating(id, side, actor.id, input)))
      throw fieldError(409, 'status', 'changed meanwhile: the session is not done');
    return this.sessions.detail(actor, id);
  }
}

const DONE_AS: Record<SessionAction, string> = {
  accept: 'accepted',
  decline: 'declined',
  cancel: 'cancelled',
  done: 'marked done',
};
const illegal = (status: SkillSessionStatus, action: SessionAction) =>
  fieldError(409, 'status', `is ${status}: the session cannot be ${DONE_AS[action]}`);
