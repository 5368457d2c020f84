import { Pipe, PipeTransform, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { UiMessage } from '../forms/form-feedback';

/** Renders a `UiMessage`: translated key, or the server's text as is. */
@Pipe({ name: 'uiMessage', pure: false })
export class UiMessagePipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);
  transform(message: UiMessage | null | undefined): string {
    if (!message) return '';
    return 'text' in message ? message.text : this.transloco.translate(message.key, message.params ?? {});
  }
}
