import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, Authorize, CurrentActor } from '@pratique/api/accounts';
import { LessonView, ModuleDetail } from '@pratique/contracts';
import { UuidPipe } from '@pratique/api/platform';
import { CreateLessonDto, ReorderLessonsDto, UpdateLessonDto } from './dto/lesson.dto';
import { LessonsService } from './lessons.service';

@ApiTags('lessons')
@Controller()
export class LessonsController {
  constructor(private readonly lessons: LessonsService) {}

  @Post('modules/:moduleId/lessons')
  @Authorize()
  create(@CurrentActor() actor: Actor, @Param('moduleId', new UuidPipe()) moduleId: string, @Body() dto: CreateLessonDto): Promise<LessonView> {
    return this.lessons.create(actor, moduleId, dto);
  }

  @Put('modules/:moduleId/lesson-order')
  @Authorize()
  reorder(@CurrentActor() actor: Actor, @Param('moduleId', new UuidPipe()) moduleId: string, @Body() dto: ReorderLessonsDto): Promise<ModuleDetail> {
    return this.lessons.reorder(actor, moduleId, dto);
  }

  @Get('lessons/:id')
  get(@CurrentActor() actor: Actor | null, @Param('id', new UuidPipe()) id: string): Promise<LessonView> {
    return this.lessons.view(actor, id);
  }

  @Patch('lessons/:id')
  @Authorize()
  update(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string, @Body() dto: UpdateLessonDto): Promise<LessonView> {
    return this.lessons.update(actor, id, dto);
  }

  @Delete('lessons/:id')
  @HttpCode(204)
  @Authorize()
  remove(@CurrentActor() actor: Actor, @Param('id', new UuidPipe()) id: string): Promise<void> {
    return this.lessons.remove(actor, id);
  }
}
