import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { fieldError } from '@pratique/api/platform';
import { OrganisationDto } from '@pratique/contracts';
import { Repository } from 'typeorm';
import { RegionEntity } from '../regions/region.entity';
import { CreateOrganisationDto, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationEntity } from './organisation.entity';

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>,
  ) {}

  async list(regionId?: string): Promise<OrganisationDto[]> {
    const rows = await this.organisations.find({ where: regionId ? { regionId } : {}, order: { name: 'ASC' } });
    return rows.map(toDto);
  }

  async create(dto: CreateOrganisationDto): Promise<OrganisationDto> {
    await this.assertRegion(dto.regionId);
    await this.assertUnique(dto);
    return toDto(await this.organisations.save(this.organisations.create({ ...dto, registrationNumber: dto.registrationNumber || null })));
  }

  async update(id: string, dto: UpdateOrganisationDto): Promise<OrganisationDto> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw fieldError(404, 'id', 'is not a known organisation');
    if (dto.regionId) await this.assertRegion(dto.regionId);
    await this.assertUnique(dto, id);
    return toDto(await this.organisations.save(this.organisations.merge(organisation, dto)));
  }

  /** An organisation with members cannot be deleted by accident: memberships cascade, so refuse instead. */
  async remove(id: string): Promise<void> {
    const organisation = await this.organisations.findOneBy({ id });
    if (!organisation) throw fieldError(404, 'id', 'is not a known organisation');
    const [{ count }] = await this.organisations.query(`SELECT count(*)::int AS count FROM membership WHERE organisation_id = $1`, [id]);
    if (count > 0) throw fieldError(409, 'id', `still has ${count} member(s): move them to another organisation first`);
    await this.organisations.delete({ id });
  }

  private async assertRegion(regionId: string): Promise<void> {
    if (!(await this.regions.existsBy({ id: regionId }))) throw fieldError(400, 'regionId', 'does not exist');
  }

  private async assertUnique(dto: UpdateOrganisationDto, exceptId?: string): Promise<void> {
    if (dto.name) {
      const rows = await this.organisations.query(`SELECT id FROM organisation WHERE lower(name) = lower($1)`, [dto.name]);
      if (rows.some((r: { id: string }) => r.id !== exceptId)) throw fieldError(409, 'name', 'is already used by another organisation');
    }
    if (dto.registrationNumber) {
      const other = await this.organisations.findOneBy({ registrationNumber: dto.registrationNumber });
      if (other && other.id !== exceptId) throw fieldError(409, 'registrationNumber', 'is already used by another organisation');
    }
  }
}

const toDto = (o: OrganisationEntity): OrganisationDto => ({
  id: o.id,
  name: o.name,
  regionId: o.regionId,
  registrationNumber: o.registrationNumber,
  thematicFields: o.thematicFields,
  verified: o.verified,
});
