import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Req,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { SESSION_COOKIE, UuidPipe } from '@pratique/api/platform';
import { CurrentUser } from '@pratique/contracts';
import type { Request, Response } from 'express';
import { Actor, toCurrentUser } from '../authorization/actor';
import { Authorize, CurrentActor } from '../authorization/authorize.decorator';
import { AuthService } from './auth.service';
import { SignInDto } from './dto/sign-in.dto';
import { SignUpDto } from './dto/sign-up.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { LocalAuthGuard } from './local-auth.guard';
import { LoginThrottlerGuard } from './login-throttle';

/**
 * Cookie sessions (not JWT): the SPA is served from the same origin, an httpOnly SameSite cookie
 * keeps the token away from scripts, and sign-out or a revoked role takes effect at once.
 */
@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('sign-up')
  @UseGuards(LoginThrottlerGuard)
  @ApiCreatedResponse({ description: 'Account created and signed in' })
  async signUp(@Body() dto: SignUpDto, @Req() req: Request): Promise<CurrentUser> {
    const actor = await this.auth.signUp(dto);
    await new Promise<void>((resolve, reject) => req.login(actor, (err) => (err ? reject(err) : resolve())));
    return toCurrentUser(actor);
  }

  @Post('sign-in')
  @HttpCode(200)
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  @ApiBody({ type: SignInDto })
  @ApiOkResponse({ description: 'Signed in' })
  @ApiTooManyRequestsResponse({ description: 'Too many attempts: wait a minute' })
  signIn(@CurrentActor() actor: Actor): CurrentUser {
    return toCurrentUser(actor);
  }

  @Post('sign-out')
  @HttpCode(204)
  async signOut(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await new Promise<void>((resolve, reject) => req.logout((err) => (err ? reject(err) : resolve())));
    await new Promise<void>((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));
    res.clearCookie(SESSION_COOKIE);
  }

  @Get('me')
  @Authorize()
  me(@CurrentActor() actor: Actor): CurrentUser {
    return toCurrentUser(actor);
  }

  @Patch('me')
  @Authorize()
  async updateMe(@CurrentActor() actor: Actor, @Body() dto: UpdateProfileDto): Promise<CurrentUser> {
    return toCurrentUser(await this.auth.updateProfile(actor, dto));
  }

  @Put('me/organisations/:organisationId')
  @Authorize()
  async joinOrganisation(
    @CurrentActor() actor: Actor,
    @Param('organisationId', new UuidPipe()) organisationId: string,
  ): Promise<CurrentUser> {
    return toCurrentUser(await this.auth.joinOrganisation(actor, organisationId));
  }

  @Delete('me/organisations/:organisationId')
  @Authorize()
  async leaveOrganisation(
    @CurrentActor() actor: Actor,
    @Param('organisationId', new UuidPipe()) organisationId: string,
  ): Promise<CurrentUser> {
    return toCurrentUser(await this.auth.leaveOrganisation(actor, organisationId));
  }
}
