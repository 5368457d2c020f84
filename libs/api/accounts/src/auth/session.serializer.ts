import { Injectable } from '@nestjs/common';
import { PassportSerializer } from '@nestjs/passport';
import { Actor } from '../authorization/actor';
import { UsersRepository } from '../users/users.repository';

/** The session stores only the user id; every request reloads roles, so a revoked role takes effect at once. */
@Injectable()
export class SessionSerializer extends PassportSerializer {
  constructor(private readonly users: UsersRepository) {
    super();
  }

  serializeUser(user: Actor, done: (err: Error | null, id?: string) => void): void {
    done(null, user.id);
  }

  deserializeUser(id: string, done: (err: Error | null, user?: Actor | false) => void): void {
    this.users.loadActor(id).then(
      (actor) => done(null, actor ?? false),
      (err: Error) => done(err),
    );
  }
}
