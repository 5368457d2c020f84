import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { FilesController } from './files/files.controller';
import { FilesRepository } from './files/files.repository';
import { FilesService } from './files/files.service';
import { LessonEntity } from './lessons/lesson.entity';
import { LessonsController } from './lessons/lessons.controller';
import { LessonsRepository } from './lessons/lessons.repository';
import { LessonsService } from './lessons/lessons.service';
import { ModuleEntity } from './modules/module.entity';
import { ModulesController } from './modules/modules.controller';
import { ModulesRepository } from './modules/modules.repository';
import { ModulesService } from './modules/modules.service';
import { ProgressController } from './progress/progress.controller';
import { ProgressRepository } from './progress/progress.repository';
import { ProgressService } from './progress/progress.service';
import { ScormController } from './scorm/scorm.controller';
import { ScormPackagesService } from './scorm/scorm-packages.service';

/** E-learning: modules and lessons, uploads and SCORM packages, progress, certificates. */
@Module({
  imports: [TypeOrmModule.forFeature([ModuleEntity, LessonEntity])],
  controllers: [ModulesController, LessonsController, ProgressController, FilesController, ScormController, CertificatesController],
  providers: [
    ModulesRepository,
    ModulesService,
    LessonsRepository,
    LessonsService,
    ProgressRepository,
    ProgressService,
    FilesRepository,
    FilesService,
    ScormPackagesService,
    CertificatesService,
  ],
  exports: [ModulesRepository, ModulesService],
})
export class LearningModule {}
