import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { FormFeedback } from '../forms/form-feedback';
import { UiMessagePipe } from './ui-message.pipe';

/**
 * The form's polite live region: always in the DOM so screen readers announce what appears
 * in it (the error summary after a failed submit, or a success message).
 */
@Component({
  selector: 'pq-form-status',
  imports: [UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div aria-live="polite" aria-atomic="true">
      @if (feedback().summary(); as summary) {
        <p class="alert alert-error">{{ summary | uiMessage }}</p>
      } @else if (feedback().success(); as success) {
        <p class="alert alert-success">{{ success | uiMessage }}</p>
      }
    </div>
  `,
})
export class FormStatusComponent {
  readonly feedback = input.required<FormFeedback>();
}
