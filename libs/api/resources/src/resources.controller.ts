import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile as Upload,
  UseInterceptors,
} from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import type { MultipartFile } from '@pratique/api/learning';
import { fieldError, RateLimit, SingleFileUpload, UuidPipe } from '@pratique/api/platform';
import {
  ModerationQueue,
  Page,
  RESOURCE_FILE_BYTES,
  ResourceDetail,
  ResourceSummary,
  ReviewResult,
  ReviewView,
  UploadedFile,
} from '@pratique/contracts';
import type { Response } from 'express';
import {
  CreateResourceDto,
  ListResourcesQuery,
  OptionalReasonDto,
  PageQuery,
  ReasonDto,
  ReviewDto,
  UpdateResourceDto,
} from './dto/resource.dto';
import { ModerationService } from './moderation.service';
import { ResourcesService } from './resources.service';
import { ReviewsService } from './reviews.service';

/** A space is named by its id or its slug. */
const SPACE_PARAM = /^[0-9a-z][0-9a-z-]{0,79}$/i;
function spaceParam(value: string): string {
  if (!SPACE_PARAM.test(value)) throw fieldError(400, 'space', 'must be a space id or slug');
  return value;
}

@ApiTags('resources')
@Controller()
export class ResourcesController {
  constructor(
    private readonly resources: ResourcesService,
    private readonly moderation: ModerationService,
    private readonly reviews: ReviewsService,
  ) {}

  /** The toolbox: published resources and the caller's own contributions. Public spaces: no sign-in needed. */
  @Get('spaces/:space/resources')
  list(
    @CurrentActor() actor: Actor | null,
    @Param('space') space: string,
    @Query() q: ListResourcesQuery,
  ): Promise<Page<ResourceSummary>> {
    return this.resources.list(actor, spaceParam(space), q);
  }

  @Get('spaces/:space/resources/mine')
  @Authorize()
  mine(@CurrentActor() actor: Actor, @Param('space') space: string): Promise<ResourceSummary[]> {
    return this.resources.mine(actor, spaceParam(space));
  }

  @Get('spaces/:space/resources/moderation')
  @Authorize()
  queue(@CurrentActor() actor: Actor, @Param('space') space: string): Promise<ModerationQueue> {
    return this.moderation.queue(actor, spaceParam(space));
  }

  @Post('spaces/:space/resource-files')
  @RateLimit('upload')
  @Authorize()
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } })
  @UseInterceptors(SingleFileUpload(RESOURCE_FILE_BYTES))
  upload(
    @CurrentActor() actor: Actor,
    @Param('space') space: string,
    @Upload() file: MultipartFile | undefined,
  ): Promise<UploadedFile> {
    return this.resources.upload(actor, spaceParam(space), file);
  }

  @Post('spaces/:space/resources')
  @Authorize()
  create(
    @CurrentActor() actor: Actor,
    @Param('space') space: string,
    @Body() dto: CreateResourceDto,
  ): Promise<ResourceDetail> {
    return this.resources.create(actor, spaceParam(space), dto);
  }

  @Get('resources/:id')
  detail(
    @CurrentActor() actor: Actor | null,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<ResourceDetail> {
    return this.resources.detail(actor, id);
  }

  @Patch('resources/:id')
  @Authorize()
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateResourceDto,
  ): Promise<ResourceDetail> {
    return this.resources.update(actor, id, dto);
  }

  /** Downloads the file and counts one use. */
  @Get('resources/:id/file')
  async file(
    @CurrentActor() actor: Actor | null,
    @Param('id', new UuidPipe()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.resources.download(actor, id);
    res.set({
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    return new StreamableFile(file.data);
  }

  /** Follows a link resource (302) and counts one use. */
  @Get('resources/:id/open')
  async open(
    @CurrentActor() actor: Actor | null,
    @Param('id', new UuidPipe()) id: string,
    @Res() res: Response,
  ): Promise<void> {
    const url = await this.resources.open(actor, id);
    res.set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }).redirect(302, url);
  }

  @Post('resources/:id/approve')
  @Authorize()
  @HttpCode(200)
  approve(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
  ): Promise<ResourceDetail> {
    return this.moderation.approve(actor, id);
  }

  @Post('resources/:id/reject')
  @Authorize()
  @HttpCode(200)
  reject(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ReasonDto,
  ): Promise<ResourceDetail> {
    return this.moderation.reject(actor, id, dto.reason);
  }

  @Post('resources/:id/unpublish')
  @Authorize()
  @HttpCode(200)
  unpublish(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: OptionalReasonDto,
  ): Promise<ResourceDetail> {
    return this.moderation.unpublish(actor, id, dto.reason);
  }

  @Get('resources/:id/reviews')
  reviewList(
    @CurrentActor() actor: Actor | null,
    @Param('id', new UuidPipe()) id: string,
    @Query() q: PageQuery,
  ): Promise<Page<ReviewView>> {
    return this.reviews.list(actor, id, q);
  }

  /** My rating and review of the resource: created or replaced. */
  @Put('resources/:id/reviews/me')
  @Authorize()
  review(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ReviewDto,
  ): Promise<ReviewResult> {
    return this.reviews.upsert(actor, id, dto);
  }

  @Post('resources/:id/reports')
  @Authorize()
  report(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: ReasonDto,
  ): Promise<{ id: string }> {
    return this.reviews.report(actor, id, dto.reason);
  }

  @Post('resource-reports/:id/dismiss')
  @Authorize()
  @HttpCode(204)
  dismiss(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<void> {
    return this.moderation.dismissReport(actor, id);
  }
}
