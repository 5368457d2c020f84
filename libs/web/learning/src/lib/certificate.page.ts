import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { CertificateVerification } from '@pratique/contracts';
import { ApiError, LanguageService, LearningApi, messageKeyForStatus } from '@pratique/web/core';
import { formatDate, localized } from './learning-format';

/** /certificates/:code — public check of a certificate: valid or not, whose, for which module, when. */
@Component({
  selector: 'pq-certificate-page',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="narrow">
      <h1>{{ 'learning.certificate.title' | transloco }}</h1>
      @if (loading()) {
        <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
      } @else if (errorKey(); as key) {
        <p class="alert alert-error">{{ key | transloco }}</p>
      } @else if (result(); as r) {
        @if (r.valid) {
          <section class="card verdict valid" aria-labelledby="verdict-title">
            <h2 id="verdict-title">
              <span aria-hidden="true">✓</span> {{ 'learning.certificate.valid' | transloco }}
            </h2>
            <dl class="facts">
              <dt>{{ 'learning.certificate.holder' | transloco }}</dt>
              <dd>{{ r.holderName }}</dd>
              <dt>{{ 'learning.certificate.module' | transloco }}</dt>
              <dd>
                <span [attr.lang]="moduleTitle().lang" [attr.dir]="moduleTitle().dir">{{
                  moduleTitle().text
                }}</span>
              </dd>
              @if (spaceTitle().text) {
                <dt>{{ 'learning.certificate.space' | transloco }}</dt>
                <dd>
                  <span [attr.lang]="spaceTitle().lang" [attr.dir]="spaceTitle().dir">{{
                    spaceTitle().text
                  }}</span>
                </dd>
              }
              @if (r.completedAt) {
                <dt>{{ 'learning.certificate.completedAt' | transloco }}</dt>
                <dd>{{ date(r.completedAt) }}</dd>
              }
              <dt>{{ 'learning.certificate.code' | transloco }}</dt>
              <dd>
                <bdi class="code">{{ r.code }}</bdi>
              </dd>
            </dl>
          </section>
        } @else {
          <section class="card verdict invalid" aria-labelledby="verdict-title">
            <h2 id="verdict-title">
              <span aria-hidden="true">✗</span> {{ 'learning.certificate.invalid' | transloco }}
            </h2>
            <p>{{ 'learning.certificate.invalidText' | transloco: { code: code() } }}</p>
          </section>
        }
      }
    </div>
  `,
  styles: `
    .verdict h2 {
      font-size: 1.25rem;
    }
    .valid {
      border-inline-start: 6px solid var(--c-success);
    }
    .valid h2 {
      color: var(--c-success);
    }
    .invalid {
      border-inline-start: 6px solid var(--c-danger);
    }
    .invalid h2 {
      color: var(--c-danger);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      gap: 0.4rem 1rem;
      margin: 0;
    }
    .facts dt {
      font-weight: 600;
      color: var(--c-muted);
    }
    .facts dd {
      margin: 0;
    }
    .code {
      font-family: ui-monospace, monospace;
    }
  `,
})
export class CertificatePage {
  private readonly api = inject(LearningApi);
  private readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly code = input.required<string>();

  protected readonly result = signal<CertificateVerification | null>(null);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly moduleTitle = computed(() =>
    localized(this.result()?.moduleTitle, this.language.current(), this.language.current()),
  );
  protected readonly spaceTitle = computed(() =>
    localized(this.result()?.spaceTitle, this.language.current(), this.language.current()),
  );

  constructor() {
    effect(() => {
      const code = this.code();
      untracked(() => this.load(code));
    });
  }

  protected date(iso: string): string {
    return formatDate(iso, this.language.current());
  }

  private load(code: string): void {
    this.loading.set(true);
    this.errorKey.set(null);
    this.api.verifyCertificate(code).subscribe({
      next: (r) => {
        this.result.set(r);
        this.loading.set(false);
      },
      error: (err) => {
        this.loading.set(false);
        // An unknown code is simply not a valid certificate.
        if (err instanceof ApiError && err.status === 404) this.result.set({ valid: false, code });
        else this.errorKey.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }
}
