import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { RateLimit, UuidPipe } from '@pratique/api/platform';
import {
  CheckInCode,
  DashboardPage,
  Eligibility,
  Page,
  RegistrationDto,
  SeminarDetail,
  SeminarStats,
  SeminarSummary,
} from '@pratique/contracts';
import { stringify } from 'csv-stringify';
import type { Request, Response } from 'express';
import { Readable } from 'stream';
import { AttendanceService } from './attendance/attendance.service';
import { AttendanceDto, CheckInDto } from './attendance/dto/attendance.dto';
import { dashboardCsvCells, dashboardCsvHeader } from './dashboard/dashboard-csv';
import { DashboardService } from './dashboard/dashboard.service';
import { DashboardQueryDto } from './dashboard/dto/dashboard.query';
import { EligibilityService } from './eligibility/eligibility.service';
import { RegistrationsService } from './registrations/registrations.service';
import { CreateSeminarDto, ListSeminarsQuery, UpdateSeminarDto } from './seminars/dto/seminar.dto';
import { seminarIcs } from './seminars/seminar-calendar';
import { SeminarsService } from './seminars/seminars.service';

const baseUrl = (req: Request) => `${req.protocol}://${req.get('host')}`;

@ApiTags('seminars')
@Controller()
@Authorize()
export class SeminarsController {
  constructor(
    private readonly seminars: SeminarsService,
    private readonly eligibility: EligibilityService,
    private readonly registrations: RegistrationsService,
    private readonly dashboard: DashboardService,
    private readonly attendance: AttendanceService,
  ) {}

  @Get('seminars')
  list(@CurrentActor() actor: Actor, @Query() query: ListSeminarsQuery): Promise<Page<SeminarSummary>> {
    return this.seminars.list(actor, query);
  }

  @Post('seminars')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSeminarDto): Promise<SeminarDetail> {
    return this.seminars.create(actor, dto);
  }

  @Get('seminars/:id')
  get(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SeminarDetail> {
    return this.seminars.detail(actor, id);
  }

  @Patch('seminars/:id')
  update(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: UpdateSeminarDto,
  ): Promise<SeminarDetail> {
    return this.seminars.update(actor, id, dto);
  }

  /** My eligibility and its explanation, in one round trip to the database. */
  @Get('seminars/:id/eligibility')
  myEligibility(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<Eligibility> {
    return this.eligibility.mine(actor, id);
  }

  @Post('seminars/:id/registrations')
  @RateLimit('registration')
  register(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<RegistrationDto> {
    return this.registrations.register(actor, id);
  }

  @Delete('seminars/:id/registrations/me')
  @HttpCode(204)
  cancel(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<void> {
    return this.registrations.cancel(actor, id);
  }

  @Post('registrations/:id/confirm')
  @HttpCode(200)
  confirm(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<RegistrationDto> {
    return this.registrations.confirm(actor, id);
  }

  @Post('registrations/:id/decline')
  @HttpCode(200)
  decline(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<RegistrationDto> {
    return this.registrations.decline(actor, id);
  }

  @Get('seminars/:id/calendar.ics')
  @ApiProduces('text/calendar')
  async ics(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const s = await this.seminars.visible(actor, id);
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="seminar-${id}.ics"`,
    });
    return seminarIcs(s, actor.preferredLanguage, `${baseUrl(req)}/seminars/${id}`);
  }

  @Get('seminars/:id/dashboard')
  dashboardPage(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Query() q: DashboardQueryDto,
  ): Promise<DashboardPage> {
    return this.dashboard.page(actor, id, q);
  }

  /** The whole filtered audience as CSV, streamed from a database cursor (memory stays flat). */
  @Get('seminars/:id/dashboard.csv')
  @ApiProduces('text/csv')
  async dashboardCsv(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Query() q: DashboardQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { modules: columns, batches } = await this.dashboard.rows(actor, id, q);
    const modules = columns.map((c) => c.moduleId);
    const lang = actor.preferredLanguage;
    res.set({
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="eligibility-${id}.csv"`,
    });
    const csv = stringify({
      header: true,
      bom: true,
      cast: { string: (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
      columns: dashboardCsvHeader(columns, lang),
    });
    const rows = Readable.from(
      (async function* () {
        for await (const batch of batches) for (const r of batch) yield dashboardCsvCells(r, modules, lang);
      })(),
    );
    rows.on('error', (err) => csv.destroy(err));
    return new StreamableFile(rows.pipe(csv));
  }

  @Post('seminars/:id/attendance')
  @HttpCode(200)
  markAttendance(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Body() dto: AttendanceDto,
  ): Promise<{ updated: number }> {
    return this.attendance.mark(actor, id, dto);
  }

  @Get('seminars/:id/check-in-code')
  checkInCode(
    @CurrentActor() actor: Actor,
    @Param('id', new UuidPipe()) id: string,
    @Req() req: Request,
  ): Promise<CheckInCode> {
    return this.attendance.code(actor, id, baseUrl(req));
  }

  @Post('seminars/:id/check-in')
  @HttpCode(200)
  checkIn(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string, @Body() dto: CheckInDto) {
    return this.attendance.checkIn(actor, id, dto.code);
  }

  @Get('seminars/:id/stats')
  stats(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<SeminarStats> {
    return this.attendance.stats(actor, id);
  }

  @Get('regions/:regionId/seminar-stats')
  regionStats(
    @CurrentActor() actor: Actor,
    @Param('regionId', new UuidPipe()) regionId: string,
  ): Promise<SeminarStats[]> {
    return this.attendance.regionStats(actor, regionId);
  }
}
