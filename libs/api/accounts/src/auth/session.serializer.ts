import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import { Actor } from '../authorization/actor';
import { ActorCache, freezeActor } from '../users/actor-cache';
import { UsersRepository } from '../users/users.repository';

/**
 * The session stores only the user id; the actor (roles included) is loaded from the database and
 * kept in the ActorCache until PostgreSQL says one of its rows changed, so a revoked role still
 * takes effect on the next request.
 */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(
    private readonly users: UsersRepository,
    private readonly actors: ActorCache,
  ) {
    super();
  }

  serializeUser(user: Actor, done: (err: Error | null, id?: string) => void): void {
    done(null, user.id);
  }

  deserializeUser(id: string, done: (err: Error | null, user?: Actor | false) => void): void {
    const cached = this.actors.get(id);
    if (cached) return done(null, cached as Actor);
    const token = this.actors.begin();
    this.users.loadActor(id).then(
      (actor) => {
        if (!actor) return done(null, false);
        const frozen = freezeActor(actor);
        this.actors.set(id, frozen, token);
        done(null, frozen as Actor);
      },
      (err: Error) => done(err),
    );
  }
}
