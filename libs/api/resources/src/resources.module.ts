import { Module } from '@nestjs/common';
import { FilesRepository } from '@pratique/api/learning';
import { ModerationService } from './moderation.service';
import { ResourceAccess } from './resource-access';
import { ResourcesController } from './resources.controller';
import { ResourcesRepository } from './resources.repository';
import { ResourcesService } from './resources.service';
import { ReviewsService } from './reviews.service';

/** The toolbox of a space: contributed resources, their moderation, ratings, reviews and reports. */
@Module({
  controllers: [ResourcesController],
  providers: [
    ResourcesRepository,
    ResourceAccess,
    ResourcesService,
    ModerationService,
    ReviewsService,
    FilesRepository,
  ],
})
export class ResourcesModule {}
