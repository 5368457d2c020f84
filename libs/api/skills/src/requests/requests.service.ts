import { Injectable } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { normaliseTags, Page, SkillPostStatus, SkillRequest } from '@pratique/contracts';
import { SkillListQueryDto } from '../dto/skill-offer.dto';
import { CreateSkillRequestDto, UpdateSkillRequestDto } from '../dto/skill-request.dto';
import { distinct, orCurrent, skillsOf } from '../skill-input';
import { forbiddenField } from '../skills.errors';
import { isMemberOf, SkillPolicy } from '../skills.policy';
import { RequestRow, RequestsRepository } from './requests.repository';

/** Organisations' needs: posted and edited by the organisation's members, listed and read by all members. */
@Injectable()
export class RequestsService {
  constructor(private readonly repo: RequestsRepository) {}

  async create(actor: Actor, dto: CreateSkillRequestDto): Promise<SkillRequest> {
    if (!SkillPolicy.postRequestFor(actor, dto.organisationId))
      throw forbiddenField('organisationId', 'is not an organisation you belong to');
    if (dto.regionId !== null) await this.assertRegion(dto.regionId);
    const id = await this.repo.insert(dto.organisationId, actor.id, {
      title: dto.title.trim(),
      why: dto.why,
      expectedOutcome: dto.expectedOutcome,
      deadline: dto.deadline,
      formats: distinct(dto.formats),
      regionId: dto.regionId,
      skills: skillsOf(dto.skills),
      languages: distinct(dto.languages),
    });
    return this.detail(actor, id);
  }

  async list(actor: Actor, q: SkillListQueryDto): Promise<Page<SkillRequest>> {
    const { items, total } = await this.repo.list({
      q: q.q?.trim() || null,
      skill: q.skill !== undefined ? (normaliseTags([q.skill])[0] ?? null) : null,
      regionId: q.regionId ?? null,
      format: q.format ?? null,
      organisationIds: q.mine ? actor.organisations.map((o) => o.id) : null,
      status: q.status ?? SkillPostStatus.Open,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: await this.forViewer(actor, items), total, page: q.page, pageSize: q.pageSize };
  }

  async detail(actor: Actor, id: string): Promise<SkillRequest> {
    const row = await this.repo.byId(id);
    if (!row) throw unknownRequest();
    return (await this.forViewer(actor, [row]))[0];
  }

  /** Members of the organisation (or an admin) edit, close or reopen its request. */
  async update(actor: Actor, id: string, dto: UpdateSkillRequestDto): Promise<SkillRequest> {
    const current = await this.repo.byId(id);
    if (!current) throw unknownRequest();
    assertAllowed(
      SkillPolicy.editRequest(actor, { organisationId: current.organisation.id }),
      actor,
      'Only members of the organisation edit its request',
    );
    if (dto.regionId !== undefined && dto.regionId !== null && dto.regionId !== current.regionId)
      await this.assertRegion(dto.regionId);
    await this.repo.update(id, {
      title: dto.title !== undefined ? dto.title.trim() : current.title,
      why: orCurrent(dto.why, current.why),
      expectedOutcome: orCurrent(dto.expectedOutcome, current.expectedOutcome),
      deadline: orCurrent(dto.deadline, current.deadline),
      formats: dto.formats !== undefined ? distinct(dto.formats) : current.formats,
      regionId: orCurrent(dto.regionId, current.regionId),
      skills: dto.skills !== undefined ? skillsOf(dto.skills) : current.skills,
      languages: dto.languages !== undefined ? distinct(dto.languages) : current.languages,
      status: orCurrent(dto.status, current.status),
    });
    return this.detail(actor, id);
  }

  /** Adds `can`: `edit` for members of the organisation (and admins), `propose` for a volunteer with an open offer. */
  async forViewer(actor: Actor, rows: RequestRow[]): Promise<SkillRequest[]> {
    const hasOpenOffer = rows.length ? await this.repo.hasOpenOffer(actor.id) : false;
    return rows.map((row) => ({
      ...row,
      can: {
        edit: SkillPolicy.editRequest(actor, { organisationId: row.organisation.id }),
        propose:
          row.status === SkillPostStatus.Open && hasOpenOffer && !isMemberOf(actor, row.organisation.id),
      },
    }));
  }

  private async assertRegion(regionId: string): Promise<void> {
    if (!(await this.repo.regionExists(regionId))) throw fieldError(400, 'regionId', 'is not a known region');
  }
}

export const unknownRequest = () => fieldError(404, 'id', 'is not a known skill request');
