import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormFeedback, UiMessage } from '../forms/form-feedback';
import { UiMessagePipe } from './ui-message.pipe';

/** The error under a field; its id is what the input's `aria-describedby` points to. */
@Component({
  selector: 'pq-field-error',
  imports: [UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (feedback().error(field()); as message) {
      <p class="field-error" [id]="feedback().errorId(field())" [attr.lang]="langOf(message)">
        {{ message | uiMessage }}
      </p>
    }
  `,
})
export class FieldErrorComponent {
  readonly feedback = input.required<FormFeedback>();
  readonly field = input.required<string>();

  protected langOf(message: UiMessage): string | null {
    return 'lang' in message && message.lang ? message.lang : null;
  }
}
