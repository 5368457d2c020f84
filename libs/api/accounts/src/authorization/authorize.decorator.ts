import {
  CanActivate,
  createParamDecorator,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  SetMetadata,
  UnauthorizedException,
  applyDecorators,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from './actor';
import { isSignedIn, Rule } from './policy';

const RULE = Symbol('authorize-rule');

/** Route-level rule from `Policy`: anonymous callers get 401, signed-in callers the rule refuses get 403. */
export function Authorize(rule: Rule = isSignedIn) {
  return applyDecorators(
    SetMetadata(RULE, rule),
    UseGuards(AuthorizeGuard),
    ApiCookieAuth(),
    ApiUnauthorizedResponse({ description: 'Not signed in' }),
    ApiForbiddenResponse({ description: 'Not allowed for this role' }),
  );
}

@Injectable()
export class AuthorizeGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const rule = this.reflector.getAllAndOverride<Rule | undefined>(RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) return true;
    const actor = actorOf(context.switchToHttp().getRequest<Request>());
    if (rule(actor)) return true;
    if (!actor) throw new UnauthorizedException('Sign in to continue');
    throw new ForbiddenException('Your role does not allow this');
  }
}

/** Object-level check inside a service: 401 for anonymous, 403 otherwise. */
export function assertAllowed(
  allowed: boolean,
  actor: Actor | null,
  reason = 'Your role does not allow this',
): void {
  if (allowed) return;
  if (!actor) throw new UnauthorizedException('Sign in to continue');
  throw new ForbiddenException(reason);
}

export function actorOf(req: Request): Actor | null {
  return (req.user as Actor | undefined) ?? null;
}

/** The signed-in actor, or null for anonymous routes. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor | null =>
  actorOf(ctx.switchToHttp().getRequest<Request>()),
);
