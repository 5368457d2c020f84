import { Injectable } from '@nestjs/common';
import { CacheInvalidation, InvalidatedCache } from '@pratique/api/platform';
import { Actor } from '../authorization/actor';

/**
 * Actors (user, organisations, roles, animated spaces) by user id, for the session of every
 * signed-in request. PostgreSQL announces each change of the rows an actor is made of (triggers on
 * app_user, membership, role_grant, space_member, organisation), so a revoked role or a suspension
 * applies on the next request of every API process. Actors are frozen: shared between requests.
 */
@Injectable()
export class ActorCache extends InvalidatedCache<Readonly<Actor>> {
  constructor(private readonly notices: CacheInvalidation) {
    super(notices, 'actor', { max: 50_000, ttlMs: 5 * 60 * 1000 });
  }

  /** After this process committed a change to the user's actor: its very next request must see it. */
  changed(userId: string): void {
    this.notices.publishLocally({ kind: 'actor', key: userId });
  }
}

export function freezeActor(actor: Actor): Readonly<Actor> {
  for (const value of Object.values(actor)) if (Array.isArray(value)) Object.freeze(value);
  return Object.freeze(actor);
}
