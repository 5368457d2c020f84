import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationEntity } from './organisations/organisation.entity';
import { OrganisationsController } from './organisations/organisations.controller';
import { OrganisationsService } from './organisations/organisations.service';
import { RegionEntity } from './regions/region.entity';
import { RegionsController } from './regions/regions.controller';
import { RegionsService } from './regions/regions.service';

/** Regions (regional offices) and organisations (CSOs). */
@Module({
  imports: [TypeOrmModule.forFeature([RegionEntity, OrganisationEntity])],
  controllers: [RegionsController, OrganisationsController],
  providers: [RegionsService, OrganisationsService],
})
export class DirectoryModule {}
