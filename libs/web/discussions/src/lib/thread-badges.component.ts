import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ThreadSummary } from '@pratique/contracts';

/** The state of a thread in words (never colour alone): kind, pinned, locked, hidden, answered. */
@Component({
  selector: 'pq-thread-badges',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let t = thread();
    <span class="badge" [class.badge-axis]="t.kind === 'question'">{{
      'discussions.kind.' + t.kind | transloco
    }}</span>
    @if (t.pinned) {
      <span class="badge badge-pinned">{{ 'discussions.badge.pinned' | transloco }}</span>
    }
    @if (t.locked) {
      <span class="badge badge-muted">{{ 'discussions.badge.locked' | transloco }}</span>
    }
    @if (t.hidden) {
      <span class="badge badge-hidden">{{ 'discussions.badge.hidden' | transloco }}</span>
    }
    @if (t.kind === 'question') {
      @if (t.answered) {
        <span class="badge badge-member"
          ><span aria-hidden="true">✓ </span>{{ 'discussions.badge.answered' | transloco }}</span
        >
      } @else {
        <span class="badge badge-unanswered">{{ 'discussions.badge.unanswered' | transloco }}</span>
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    .badge-pinned {
      background: #fff4d6;
      color: #6b4500;
    }
    .badge-hidden {
      background: var(--c-danger-bg);
      color: var(--c-danger);
    }
    .badge-unanswered {
      background: #fdf0e6;
      color: #8a3b00;
      border: 1px dashed #8a3b00;
    }
  `,
})
export class ThreadBadgesComponent {
  readonly thread =
    input.required<Pick<ThreadSummary, 'kind' | 'pinned' | 'locked' | 'hidden' | 'answered'>>();
}
