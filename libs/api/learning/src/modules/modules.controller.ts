import { Body, Controller, Get, Param, Patch, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { ModuleDetail, ModuleLearner, ModuleSummary, MyModule } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { stringify } from 'csv-stringify';
import type { Response } from 'express';
import { CreateModuleDto, UpdateModuleDto } from './dto/module.dto';
import { ModulesService } from './modules.service';

@ApiTags('modules')
@Controller()
export class ModulesController {
  constructor(private readonly modules: ModulesService) {}

  @Get('spaces/:spaceId/modules')
  list(@CurrentActor() actor: Actor | null, @Param('spaceId', new UuidPipe()) spaceId: string): Promise<ModuleSummary[]> {
    return this.modules.listForSpace(actor, spaceId);
  }

  @Post('spaces/:spaceId/modules')
  @Authorize()
  create(@CurrentActor() actor: Actor, @Param('spaceId', new UuidPipe()) spaceId: string, @Body() dto: CreateModuleDto): Promise<ModuleDetail> {
    return this.modules.create(actor, spaceId, dto);
  }

  @Get('modules/:id')
  get(@CurrentActor() actor: Actor | null, @Param('id', new UuidPipe()) id: string): Promise<ModuleDetail> {
    return this.modules.detail(actor, id);
  }

  @Patch('modules/:id')
  @Authorize()
  update(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string, @Body() dto: UpdateModuleDto): Promise<ModuleDetail> {
    return this.modules.update(actor, id, dto);
  }

  @Get('modules/:id/learners')
  @Authorize()
  learners(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<ModuleLearner[]> {
    return this.modules.learners(actor, id);
  }

  /** The learners as CSV (UTF-8 with BOM so spreadsheet software reads Arabic names). */
  @Get('modules/:id/learners.csv')
  @Authorize()
  @ApiProduces('text/csv')
  async learnersCsv(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const rows = await this.modules.learnersExport(actor, id);
    res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="learners-${id}.csv"` });
    const csv = stringify({
      header: true,
      bom: true,
      // A name starting with = + - @ would run as a formula in a spreadsheet: prefix it.
      cast: { string: (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
      columns: ['name', 'started_at', 'percent', 'completed_at', 'last_activity_at', 'best_quiz_scores'],
    });
    for (const r of rows)
      csv.write([
        r.displayName,
        new Date(r.startedAt).toISOString(),
        r.percent,
        r.completedAt ? new Date(r.completedAt).toISOString() : '',
        new Date(r.lastActivityAt).toISOString(),
        r.quizScores.map((q) => q.bestScore).join(' '),
      ]);
    csv.end();
    return new StreamableFile(csv);
  }

  @Get('me/modules')
  @Authorize()
  myModules(@CurrentActor() actor: Actor): Promise<MyModule[]> {
    return this.modules.myModules(actor);
  }
}
