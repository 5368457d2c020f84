import { ArgumentMetadata, Injectable, ParseUUIDPipe } from '@nestjs/common';
import { fieldError } from './field-error';

/** A path parameter that must be a uuid: otherwise a 400 naming the parameter (Nest's own pipe names none). */
@Injectable()
export class UuidPipe extends ParseUUIDPipe {
  override async transform(value: string, metadata: ArgumentMetadata): Promise<string> {
    try {
      return await super.transform(value, metadata);
    } catch {
      throw fieldError(400, metadata.data || 'id', 'must be a uuid');
    }
  }
}
