import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, assertAllowed, SeminarPolicy } from '@pratique/api/accounts';
import { fieldError, mergeLocalized, writeActivity, writeOutbox } from '@pratique/api/platform';
import { ActivityKind, DomainEventType, Page, RegistrationBlockedCode, RegistrationStatus, SeminarAudience, SeminarDetail, SeminarStatus, SeminarSummary } from '@pratique/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { EligibilityService } from '../eligibility/eligibility.service';
import { checkRule } from '../eligibility/rule';
import { compact } from '../localized';
import { CreateSeminarDto, ListSeminarsQuery, UpdateSeminarDto } from './dto/seminar.dto';
import { SeminarScope, SeminarsRepository } from './seminars.repository';

/** Which seminars the actor may see beyond the published ones of their regions and spaces. */
const scopeOf = (actor: Actor): SeminarScope => ({
  regionIds: [actor.regionId, ...actor.organisationRegionIds],
  manageRegionIds: actor.staffRegionIds,
  all: actor.isAdmin,
});

/** Statuses a seminar may move to from each status; cancelled and done are final. */
const TRANSITIONS: Record<SeminarStatus, SeminarStatus[]> = {
  [SeminarStatus.Draft]: [SeminarStatus.Open, SeminarStatus.Cancelled],
  [SeminarStatus.Open]: [SeminarStatus.Closed, SeminarStatus.Cancelled, SeminarStatus.Done, SeminarStatus.Draft],
  [SeminarStatus.Closed]: [SeminarStatus.Open, SeminarStatus.Cancelled, SeminarStatus.Done],
  [SeminarStatus.Cancelled]: [],
  [SeminarStatus.Done]: [],
};

type Window = Pick<SeminarSummary, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'startsAt'>;

/** Why a registration is refused now (a code), or null when the seminar takes registrations. */
export function registrationBlockedCode(s: Window, now = new Date()): RegistrationBlockedCode | null {
  if (s.status === SeminarStatus.Cancelled) return 'cancelled';
  if (s.status === SeminarStatus.Done || new Date(s.startsAt) <= now) return 'past';
  if (s.status !== SeminarStatus.Open) return 'not_open';
  if (new Date(s.registrationOpensAt) > now) return 'opens_later';
  if (new Date(s.registrationClosesAt) <= now) return 'closed';
  return null;
}

/** The same, as a sentence for API clients. */
export function registrationBlocked(s: Window, now = new Date()): string | null {
  const code = registrationBlockedCode(s, now);
  if (!code) return null;
  return {
    cancelled: 'This seminar is cancelled',
    past: 'This seminar has already taken place',
    not_open: 'Registrations are not open for this seminar',
    opens_later: `Registrations open on ${new Date(s.registrationOpensAt).toISOString().slice(0, 10)}`,
    closed: 'Registrations are closed',
  }[code];
}

