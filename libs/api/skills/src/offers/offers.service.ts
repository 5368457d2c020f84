import { ForbiddenException, Injectable } from '@nestjs/common';
import { Actor, assertAllowed } from '@pratique/api/accounts';
import { fieldError } from '@pratique/api/platform';
import { isOfferFlagged, normaliseTags, Page, SkillOffer, SkillPostStatus } from '@pratique/contracts';
import { CreateSkillOfferDto, SkillListQueryDto, UpdateSkillOfferDto } from '../dto/skill-offer.dto';
import { distinct, orCurrent, skillsOf } from '../skill-input';
import { SkillPolicy } from '../skills.policy';
import { OfferRow, OffersRepository } from './offers.repository';

/** Offers of expertise: posting, listing, reading, editing and closing; the flagged list. */
@Injectable()
export class OffersService {
  constructor(private readonly repo: OffersRepository) {}

  async create(actor: Actor, dto: CreateSkillOfferDto): Promise<SkillOffer> {
    if (dto.regionId !== null) await this.assertRegion(dto.regionId);
    const id = await this.repo.insert(actor.id, {
      title: dto.title.trim(),
      description: dto.description,
      skills: skillsOf(dto.skills),
      formats: distinct(dto.formats),
      availability: dto.availability,
      languages: distinct(dto.languages),
      regionId: dto.regionId,
    });
    return this.detail(actor, id);
  }

  async list(actor: Actor, q: SkillListQueryDto): Promise<Page<SkillOffer>> {
    const { items, total } = await this.repo.list({
      q: q.q?.trim() || null,
      skill: q.skill !== undefined ? (normaliseTags([q.skill])[0] ?? null) : null,
      regionId: q.regionId ?? null,
      format: q.format ?? null,
      authorId: q.mine ? actor.id : null,
      status: q.status ?? SkillPostStatus.Open,
      page: q.page,
      pageSize: q.pageSize,
    });
    return { items: await this.forViewer(actor, items), total, page: q.page, pageSize: q.pageSize };
  }

  async detail(actor: Actor, id: string): Promise<SkillOffer> {
    const row = await this.repo.byId(id);
    if (!row) throw unknownOffer();
    return (await this.forViewer(actor, [row]))[0];
  }

  /** The author (or an admin) edits any field, closes or reopens the offer. */
  async update(actor: Actor, id: string, dto: UpdateSkillOfferDto): Promise<SkillOffer> {
    const current = await this.repo.byId(id);
    if (!current) throw unknownOffer();
    assertAllowed(
      SkillPolicy.editOffer(actor, { authorId: current.author.id }),
      actor,
      'Only the author edits an offer',
    );
    if (dto.regionId !== undefined && dto.regionId !== null && dto.regionId !== current.regionId)
      await this.assertRegion(dto.regionId);
    await this.repo.update(id, {
      title: dto.title !== undefined ? dto.title.trim() : current.title,
      description: orCurrent(dto.description, current.description),
      skills: dto.skills !== undefined ? skillsOf(dto.skills) : current.skills,
      formats: dto.formats !== undefined ? distinct(dto.formats) : current.formats,
      availability: orCurrent(dto.availability, current.availability),
      languages: dto.languages !== undefined ? distinct(dto.languages) : current.languages,
      regionId: orCurrent(dto.regionId, current.regionId),
      status: orCurrent(dto.status, current.status),
    });
    return this.detail(actor, id);
  }

  /** Offers the rating rule flags: for staff, admins and animators (never hidden automatically). */
  async flagged(actor: Actor): Promise<SkillOffer[]> {
    if (!SkillPolicy.seeFlags(actor))
      throw new ForbiddenException('Flagged offers are for staff, admins and animators');
    return this.forViewer(actor, await this.repo.flagged());
  }

  /** Adds what depends on the caller: `can`, and `flagged` for those who may see it. */
  async forViewer(actor: Actor, rows: OfferRow[]): Promise<SkillOffer[]> {
    const seesFlags = SkillPolicy.seeFlags(actor);
    const hasOpenRequest = rows.length
      ? await this.repo.anyOpenRequestOf(actor.organisations.map((o) => o.id))
      : false;
    return rows.map((row) => ({
      ...row,
      flagged: seesFlags && isOfferFlagged(row.rating),
      can: {
        edit: SkillPolicy.editOffer(actor, { authorId: row.author.id }),
        propose: row.status === SkillPostStatus.Open && row.author.id !== actor.id && hasOpenRequest,
      },
    }));
  }

  private async assertRegion(regionId: string): Promise<void> {
    if (!(await this.repo.regionExists(regionId))) throw fieldError(400, 'regionId', 'is not a known region');
  }
}

export const unknownOffer = () => fieldError(404, 'id', 'is not a known skill offer');
