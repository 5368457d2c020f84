import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authorize, Policy } from '@pratique/api/accounts';
import { OrganisationDto } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { CreateOrganisationDto, ListOrganisationsQuery, UpdateOrganisationDto } from './dto/organisation.dto';
import { OrganisationsService } from './organisations.service';

@ApiTags('organisations')
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /** Public: the sign-up form lists organisations of the chosen region. */
  @Get()
  list(@Query() query: ListOrganisationsQuery): Promise<OrganisationDto[]> {
    return this.organisations.list(query.regionId);
  }

  @Post()
  @Authorize(Policy.manageDirectory)
  create(@Body() dto: CreateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.create(dto);
  }

  @Patch(':id')
  @Authorize(Policy.manageDirectory)
  update(@Param('id', new UuidPipe()) id: string, @Body() dto: UpdateOrganisationDto): Promise<OrganisationDto> {
    return this.organisations.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Authorize(Policy.manageDirectory)
  remove(@Param('id', new UuidPipe()) id: string): Promise<void> {
    return this.organisations.remove(id);
  }
}
