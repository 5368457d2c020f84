import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { UuidPipe } from '@pratique/api/platform';
import { ContributorProfile } from '@pratique/contracts';
import type { Response } from 'express';
import { AttestationQueryDto } from './dto/attestation.query';
import { RecognitionService } from './recognition.service';

/** A contributor's recognition (SkillRoutes.contributor / attestation): signed-in members only. */
@ApiTags('recognition')
@Controller()
export class RecognitionController {
  constructor(private readonly recognition: RecognitionService) {}

  @Get('members/:id/contributions')
  @Authorize()
  contributor(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<ContributorProfile> {
    return this.recognition.contributor(actor, id);
  }

  @Get('members/:id/attestation.pdf')
  @Authorize()
  @ApiProduces('application/pdf')
  async attestation(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Query() query: AttestationQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { data, disposition } = await this.recognition.attestation(actor, id, query);
    res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': disposition });
    return new StreamableFile(data);
  }
}
