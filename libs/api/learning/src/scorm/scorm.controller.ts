import { MultipartFile } from '../files/multipart-file';
import { Controller, Get, Param, Post, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { RateLimit, SingleFileUpload, UuidPipe } from '@pratique/api/platform';
import { ScormContent, UPLOAD_LIMITS } from '@pratique/contracts';
import type { Response } from 'express';
import { ScormPackagesService } from './scorm-packages.service';

const PACKAGE_CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "media-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'self'",
].join('; ');

@ApiTags('scorm')
@Controller()
export class ScormController {
  constructor(private readonly packages: ScormPackagesService) {}

  @Post('scorm-packages')
  @RateLimit('upload')
  @Authorize()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(SingleFileUpload(UPLOAD_LIMITS.scormZipBytes))
  upload(@CurrentActor() actor: Actor, @UploadedFile() file: MultipartFile | undefined): Promise<ScormContent> {
    return this.packages.upload(actor, file);
  }

  /** Serves a package's files on the app's own origin, so the runtime in the parent frame is reachable. */
  @Get('scorm/:packageId/files/*path')
  async asset(
    @CurrentActor() actor: Actor | null,
    @Param('packageId', new UuidPipe()) packageId: string,
    @Param('path') path: string | string[],
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const joined = (Array.isArray(path) ? path.join('/') : path).slice(0, 1024);
    const asset = await this.packages.asset(actor, packageId, joined);
    res.set({
      'Content-Type': asset.contentType,
      'Cache-Control': 'private, max-age=300',
      'X-Content-Type-Options': 'nosniff',
      // Packages from authoring tools use inline scripts; they are uploaded by animators and admins only.
      'Content-Security-Policy': PACKAGE_CSP,
    });
    return new StreamableFile(asset.data);
  }
}
