/**
 * `@UseInterceptors(SingleFileUpload(maxBytes))`: multer's FileInterceptor for one file in the
 * form field `file`, whose refusals name what was wrong. Nest's own interceptor answers a bare
 * 400 "Unexpected field" or "Unexpected end of form"; here each carries the `ApiErrorBody` field
 * errors the rest of the API gives (`file` for the file itself, `body` for an unreadable form).
 */
import { BadRequestException, CallHandler, ExecutionContext, HttpException, mixin, NestInterceptor, PayloadTooLargeException, Type } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { Observable } from 'rxjs';

const MULTER_REASONS: Record<string, string> = {
  'Unexpected field': 'must be sent in the form field "file", alone',
  'Too many files': 'must be a single file',
  'Too many parts': 'must be a single file with at most 5 other fields',
  'Too many fields': 'must be a single file with at most 5 other fields',
  'Field name missing': 'must be sent in the form field "file"',
  'Field name too long': 'must be sent in the form field "file"',
  'Field value too long': 'must be sent in the form field "file"',
  'Field name nesting too deep': 'must be sent in the form field "file"',
};

function megabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The upload refusal as the API's error body. */
export function uploadProblem(err: unknown, maxBytes: number): unknown {
  if (!(err instanceof HttpException)) return err;
  if (err instanceof PayloadTooLargeException) {
    const reason = `is larger than ${megabytes(maxBytes)}`;
    return new PayloadTooLargeException({ statusCode: 413, error: 'Payload Too Large', message: `The file ${reason}`, errors: [{ field: 'file', reason }] });
  }
  if (err instanceof BadRequestException) {
    // Nest writes multer's refusals as "<message> - <form field>".
    const message = err.message.replace(/ - [^-]*$/, '');
    const fileReason = MULTER_REASONS[message];
    if (fileReason) return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `The file ${fileReason}`, errors: [{ field: 'file', reason: fileReason }] });
    const reason = 'is not a readable multipart/form-data form (send the file in the field "file")';
    return new BadRequestException({ statusCode: 400, error: 'Bad Request', message: `The request body ${reason}`, errors: [{ field: 'body', reason }] });
  }
  return err;
}

export function SingleFileUpload(maxBytes: number): Type<NestInterceptor> {
  const Base = FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1, fields: 5 } });
  class SingleFileUploadInterceptor extends Base {
    override async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (err) {
        throw uploadProblem(err, maxBytes);
      }
    }
  }
  return mixin(SingleFileUploadInterceptor);
}
