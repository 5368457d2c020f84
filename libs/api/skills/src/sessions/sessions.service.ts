import { Injectable, NotFoundException } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { fieldError, writeOutbox } from '@pratique/api/platform';
import { DomainEventType, SKILL_LIMITS, SkillPostStatus, SkillSession, SkillSide } from '@pratique/contracts';
import { SkillSessionProposalDto } from '../dto/skill-session.dto';
import { forbiddenField } from '../skills.errors';
import { isMemberOf, SkillPolicy } from '../skills.policy';
import { recipientOf } from './session-rules';
import { SessionRow, SessionsRepository } from './sessions.repository';

const HOUR = 3600 * 1000;

/** Proposing sessions, listing the caller's, reading one (its two sides, staff of its region, admins). */
@Injectable()
export class SessionsService {
  constructor(private readonly repo: SessionsRepository) {}

  /**
   * The offer's author proposes as the volunteer; a member of the request's organisation as the
   * organisation. Both posts must be open; the proposal is told to the other side (outbox, same transaction).
   */
  async propose(actor: Actor, dto: SkillSessionProposalDto): Promise<SkillSession> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (Number.isNaN(startsAt.getTime())) throw fieldError(400, 'startsAt', 'must be an ISO date-time');
    if (Number.isNaN(endsAt.getTime())) throw fieldError(400, 'endsAt', 'must be an ISO date-time');
    if (startsAt.getTime() <= Date.now()) throw fieldError(400, 'startsAt', 'must be in the future');
    if (endsAt <= startsAt) throw fieldError(400, 'endsAt', 'must be after startsAt');
    if (endsAt.getTime() - startsAt.getTime() > SKILL_LIMITS.sessionHours * HOUR)
      throw fieldError(400, 'endsAt', `must be at most ${SKILL_LIMITS.sessionHours} hours after startsAt`);

    const id = await this.repo.transaction(async (tx) => {
      const { offer, request } = await this.repo.postsForProposal(tx, dto.offerId, dto.requestId);
      if (!offer) throw fieldError(404, 'offerId', 'is not a known skill offer');
      if (!request) throw fieldError(404, 'requestId', 'is not a known skill request');
      const volunteer = offer.authorId === actor.id;
      const organisation = isMemberOf(actor, request.organisationId);
      if (volunteer && organisation)
        throw fieldError(
          400,
          'requestId',
          'is a request of your own organisation: propose your offer to another one',
        );
      if (!volunteer && !organisation)
        throw forbiddenField('offerId', 'is not your offer, and the request is not of your organisation');
      if (offer.status !== SkillPostStatus.Open) throw fieldError(409, 'offerId', 'is closed');
      if (request.status !== SkillPostStatus.Open) throw fieldError(409, 'requestId', 'is closed');
      const side = volunteer ? SkillSide.Volunteer : SkillSide.Organisation;
      const sessionId = await this.repo.insert(tx, {
        offerId: dto.offerId,
        requestId: dto.requestId,
        proposedBy: side,
        proposerId: actor.id,
        startsAt,
        endsAt,
        format: dto.format,
        place: dto.place,
        message: dto.message,
      });
      const userId = recipientOf(
        'propose',
        side,
        { proposerId: actor.id, offerAuthorId: offer.authorId, requestAuthorId: request.authorId },
        actor.id,
      );
      if (userId)
        await writeOutbox(tx, {
          type: DomainEventType.SkillSessionProposed,
          payload: { sessionId, offerId: dto.offerId, requestId: dto.requestId, userId, actorId: actor.id },
        });
      return sessionId;
    });
    return this.detail(actor, id);
  }

  async mine(actor: Actor): Promise<SkillSession[]> {
    const rows = await this.repo.ofMember(
      actor.id,
      actor.organisations.map((o) => o.id),
    );
    return rows.map((row) => forViewer(actor, row));
  }

  async detail(actor: Actor, id: string): Promise<SkillSession> {
    return forViewer(actor, await this.visible(actor, id));
  }

  /** The session if the caller may see it; otherwise it does not exist for them (404). */
  async visible(actor: Actor, id: string): Promise<SessionRow> {
    const row = await this.repo.byId(id);
    if (!row || !SkillPolicy.viewSession(actor, row)) throw unknownSession();
    return row;
  }

  /** The caller's side of a session they see; a 403 for staff and admins looking on. */
  async party(actor: Actor, id: string): Promise<{ row: SessionRow; side: SkillSide }> {
    const row = await this.visible(actor, id);
    const side = SkillPolicy.sideOf(actor, row);
    assertAllowed(side !== null, actor, 'Only the volunteer and the organisation of a session do this');
    return { row, side: side as SkillSide };
  }
}

export const unknownSession = (): NotFoundException =>
  fieldError(404, 'id', 'is not a known skill session') as NotFoundException;

/** Adds the caller's side and what they may do. */
export function forViewer(actor: Actor, row: SessionRow): SkillSession {
  const {
    proposerId: _p,
    offerAuthorId: _o,
    requestAuthorId: _r,
    organisationId: _org,
    regionIds: _regions,
    ...session
  } = row;
  return {
    ...session,
    mySide: SkillPolicy.sideOf(actor, row),
    can: {
      accept: SkillPolicy.respond(actor, row),
      decline: SkillPolicy.respond(actor, row),
      cancel: SkillPolicy.cancel(actor, row),
      markDone: SkillPolicy.markDone(actor, row) && hasStarted(row),
      rate: SkillPolicy.rate(actor, row),
    },
  };
}

/** A session is marked done once it has started. */
export const hasStarted = (row: { startsAt: string | Date }): boolean =>
  new Date(row.startsAt).getTime() <= Date.now();
