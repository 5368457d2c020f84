import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** A notification id is a positive bigint, written in decimal. */
@Injectable()
export class NotificationIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[1-9][0-9]{0,17}$/.test(value))
      throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'Some fields are invalid', errors: [{ field: 'id', reason: 'must be a notification id' }] });
    return value;
  }
}
