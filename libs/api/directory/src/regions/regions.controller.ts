import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authorize, Policy } from '@pratique/api/accounts';
import { RegionDto } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { CreateRegionDto, UpdateRegionDto } from './dto/region.dto';
import { RegionsService } from './regions.service';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly regions: RegionsService) {}

  /** Public: the sign-up form lists regions. */
  @Get()
  list(): Promise<RegionDto[]> {
    return this.regions.list();
  }

  @Post()
  @Authorize(Policy.manageDirectory)
  create(@Body() dto: CreateRegionDto): Promise<RegionDto> {
    return this.regions.create(dto);
  }

  @Patch(':id')
  @Authorize(Policy.manageDirectory)
  update(@Param('id', new UuidPipe()) id: string, @Body() dto: UpdateRegionDto): Promise<RegionDto> {
    return this.regions.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authorize(Policy.manageDirectory)
  remove(@Param('id', new UuidPipe()) id: string): Promise<void> {
    return this.regions.remove(id);
  }
}
