import { MultipartFile } from './multipart-file';
import { Controller, Get, Param, Post, Query, Res, StreamableFile, UploadedFile as Upload, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { fieldError, RateLimit, SingleFileUpload, UuidPipe } from '@pratique/api/platform';
import { UPLOAD_LIMITS, UploadedFile } from '@pratique/contracts';
import type { Response } from 'express';
import { FilesService, UploadPurpose } from './files.service';

@ApiTags('files')
@Controller('files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  @Post()
  @RateLimit('upload')
  @Authorize()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiQuery({ name: 'purpose', enum: ['lesson', 'cover'], required: false })
  @UseInterceptors(SingleFileUpload(UPLOAD_LIMITS.fileBytes))
  upload(@CurrentActor() actor: Actor, @Query('purpose') purpose: string | undefined, @Upload() file: MultipartFile | undefined): Promise<UploadedFile> {
    const p = purpose ?? 'lesson';
    if (p !== 'lesson' && p !== 'cover') throw fieldError(400, 'purpose', 'must be lesson or cover');
    return this.files.upload(actor, p as UploadPurpose, file);
  }

  @Get(':id')
  async download(
    @CurrentActor() actor: Actor | null,
    @Param('id', new UuidPipe()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.files.download(actor, id);
    res.set({
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': `${file.contentType.startsWith('image/') || file.contentType.startsWith('video/') ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Cache-Control': 'private, max-age=3600',
      ETag: `"${file.sha256}"`,
      'X-Content-Type-Options': 'nosniff',
    });
    return new StreamableFile(file.data);
  }
}
