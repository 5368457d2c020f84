import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { fieldError } from '@pratique/api/platform';
import { RegionDto } from '@pratique/contracts';
import { Repository } from 'typeorm';
import { CreateRegionDto, UpdateRegionDto } from './dto/region.dto';
import { RegionEntity } from './region.entity';

@Injectable()
export class RegionsService {
  constructor(@InjectRepository(RegionEntity) private readonly regions: Repository<RegionEntity>) {}

  async list(): Promise<RegionDto[]> {
    return (await this.regions.find({ order: { name: 'ASC' } })).map(toDto);
  }

  async create(dto: CreateRegionDto): Promise<RegionDto> {
    if (await this.regions.existsBy({ code: dto.code })) throw fieldError(409, 'code', 'is already used by another region');
    return toDto(await this.regions.save(this.regions.create(dto)));
  }

  async update(id: string, dto: UpdateRegionDto): Promise<RegionDto> {
    const region = await this.get(id);
    if (dto.code && dto.code !== region.code && (await this.regions.existsBy({ code: dto.code })))
      throw fieldError(409, 'code', 'is already used by another region');
    return toDto(await this.regions.save(this.regions.merge(region, dto)));
  }

  /** A region still used by organisations, users or spaces cannot be deleted (409). */
  async remove(id: string): Promise<void> {
    await this.get(id);
    await this.regions.delete({ id });
  }

  private async get(id: string): Promise<RegionEntity> {
    const region = await this.regions.findOneBy({ id });
    if (!region) throw fieldError(404, 'id', 'is not a known region');
    return region;
  }
}

const toDto = (r: RegionEntity): RegionDto => ({ id: r.id, code: r.code, name: r.name });
