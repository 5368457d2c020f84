import { AccountsModule } from '@pratique/api/accounts';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SpaceEntity } from './space.entity';
import { SpaceMemberEntity } from './space-member.entity';
import { SpacesController } from './spaces.controller';
import { SpacesRepository } from './spaces.repository';
import { SpacesService } from './spaces.service';

/** Thematic spaces: listing, joining, members and animators. */
@Module({
  imports: [TypeOrmModule.forFeature([SpaceEntity, SpaceMemberEntity]), AccountsModule],
  controllers: [SpacesController],
  providers: [SpacesService, SpacesRepository],
  exports: [SpacesRepository],
})
export class SpacesModule {}
