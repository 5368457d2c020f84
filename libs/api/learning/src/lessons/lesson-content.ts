import { BadRequestException } from '@nestjs/common';
import { toFieldErrors } from '@pratique/api/platform';
import { LessonContent, LessonKind, QuizContent } from '@pratique/contracts';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { FileContentDto, PageContentDto, QuizContentDto, ScormContentDto, VideoContentDto } from './dto/lesson-content.dto';

const CONTENT_DTO: Record<LessonKind, ClassConstructor<object>> = {
  [LessonKind.Page]: PageContentDto,
  [LessonKind.Video]: VideoContentDto,
  [LessonKind.File]: FileContentDto,
  [LessonKind.Quiz]: QuizContentDto,
  [LessonKind.Scorm]: ScormContentDto,
};

/** Validates `content` for the lesson kind; errors name `content.<field>`. Returns a clean copy. */
export async function validateLessonContent(kind: LessonKind, content: unknown): Promise<LessonContent> {
  const dto = plainToInstance(CONTENT_DTO[kind], content ?? {});
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true });
  const fieldErrors = toFieldErrors(errors, 'content');
  if (kind === LessonKind.Quiz && !errors.length) fieldErrors.push(...quizRules(dto as QuizContent));
  if (fieldErrors.length)
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `The ${kind} lesson content is invalid`, errors: fieldErrors });
  return JSON.parse(JSON.stringify(dto)) as LessonContent;
}

/** A quiz whose questions cannot be answered right, or with clashing ids, is refused. */
function quizRules(quiz: QuizContent): { field: string; reason: string }[] {
  const errors: { field: string; reason: string }[] = [];
  const questionIds = new Set<string>();
  quiz.questions.forEach((q, i) => {
    const field = `content.questions.${i}`;
    if (questionIds.has(q.id)) errors.push({ field: `${field}.id`, reason: 'is used by another question' });
    questionIds.add(q.id);
    const choiceIds = new Set(q.choices.map((c) => c.id));
    if (choiceIds.size !== q.choices.length) errors.push({ field: `${field}.choices`, reason: 'have duplicate ids' });
    const correct = q.choices.filter((c) => c.correct).length;
    if (correct === 0) errors.push({ field: `${field}.choices`, reason: 'need at least one correct choice' });
    if (!q.multiple && correct > 1) errors.push({ field: `${field}.choices`, reason: 'may have only one correct choice (single choice question)' });
  });
  return errors;
}
