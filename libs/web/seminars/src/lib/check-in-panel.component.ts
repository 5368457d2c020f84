import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CheckInCode, Language } from '@pratique/contracts';
import { ApiError, SeminarsApi, messageKeyForStatus } from '@pratique/web/core';
import { toDataURL } from 'qrcode';
import { formatDateTime } from './seminar-format';

/**
 * The check-in code shown at the venue: the code in text (to type) and as a QR code of the
 * check-in page's URL, drawn locally into a PNG data URL (no third-party service sees it).
 * Codes are short-lived; "New code" fetches a fresh one.
 */
@Component({
  selector: 'pq-check-in-panel',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="hint">{{ 'seminars.checkIn.panelHint' | transloco }}</p>
    <div class="actions">
      <button type="button" class="btn btn-secondary" [disabled]="busy()" (click)="load()">
        {{ (code() ? 'seminars.checkIn.refresh' : 'seminars.checkIn.show') | transloco }}
      </button>
    </div>
    <div aria-live="polite">
      @if (errorKey(); as key) {
        <p class="alert alert-error">{{ key | transloco }}</p>
      }
      @if (code(); as c) {
        <div class="code-box">
          @if (qr(); as src) {
            <img
              class="qr"
              [src]="src"
              width="240"
              height="240"
              [alt]="'seminars.checkIn.qrAlt' | transloco"
            />
          }
          <div>
            <p>
              {{ 'seminars.checkIn.code' | transloco }}
              <code class="code" dir="ltr">{{ c.code }}</code>
            </p>
            <p class="muted">{{ 'seminars.checkIn.expires' | transloco: { time: expires(c) } }}</p>
            <p>
              <a [href]="c.url" dir="ltr" class="url">{{ c.url }}</a>
            </p>
          </div>
        </div>
      }
    </div>
  `,
  styles: `
    .hint {
      margin-block-end: 0.7rem;
    }
    .code-box {
      display: flex;
      flex-wrap: wrap;
      gap: 1rem;
      align-items: flex-start;
      margin-block-start: 0.8rem;
    }
    .qr {
      inline-size: 240px;
      max-inline-size: 100%;
      block-size: auto;
      border: 1px solid var(--c-border);
      background: #fff;
    }
    .code {
      font-size: 1.1rem;
      font-weight: 700;
      overflow-wrap: anywhere;
    }
    .url {
      overflow-wrap: anywhere;
      font-size: 0.9rem;
    }
  `,
})
export class CheckInPanelComponent {
  private readonly api = inject(SeminarsApi);
  readonly seminarId = input.required<string>();
  readonly lang = input.required<Language>();

  protected readonly code = signal<CheckInCode | null>(null);
  protected readonly qr = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly errorKey = signal<string | null>(null);

  protected expires(c: CheckInCode): string {
    return formatDateTime(c.expiresAt, this.lang());
  }

  load(): void {
    this.busy.set(true);
    this.errorKey.set(null);
    this.api.checkInCode(this.seminarId()).subscribe({
      next: async (c) => {
        this.code.set(c);
        try {
          this.qr.set(await toDataURL(c.url, { errorCorrectionLevel: 'M', margin: 2, width: 480 }));
        } catch {
          this.qr.set(null);
        }
        this.busy.set(false);
      },
      error: (err) => {
        this.busy.set(false);
        this.errorKey.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }
}
