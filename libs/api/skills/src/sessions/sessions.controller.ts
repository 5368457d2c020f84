import { Body, Controller, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { fieldError, UuidPipe } from '@pratique/api/platform';
import { SkillSession, SkillSessionStatus } from '@pratique/contracts';
import type { Response } from 'express';
import { SkillSessionProposalDto, SkillSessionRatingDto } from '../dto/skill-session.dto';
import { sessionIcs } from './session-calendar';
import { SessionTransitionsService } from './session-transitions.service';
import { forViewer, SessionsService } from './sessions.service';

@ApiTags('skills')
@Controller('skill-sessions')
@Authorize()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly transitions: SessionTransitionsService,
  ) {}

  @Post()
  propose(@CurrentActor() actor: Actor, @Body() dto: SkillSessionProposalDto): Promise<SkillSession> {
    return this.sessions.propose(actor, dto);
  }

  /** The caller's sessions, both sides: upcoming first. */
  @Get()
  mine(@CurrentActor() actor: Actor): Promise<SkillSession[]> {
    return this.sessions.mine(actor);
  }

  @Get(':id')
  detail(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SkillSession> {
    return this.sessions.detail(actor, id);
  }

  @Post(':id/accept')
  @HttpCode(200)
  accept(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SkillSession> {
    return this.transitions.apply(actor, id, 'accept');
  }

  @Post(':id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SkillSession> {
    return this.transitions.apply(actor, id, 'decline');
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SkillSession> {
    return this.transitions.apply(actor, id, 'cancel');
  }

  @Post(':id/done')
  @HttpCode(200)
  done(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SkillSession> {
    return this.transitions.apply(actor, id, 'done');
  }

  /** The caller's side's rating, once the session is done: created or replaced. */
  @Put(':id/rating')
  rate(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: SkillSessionRatingDto,
  ): Promise<SkillSession> {
    return this.transitions.rate(actor, id, dto);
  }

  /** The accepted session as an .ics file, for its two sides. */
  @Get(':id/calendar.ics')
  async calendar(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { row } = await this.sessions.party(actor, id);
    if (row.status !== SkillSessionStatus.Accepted)
      throw fieldError(409, 'status', `is ${row.status}: only an accepted session goes in a calendar`);
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="skill-session-${id}.ics"`,
      'Cache-Control': 'private, no-store',
    });
    return sessionIcs(forViewer(actor, row));
  }
}
