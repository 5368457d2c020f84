import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DEFAULT_NOTIFICATION_CHANNEL,
  NOTIFICATION_TYPES,
  NotificationChannel,
  NotificationPreference,
  NotificationType,
} from '@pratique/contracts';
import {
  ApiError,
  FormFeedback,
  FormStatusComponent,
  NotificationsApi,
  messageKeyForStatus,
} from '@pratique/web/core';
import { CHANNELS, changedPreferences, typeKey } from './notification-format';

type Choices = Partial<Record<NotificationType, NotificationChannel>>;

/**
 * /notifications/preferences (the address every e-mail links to) — for each notification type,
 * one radio group of the four channels. Only the rows the member changed are sent; a row never
 * chosen says it follows the default, and each group marks which channel that is.
 */
@Component({
  selector: 'pq-notification-preferences-page',
  imports: [RouterLink, TranslocoPipe, FormStatusComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
      <a routerLink="/notifications">{{ 'notifications.list.title' | transloco }}</a>
    </nav>
    <h1>{{ 'notifications.preferences.title' | transloco }}</h1>
    <p class="intro">{{ 'notifications.preferences.intro' | transloco }}</p>
    <ul class="channel-help">
      @for (c of channels; track c) {
        <li>
          <strong>{{ 'notifications.channel.' + c + '.label' | transloco }}</strong>
          — {{ 'notifications.channel.' + c + '.help' | transloco }}
        </li>
      }
    </ul>

    @if (loadError(); as key) {
      <p class="alert alert-error" role="alert">{{ key | transloco }}</p>
    } @else if (saved().length === 0) {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    } @else {
      <form (submit)="$event.preventDefault(); save()" novalidate class="preferences">
        @for (p of saved(); track p.type) {
          <fieldset class="preference" [attr.aria-describedby]="helpId(p.type)">
            <legend>
              {{ label(p.type) | transloco }}
              @if (p.isDefault && chosen()[p.type] === p.channel) {
                <span class="default-tag">{{ 'notifications.preferences.isDefault' | transloco }}</span>
              }
            </legend>
            <p class="hint" [id]="helpId(p.type)">{{ help(p.type) | transloco }}</p>
            <div class="channels">
              @for (c of channels; track c) {
                <label class="channel">
                  <input
                    type="radio"
                    [name]="'preference-' + p.type"
                    [value]="c"
                    [checked]="chosen()[p.type] === c"
                    (change)="choose(p.type, c)"
                  />
                  <span
                    >{{ 'notifications.channel.' + c + '.label' | transloco }}
                    @if (c === defaultOf(p.type)) {
                      <span class="default-mark">{{
                        'notifications.preferences.defaultChannel' | transloco
                      }}</span>
                    }
                  </span>
                </label>
              }
            </div>
          </fieldset>
        }
        <pq-form-status [feedback]="fb" />
        <div class="actions">
          <button type="submit" class="btn btn-primary" [disabled]="fb.busy()">
            {{ (fb.busy() ? 'common.working' : 'notifications.preferences.save') | transloco }}
          </button>
          @if (pending() > 0) {
            <span class="muted">{{
              'notifications.preferences.pending' | transloco: { count: pending() }
            }}</span>
          }
        </div>
      </form>
    }
  `,
  styles: `
    .intro {
      max-inline-size: 46rem;
    }
    .channel-help {
      margin: 0 0 1.25rem;
      padding-inline-start: 1.25rem;
      color: var(--c-muted);
    }
    .preferences {
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    .preference {
      background: var(--c-surface);
      border: 1px solid var(--c-border);
      border-radius: var(--radius);
      padding: 0.5rem 1rem 0.8rem;
      margin: 0;
      min-inline-size: 0;
    }
    .preference legend {
      font-weight: 700;
      padding-inline: 0.3rem;
    }
    .preference .hint {
      margin-block: 0 0.5rem;
    }
    .default-tag {
      font-weight: 400;
      font-size: 0.82rem;
      color: var(--c-muted);
      border: 1px solid var(--c-border);
      border-radius: 999px;
      padding: 0 0.5rem;
      margin-inline-start: 0.4rem;
      white-space: nowrap;
    }
    .channels {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1.25rem;
    }
    .channel {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      min-block-size: 2.25rem;
      cursor: pointer;
    }
    .channel input {
      inline-size: 1.15rem;
      block-size: 1.15rem;
      margin: 0;
      flex: none;
    }
    .default-mark {
      color: var(--c-muted);
      font-size: 0.88rem;
    }
  `,
})
export class NotificationPreferencesPage {
  private readonly api = inject(NotificationsApi);
  protected readonly channels = CHANNELS;
  protected readonly fb = new FormFeedback('notification-preferences');

  /** What the server holds, one row per type. */
  protected readonly saved = signal<NotificationPreference[]>([]);
  /** What the form shows. */
  protected readonly chosen = signal<Choices>({});
  protected readonly loadError = signal<string | null>(null);
  protected readonly pending = computed(() => changedPreferences(this.saved(), this.chosen()).length);

  constructor() {
    this.api.preferences().subscribe({
      next: (prefs) => this.show(prefs),
      error: (err) => this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0)),
    });
  }

  protected label(type: NotificationType): string {
    return typeKey(type, 'label');
  }
  protected help(type: NotificationType): string {
    return typeKey(type, 'help');
  }
  protected helpId(type: NotificationType): string {
    return `preference-help-${type.replace(/[^a-z0-9-]/gi, '-')}`;
  }
  protected defaultOf(type: NotificationType): NotificationChannel {
    return DEFAULT_NOTIFICATION_CHANNEL[type];
  }

  choose(type: NotificationType, channel: NotificationChannel): void {
    this.chosen.update((c) => ({ ...c, [type]: channel }));
  }

  save(): void {
    const preferences = changedPreferences(this.saved(), this.chosen());
    if (preferences.length === 0) {
      this.fb.succeed('notifications.preferences.unchanged');
      return;
    }
    this.fb.clear();
    this.fb.busy.set(true);
    this.api.updatePreferences({ preferences }).subscribe({
      next: (prefs) => {
        this.fb.busy.set(false);
        this.show(prefs);
        this.fb.succeed('notifications.preferences.saved');
      },
      error: (err) => {
        this.fb.busy.set(false);
        this.fb.fromError(err);
      },
    });
  }

  /** Rows in the order of NOTIFICATION_TYPES (types the API does not list are left out). */
  private show(prefs: NotificationPreference[]): void {
    const byType = new Map(prefs.map((p) => [p.type, p]));
    const rows = NOTIFICATION_TYPES.map((t) => byType.get(t)).filter((p): p is NotificationPreference => !!p);
    this.saved.set(rows);
    this.chosen.set(Object.fromEntries(rows.map((p) => [p.type, p.channel])) as Choices);
  }
}