@Injectable()
export class SeminarsService {
  constructor(
    private readonly seminars: SeminarsRepository,
    private readonly eligibility: EligibilityService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async list(actor: Actor, query: ListSeminarsQuery): Promise<Page<SeminarSummary>> {
    const { items, total } = await this.seminars.list(actor.id, query, scopeOf(actor));
    return { items, total, page: query.page, pageSize: query.pageSize };
  }

  /** The next `count` seminars the member may see (the home's list). */
  upcoming(actor: Actor, count: number): Promise<SeminarSummary[]> {
    return this.seminars.upcoming(actor.id, count, scopeOf(actor));
  }

  async detail(actor: Actor, id: string): Promise<SeminarDetail> {
    const s = await this.visible(actor, id);
    const myEligibility = await this.eligibility.explain(actor.id, id);
    const blocked = registrationBlocked(s);
    const active = s.myRegistration !== null && ![RegistrationStatus.Cancelled, RegistrationStatus.Declined].includes(s.myRegistration);
    return {
      ...s,
      myEligibility,
      registrationBlocked: blocked,
      registrationBlockedCode: registrationBlockedCode(s),
      can: {
        edit: SeminarPolicy.manage(actor, s.regionId),
        register: !blocked && !active && (myEligibility?.eligible ?? false),
        cancel: active && [RegistrationStatus.Pending, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted].includes(s.myRegistration!) && new Date(s.startsAt) > new Date(),
        manage: SeminarPolicy.manage(actor, s.regionId),
      },
    };
  }

  async create(actor: Actor, dto: CreateSeminarDto): Promise<SeminarDetail> {
    assertAllowed(SeminarPolicy.manage(actor, dto.regionId), actor, 'Only staff of this region and admins create its seminars');
    const id = await this.db.transaction(async (tx) => {
      const values = await this.validate(tx, { ...dto, description: dto.description ?? {} }, dto.regionId);
      const [row] = await tx.query(
        `INSERT INTO seminar (region_id, space_id, kind, title, description, original_language, venue, address, online_url,
                              starts_at, ends_at, capacity, registration_opens_at, registration_closes_at, audience,
                              audience_organisation_ids, requires_confirmation, rule_k, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19) RETURNING id`,
        [
          dto.regionId, values.spaceId, dto.kind, JSON.stringify(values.title), JSON.stringify(values.description), dto.originalLanguage,
          dto.venue ?? null, dto.address ?? null, dto.onlineUrl ?? null, dto.startsAt, dto.endsAt, dto.capacity,
          dto.registrationOpensAt, dto.registrationClosesAt, dto.audience, values.audienceOrganisationIds, dto.requiresConfirmation,
          dto.rule.k, actor.id,
        ],
      );
      await this.seminars.replaceRequirements(row.id, dto.rule.requirements, tx);
      await writeOutbox(tx, { type: DomainEventType.SeminarSaved, payload: { seminarId: row.id, regionId: dto.regionId } });
      return row.id as string;
    });
    return this.detail(actor, id);
  }

  async update(actor: Actor, id: string, dto: UpdateSeminarDto): Promise<SeminarDetail> {
    const current = await this.visible(actor, id);
    assertAllowed(SeminarPolicy.manage(actor, current.regionId), actor, 'Only staff of this region and admins edit its seminars');
    await this.db.transaction(async (tx) => {
      const [locked] = await tx.query(`SELECT status, seats_taken FROM seminar WHERE id = $1 FOR UPDATE`, [id]);
      const merged = {
        kind: dto.kind ?? current.kind,
        // A language sent as "" is removed; languages left out are kept.
        title: compact(mergeLocalized(current.title, dto.title)),
        description: compact(mergeLocalized(current.description, dto.description)),
        originalLanguage: dto.originalLanguage ?? current.originalLanguage,
        spaceId: dto.spaceId !== undefined ? dto.spaceId : current.spaceId,
        venue: dto.venue !== undefined ? dto.venue : current.venue,
        address: dto.address !== undefined ? dto.address : current.address,
        onlineUrl: dto.onlineUrl !== undefined ? dto.onlineUrl : current.onlineUrl,
        startsAt: dto.startsAt ?? current.startsAt,
        endsAt: dto.endsAt ?? current.endsAt,
        capacity: dto.capacity ?? current.capacity,
        registrationOpensAt: dto.registrationOpensAt ?? current.registrationOpensAt,
        registrationClosesAt: dto.registrationClosesAt ?? current.registrationClosesAt,
        audience: dto.audience ?? current.audience,
        audienceOrganisationIds: dto.audienceOrganisationIds ?? current.audienceOrganisationIds,
        requiresConfirmation: dto.requiresConfirmation ?? current.requiresConfirmation,
        rule: dto.rule ?? current.rule,
      };
      const values = await this.validate(tx, merged, current.regionId);
      if (merged.capacity < locked.seats_taken)
        throw fieldError(409, 'capacity', `cannot be below the ${locked.seats_taken} seats already taken`);
      let status: SeminarStatus = locked.status;
      if (dto.status && dto.status !== locked.status) {
        if (!TRANSITIONS[locked.status as SeminarStatus].includes(dto.status))
          throw fieldError(400, 'status', `cannot go from ${locked.status} to ${dto.status}`);
        status = dto.status;
      }
      await tx.query(
        `UPDATE seminar SET kind=$2, title=$3, description=$4, original_language=$5, space_id=$6, venue=$7, address=$8, online_url=$9,
                starts_at=$10, ends_at=$11, capacity=$12, registration_opens_at=$13, registration_closes_at=$14, audience=$15,
                audience_organisation_ids=$16, requires_confirmation=$17, rule_k=$18, status=$19, updated_at=now()
          WHERE id = $1`,
        [
          id, merged.kind, JSON.stringify(values.title), JSON.stringify(values.description), merged.originalLanguage, values.spaceId,
          merged.venue, merged.address, merged.onlineUrl, merged.startsAt, merged.endsAt, merged.capacity, merged.registrationOpensAt,
          merged.registrationClosesAt, merged.audience, values.audienceOrganisationIds, merged.requiresConfirmation, merged.rule.k, status,
        ],
      );
      if (dto.rule) await this.seminars.replaceRequirements(id, dto.rule.requirements, tx);
      const payload = { seminarId: id, regionId: current.regionId };
      await writeOutbox(tx, { type: DomainEventType.SeminarSaved, payload });
      if (status === SeminarStatus.Open && locked.status !== SeminarStatus.Open)
        await writeActivity(tx, {
          kind: ActivityKind.SeminarOpened,
          actorId: null,
          spaceId: values.spaceId,
          regionId: current.regionId,
          subjectId: id,
          title: compact(mergeLocalized(current.title, dto.title)),
          originalLanguage: merged.originalLanguage,
          dedupeKey: `seminar.opened:${id}`,
        });
      if (status === SeminarStatus.Cancelled && locked.status !== SeminarStatus.Cancelled)
        await writeOutbox(tx, { type: DomainEventType.SeminarCancelled, payload });
      else if (dto.startsAt || dto.endsAt || dto.venue !== undefined || dto.address !== undefined || dto.onlineUrl !== undefined)
        await writeOutbox(tx, { type: DomainEventType.SeminarChanged, payload });
    });
    return this.detail(actor, id);
  }

  /** The seminar if the caller may see it; 404 otherwise. */
  async visible(actor: Actor, id: string, tx?: EntityManager): Promise<SeminarSummary> {
    const s = await this.seminars.summary(actor.id, id, tx);
    if (!s || !SeminarPolicy.view(actor, s))
      throw new NotFoundException({ statusCode: 404, error: 'Not Found', message: 'This seminar does not exist', errors: [{ field: 'id', reason: 'is not a known seminar' }] });
    return s;
  }

  /** Of these seminars, those the caller may see, in the order of `ids` — one statement. */
  async visibleMany(actor: Actor, ids: readonly string[]): Promise<SeminarSummary[]> {
    const byId = new Map((await this.seminars.summaries(actor.id, ids)).map((s) => [s.id, s]));
    return ids.flatMap((id) => {
      const s = byId.get(id);
      return s && SeminarPolicy.view(actor, s) ? [s] : [];
    });
  }

  /** Cross-field checks: dates in order, audience coherent, a possible rule on published modules. */
  private async validate(
    tx: EntityManager,
    v: Pick<CreateSeminarDto, 'title' | 'originalLanguage' | 'startsAt' | 'endsAt' | 'registrationOpensAt' | 'registrationClosesAt' | 'audience' | 'rule'> & {
      description?: Record<string, string | undefined>;
      spaceId?: string | null;
      audienceOrganisationIds?: string[];
    },
    regionId: string,
  ) {
    const errors = checkRule(v.rule);
    const title = compact(v.title);
    if (!title[v.originalLanguage]) errors.push({ field: `title.${v.originalLanguage}`, reason: 'is required in the original language' });
    const t = (s: string) => new Date(s).getTime();
    if (t(v.endsAt) <= t(v.startsAt)) errors.push({ field: 'endsAt', reason: 'must be after startsAt' });
    if (t(v.registrationClosesAt) <= t(v.registrationOpensAt)) errors.push({ field: 'registrationClosesAt', reason: 'must be after registrationOpensAt' });
    if (t(v.registrationClosesAt) > t(v.startsAt)) errors.push({ field: 'registrationClosesAt', reason: 'must be before the seminar starts' });
    if (v.audience === SeminarAudience.Space && !v.spaceId) errors.push({ field: 'spaceId', reason: "is required when the audience is a space's members" });
    if (v.audience === SeminarAudience.Organisations && !v.audienceOrganisationIds?.length)
      errors.push({ field: 'audienceOrganisationIds', reason: 'must list at least one organisation' });
    if (!errors.length) {
      const unpublished = await this.seminars.unpublishedModules(v.rule.requirements.map((r) => r.moduleId), tx);
      v.rule.requirements.forEach((r, i) => {
        if (unpublished.includes(r.moduleId)) errors.push({ field: `rule.requirements.${i}.moduleId`, reason: 'is not a published module' });
      });
      if (v.spaceId && !(await tx.query(`SELECT 1 FROM space WHERE id = $1`, [v.spaceId])).length) errors.push({ field: 'spaceId', reason: 'does not exist' });
      if (v.audienceOrganisationIds?.length) {
        const found: { id: string }[] = await tx.query(`SELECT id FROM organisation WHERE id = ANY($1::uuid[])`, [v.audienceOrganisationIds]);
        if (found.length !== new Set(v.audienceOrganisationIds).size) errors.push({ field: 'audienceOrganisationIds', reason: 'contains an unknown organisation' });
      }
      if (!(await tx.query(`SELECT 1 FROM region WHERE id = $1`, [regionId])).length) errors.push({ field: 'regionId', reason: 'does not exist' });
    }
    if (errors.length) throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Some fields are invalid', errors });
    return {
      title,
      description: compact(v.description as Record<string, string>),
      spaceId: v.spaceId ?? null,
      audienceOrganisationIds: v.audience === SeminarAudience.Organisations ? [...new Set(v.audienceOrganisationIds)] : [],
    };
  }
}
