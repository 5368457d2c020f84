import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LocalStrategy } from './auth/local.strategy';
import { LoginThrottleModule } from './auth/login-throttle';
import { SessionsRepository } from './sessions/sessions.repository';
import { SessionSerializer } from './auth/session.serializer';
import { AuthorizeGuard } from './authorization/authorize.decorator';
import { RolesController } from './roles/roles.controller';
import { RolesService } from './roles/roles.service';
import { SuspensionController } from './suspension/suspension.controller';
import { SuspensionService } from './suspension/suspension.service';
import { MembershipEntity } from './users/membership.entity';
import { RoleGrantEntity } from './users/role-grant.entity';
import { UserEntity } from './users/user.entity';
import { UsersRepository } from './users/users.repository';
import { ActorCache } from './users/actor-cache';

/** Sign-up, sign-in (passport-local + PostgreSQL sessions), roles, and the authorization policy. */
@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, MembershipEntity, RoleGrantEntity]),
    PassportModule.register({ session: true }),
    LoginThrottleModule,
  ],
  controllers: [AuthController, RolesController, SuspensionController],
  providers: [
    ActorCache,
    SessionsRepository,
    AuthService,
    LocalStrategy,
    SessionSerializer,
    UsersRepository,
    RolesService,
    SuspensionService,
    AuthorizeGuard,
  ],
  exports: [UsersRepository, SessionsRepository, AuthorizeGuard, ActorCache],
})
export class AccountsModule {}
