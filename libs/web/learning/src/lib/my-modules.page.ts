import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiRoutes, MyModule } from '@pratique/contracts';
import { ApiError, LanguageService, LearningApi, messageKeyForStatus } from '@pratique/web/core';
import { formatDate, localized } from './learning-format';
import { ProgressBarComponent } from './progress-bar.component';

/** /my-modules — the modules the reader started: progress, last activity, continue, certificate. */
@Component({
  selector: 'pq-my-modules-page',
  imports: [RouterLink, TranslocoPipe, ProgressBarComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-head">
      <h1>{{ 'learning.my.title' | transloco }}</h1>
    </div>
    @if (loading()) {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    } @else if (errorKey(); as key) {
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (modules().length === 0) {
      <p class="empty">
        {{ 'learning.my.empty' | transloco }}
        <a routerLink="/spaces">{{ 'home.browseSpaces' | transloco }}</a>
      </p>
    } @else {
      <ul class="card-grid">
        @for (m of modules(); track m.moduleId) {
          @let t = title(m);
          <li>
            <article class="card my-module">
              <h2 class="card-title" [attr.lang]="t.lang" [attr.dir]="t.dir">
                <a [routerLink]="['/modules', m.moduleId]">{{ t.text }}</a>
              </h2>
              <pq-progress-bar
                [percent]="m.percent"
                [lang]="language.current()"
                [label]="'learning.progressOf' | transloco: { title: t.text }"
              />
              <p class="card-meta">
                @if (m.completedAt) {
                  {{ 'learning.my.completedOn' | transloco: { date: date(m.completedAt) } }}
                } @else {
                  {{ 'learning.my.lastActivity' | transloco: { date: date(m.lastActivityAt) } }}
                }
              </p>
              <div class="actions">
                @if (m.continueLessonId && !m.completedAt) {
                  <a
                    class="btn btn-primary btn-small"
                    [routerLink]="['/modules', m.moduleId, 'lessons', m.continueLessonId]"
                    >{{ 'learning.continue' | transloco }}<span class="sr-only"> — {{ t.text }}</span></a
                  >
                }
                @if (m.completedAt) {
                  <a class="btn btn-secondary btn-small" [href]="certificateUrl(m)" download
                    >{{ 'learning.downloadCertificate' | transloco
                    }}<span class="sr-only"> — {{ t.text }}</span></a
                  >
                  @if (m.certificateCode; as code) {
                    <a class="verify" [routerLink]="['/certificates', code]"
                      >{{ 'learning.my.verifyLink' | transloco
                      }}<span class="sr-only"> — {{ t.text }}</span></a
                    >
                  }
                }
              </div>
            </article>
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .my-module {
      gap: 0.7rem;
    }
    .my-module .actions {
      margin-block-start: auto;
    }
    .verify {
      font-size: 0.92rem;
    }
  `,
})
export class MyModulesPage {
  private readonly api = inject(LearningApi);
  protected readonly language = inject(LanguageService);

  protected readonly modules = signal<MyModule[]>([]);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);

  constructor() {
    this.api.myModules().subscribe({
      next: (list) => {
        this.modules.set(list);
        this.loading.set(false);
      },
      error: (err) => {
        this.loading.set(false);
        this.errorKey.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }

  protected title(m: MyModule) {
    return localized(m.title, this.language.current(), m.originalLanguage);
  }
  protected date(iso: string): string {
    return formatDate(iso, this.language.current());
  }
  protected certificateUrl(m: MyModule): string {
    return ApiRoutes.moduleCertificate(m.moduleId);
  }
}
