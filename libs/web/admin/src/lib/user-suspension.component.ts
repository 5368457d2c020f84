import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { formatDateTime, UserSummary } from '@pratique/contracts';
import { FieldErrorComponent, FormFeedback, FormStatusComponent, LanguageService, UsersApi } from '@pratique/web/core';

/**
 * Suspend (with a reason, after a confirmation step) or reinstate one account. Suspension signs
 * the person out of every browser at once; the answer says how many sessions ended.
 */
@Component({
  selector: 'pq-user-suspension',
  imports: [TranslocoPipe, FormStatusComponent, FieldErrorComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let u = user();
    <h3 class="small-heading">{{ 'admin.suspension.title' | transloco }}</h3>
    @if (suspendedAt(); as since) {
      <p class="badge badge-danger" data-testid="suspended">
        {{ 'admin.suspension.suspendedSince' | transloco: { date: when(since) } }}
      </p>
      @if (reason()) {
        <p>{{ 'admin.suspension.reasonShown' | transloco }} {{ reason() }}</p>
      }
      <button type="button" class="btn btn-small" (click)="reinstate()" [disabled]="fb.busy()">
        {{ 'admin.suspension.reinstate' | transloco }}<span class="sr-only"> — {{ u.displayName }}</span>
      </button>
    } @else {
      <form (submit)="ask($event)" novalidate>
        <div class="field">
          <label [for]="'suspend-reason-' + u.id">{{ 'admin.suspension.reason' | transloco }}</label>
          <input
            [id]="'suspend-reason-' + u.id"
            type="text"
            maxlength="500"
            [value]="draft()"
            (input)="draft.set($any($event.target).value)"
            [attr.aria-invalid]="fb.invalid('reason')"
            [attr.aria-describedby]="fb.describedBy('reason')"
          />
          <pq-field-error [feedback]="fb" field="reason" />
        </div>
        @if (confirming()) {
          <p role="alert" class="warning">{{ 'admin.suspension.confirmText' | transloco: { name: u.displayName } }}</p>
          <div class="row">
            <button type="button" class="btn btn-small btn-danger" (click)="suspend()" [disabled]="fb.busy()">
              {{ 'admin.suspension.confirm' | transloco }}
            </button>
            <button type="button" class="btn btn-small" (click)="confirming.set(false)">{{ 'admin.suspension.cancel' | transloco }}</button>
          </div>
        } @else {
          <button type="submit" class="btn btn-small btn-danger" [disabled]="fb.busy()">
            {{ 'admin.suspension.suspend' | transloco }}<span class="sr-only"> — {{ u.displayName }}</span>
          </button>
        }
      </form>
    }
    <pq-form-status [feedback]="fb" />
  `,
})
export class UserSuspensionComponent {
  private readonly api = inject(UsersApi);
  private readonly language = inject(LanguageService);
  readonly user = input.required<UserSummary>();
  private readonly changed = signal<{ suspendedAt: string | null; reason: string | null } | null>(null);
  protected readonly suspendedAt = computed(() => (this.changed() ? this.changed()!.suspendedAt : this.user().suspendedAt));
  protected readonly reason = computed(() => (this.changed() ? this.changed()!.reason : this.user().suspensionReason));
  protected readonly draft = signal('');
  protected readonly confirming = signal(false);
  protected readonly fb = new FormFeedback(`suspension-${Math.random().toString(36).slice(2, 8)}`);

  protected when(iso: string): string {
    return formatDateTime(iso, this.language.current());
  }

  ask(event: Event): void {
    event.preventDefault();
    this.fb.clear();
    if (this.draft().trim().length < 3) {
      this.fb.fields.set({ reason: { key: 'admin.suspension.reasonRequired' } });
      this.fb.summary.set({ key: 'errors.formInvalid', params: { count: 1 } });
      return;
    }
    this.confirming.set(true);
  }

  suspend(): void {
    const reason = this.draft().trim();
    this.fb.busy.set(true);
    this.api.suspend(this.user().id, reason).subscribe({
      next: (r) => {
        this.fb.busy.set(false);
        this.confirming.set(false);
        this.changed.set({ suspendedAt: r.suspendedAt, reason });
        this.fb.succeed('admin.suspension.done', { count: r.sessionsEnded });
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.confirming.set(false);
        this.fb.fromError(err);
      },
    });
  }

  reinstate(): void {
    this.fb.clear();
    this.fb.busy.set(true);
    this.api.reinstate(this.user().id).subscribe({
      next: () => {
        this.fb.busy.set(false);
        this.changed.set({ suspendedAt: null, reason: null });
        this.fb.succeed('admin.suspension.reinstated');
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
      },
    });
  }
}
