import { BadRequestException, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { toFieldErrors, unsafeInputFields } from '@pratique/api/platform';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Request } from 'express';
import { SignInDto } from './dto/sign-in.dto';

/**
 * Validates the body (400 with fields, like every route), then runs passport-local and opens
 * the session (passport regenerates the session id on login, so no fixation).
 */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const body: unknown = req.body ?? {};
    // The checks of the global pipe first (prototype keys, NUL, depth, a list for an object): guards run before pipes.
    const fields = unsafeInputFields(body);
    if (!fields.length && Array.isArray(body))
      fields.push({ field: 'body', reason: 'must be a JSON object, not a list' });
    if (!fields.length)
      fields.push(
        ...toFieldErrors(
          await validate(plainToInstance(SignInDto, body), { whitelist: true, forbidNonWhitelisted: true }),
        ),
      );
    if (fields.length) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'Some fields are invalid',
        errors: fields,
      });
    }
    const ok = (await super.canActivate(context)) as boolean;
    await super.logIn(req);
    return ok;
  }
}
