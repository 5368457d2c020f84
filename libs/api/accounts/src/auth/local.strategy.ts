import { Injectable, UnauthorizedException } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { Actor } from '../authorization/actor';
import { AuthService } from './auth.service';

@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password' });
  }

  async validate(email: string, password: string): Promise<Actor> {
    const actor = await this.auth.verifyCredentials(email, password);
    if (!actor) throw new UnauthorizedException('The e-mail or the password is wrong');
    return actor;
  }
}
