import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiError, MembersApi, UiMessage, UiMessagePipe, messageKeyForStatus } from '@pratique/web/core';

/**
 * A toggle button: "Follow <name>" with `aria-pressed` saying whether the reader follows the
 * person. Its name stays the same when pressed (ARIA toggle pattern); the change is announced
 * by the polite region beside it, and shown by the check mark and the filled style.
 */
@Component({
  selector: 'pq-follow-button',
  imports: [TranslocoPipe, UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button
      type="button"
      class="btn btn-small follow"
      [class.btn-primary]="followed()"
      [class.btn-secondary]="!followed()"
      [attr.aria-pressed]="followed()"
      [attr.aria-label]="'members.follow.name' | transloco: { name: name() }"
      [disabled]="busy()"
      (click)="toggle()"
    >
      <span class="mark" aria-hidden="true">{{ followed() ? '✓' : '+' }}</span>
      {{ 'members.follow.label' | transloco }}
    </button>
    <span class="follow-status" aria-live="polite">
      @if (message(); as m) {
        <span [class.field-error]="isError()" [class.sr-only]="!isError()">{{ m | uiMessage }}</span>
      }
    </span>
  `,
  styles: `
    :host {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.5rem;
    }
    .follow {
      min-inline-size: 6.5rem;
      justify-content: center;
    }
    .mark {
      display: inline-block;
      inline-size: 1em;
      font-weight: 700;
    }
    .follow-status .field-error {
      margin: 0;
    }
  `,
})
export class FollowButtonComponent {
  private readonly api = inject(MembersApi);

  readonly memberId = input.required<string>();
  readonly name = input.required<string>();
  readonly followed = input.required<boolean>();
  /** The new state, once the API has accepted it. */
  readonly changed = output<boolean>();

  protected readonly busy = signal(false);
  protected readonly message = signal<UiMessage | null>(null);
  protected readonly isError = signal(false);

  toggle(): void {
    const next = !this.followed();
    const name = this.name();
    this.busy.set(true);
    this.message.set(null);
    const call = next ? this.api.follow(this.memberId()) : this.api.unfollow(this.memberId());
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.isError.set(false);
        this.message.set({
          key: next ? 'members.follow.followed' : 'members.follow.unfollowed',
          params: { name },
        });
        this.changed.emit(next);
      },
      error: (err) => {
        this.busy.set(false);
        this.isError.set(true);
        this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }
}
