import { Controller, Get, Param, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { CertificateVerification } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import type { Request, Response } from 'express';
import { CertificatesService } from './certificates.service';

@ApiTags('certificates')
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Get('modules/:id/certificate.pdf')
  @Authorize()
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { code, data } = await this.certificates.pdf(actor, id, `${req.protocol}://${req.get('host')}`);
    res.set({ 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="certificat-${code}.pdf"` });
    return new StreamableFile(data);
  }

  /** Public: anyone holding a code can check it. */
  @Get('certificates/:code')
  verify(@Param('code') code: string): Promise<CertificateVerification> {
    return this.certificates.verify(code.slice(0, 32));
  }
}
