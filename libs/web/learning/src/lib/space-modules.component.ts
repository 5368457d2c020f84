import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, ModuleStatus, ModuleSummary } from '@pratique/contracts';
import { ApiError, LearningApi, messageKeyForStatus } from '@pratique/web/core';
import { localized } from './learning-format';
import { ModuleCreateFormComponent } from './module-create-form.component';
import { ProgressBarComponent } from './progress-bar.component';

/**
 * The "Modules" tab of a space: its modules (published ones for members; drafts and archived
 * ones too for the space's animators and admins, with a status badge), the reader's progress
 * in each, and "New module" for those who may author.
 */
@Component({
  selector: 'pq-space-modules',
  imports: [RouterLink, TranslocoPipe, ProgressBarComponent, ModuleCreateFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (canAuthor()) {
      <div class="actions head-actions">
        <button
          type="button"
          class="btn btn-secondary"
          aria-controls="new-module-form"
          [attr.aria-expanded]="creating()"
          (click)="creating.set(!creating())"
        >
          {{ 'learning.newModule' | transloco }}
        </button>
      </div>
      @if (creating()) {
        <section id="new-module-form" class="card" aria-labelledby="new-module-title">
          <h3 id="new-module-title">{{ 'learning.create.title' | transloco }}</h3>
          <pq-module-create-form [spaceId]="spaceId()" [lang]="lang()" (cancelled)="creating.set(false)" />
        </section>
      }
    }
    @if (loading()) {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    } @else if (errorKey(); as key) {
      <p class="alert alert-error" role="alert">{{ key | transloco }}</p>
    } @else if (modules().length === 0) {
      <p class="empty">{{ (canAuthor() ? 'learning.emptyAuthor' : 'learning.empty') | transloco }}</p>
    } @else {
      <ul class="module-list">
        @for (m of modules(); track m.id) {
          @let title = text(m, 'title');
          @let summary = text(m, 'summary');
          <li class="module-item">
            <h3 class="module-title" [attr.lang]="title.lang" [attr.dir]="title.dir">
              <a [routerLink]="['/modules', m.id]">{{ title.text }}</a>
            </h3>
            <p class="badges">
              @if (canAuthor() || m.status !== published) {
                <span
                  class="badge"
                  [class.badge-muted]="m.status !== published"
                  [class.badge-member]="m.status === published"
                >
                  {{ 'learning.status.' + m.status | transloco }}
                </span>
              }
              <span class="badge">{{ 'learning.lessonCount' | transloco: { count: m.lessonCount } }}</span>
              @if (m.estimatedMinutes) {
                <span class="badge">{{ 'learning.minutes' | transloco: { count: m.estimatedMinutes } }}</span>
              }
              @if (m.myCompletedAt) {
                <span class="badge badge-member">{{ 'learning.completed' | transloco }}</span>
              }
            </p>
            @if (summary.text) {
              <p class="summary" [attr.lang]="summary.lang" [attr.dir]="summary.dir">{{ summary.text }}</p>
            }
            @if (m.myPercent !== null) {
              <pq-progress-bar
                [percent]="m.myPercent"
                [lang]="lang()"
                [label]="'learning.progressOf' | transloco: { title: title.text }"
              />
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .head-actions {
      margin-block-end: 1rem;
    }
    .module-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.9rem;
    }
    .module-item {
      border: 1px solid var(--c-border);
      border-radius: var(--radius);
      padding: 0.9rem 1rem;
      background: var(--c-surface);
    }
    .module-title {
      font-size: 1.12rem;
      margin-block-end: 0.4rem;
    }
    .module-title a {
      text-decoration: none;
    }
    .module-title a:hover {
      text-decoration: underline;
    }
    .summary {
      margin-block-end: 0.6rem;
    }
  `,
})
export class SpaceModulesComponent {
  private readonly api = inject(LearningApi);
  readonly spaceId = input.required<string>();
  readonly canAuthor = input(false);
  readonly lang = input.required<Language>();

  protected readonly published = ModuleStatus.Published;
  protected readonly modules = signal<ModuleSummary[]>([]);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly creating = signal(false);

  constructor() {
    effect(() => {
      const spaceId = this.spaceId();
      untracked(() => this.load(spaceId));
    });
  }

  protected text(m: ModuleSummary, field: 'title' | 'summary') {
    return localized(m[field], this.lang(), m.originalLanguage);
  }

  private load(spaceId: string): void {
    this.loading.set(true);
    this.errorKey.set(null);
    this.api.spaceModules(spaceId).subscribe({
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
}
