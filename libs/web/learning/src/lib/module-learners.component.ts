import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { ApiRoutes, Language, LessonKind, ModuleDetail, ModuleLearner } from '@pratique/contracts';
import { ApiError, LearningApi, messageKeyForStatus } from '@pratique/web/core';
import { formatDate, formatPercent, localized } from './learning-format';

/** A module's learners for its authors (and regional staff): progress, dates, quiz scores, CSV export. */
@Component({
  selector: 'pq-module-learners',
  imports: [TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p>
      <a class="btn btn-secondary btn-small" [href]="csvUrl()" download>{{
        'learning.learners.csv' | transloco
      }}</a>
    </p>
    @if (loading()) {
      <p class="muted">{{ 'common.loading' | transloco }}</p>
    } @else if (errorKey(); as key) {
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (learners().length === 0) {
      <p class="empty">{{ 'learning.learners.empty' | transloco }}</p>
    } @else {
      <div class="table-wrap">
        <table class="table">
          <caption class="sr-only">
            {{
              'learning.learners.title' | transloco
            }}
          </caption>
          <thead>
            <tr>
              <th scope="col">{{ 'learning.learners.name' | transloco }}</th>
              <th scope="col">{{ 'learning.learners.progress' | transloco }}</th>
              <th scope="col">{{ 'learning.learners.startedAt' | transloco }}</th>
              <th scope="col">{{ 'learning.learners.lastActivity' | transloco }}</th>
              <th scope="col">{{ 'learning.learners.completedAt' | transloco }}</th>
              @if (quizzes().length) {
                <th scope="col">{{ 'learning.learners.quizScores' | transloco }}</th>
              }
            </tr>
          </thead>
          <tbody>
            @for (l of learners(); track l.userId) {
              <tr>
                <th scope="row">{{ l.displayName }}</th>
                <td>{{ percent(l.percent) }}</td>
                <td>{{ date(l.startedAt) }}</td>
                <td>{{ date(l.lastActivityAt) }}</td>
                <td>{{ l.completedAt ? date(l.completedAt) : '—' }}</td>
                @if (quizzes().length) {
                  <td>
                    @for (s of l.quizScores; track s.lessonId) {
                      @let q = quizTitle(s.lessonId);
                      <span class="score"
                        ><span [attr.lang]="q.lang" [attr.dir]="q.dir">{{ q.text }}</span> :
                        {{ percent(s.bestScore) }}</span
                      >
                    } @empty {
                      —
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      </div>
    }
  `,
  styles: `
    .score {
      display: block;
      font-size: 0.92rem;
    }
    th[scope='row'] {
      font-weight: 600;
      background: transparent;
      font-size: inherit;
    }
  `,
})
export class ModuleLearnersComponent {
  private readonly api = inject(LearningApi);
  readonly module = input.required<ModuleDetail>();
  readonly lang = input.required<Language>();

  protected readonly learners = signal<ModuleLearner[]>([]);
  protected readonly loading = signal(true);
  protected readonly errorKey = signal<string | null>(null);
  protected readonly csvUrl = computed(() => ApiRoutes.moduleLearnersCsv(this.module().id));
  protected readonly quizzes = computed(() =>
    this.module().lessons.filter((l) => l.kind === LessonKind.Quiz),
  );

  constructor() {
    let loadedFor = '';
    effect(() => {
      const id = this.module().id;
      if (id === loadedFor) return;
      loadedFor = id;
      this.load(id);
    });
  }

  protected date(iso: string): string {
    return formatDate(iso, this.lang());
  }
  protected percent(value: number): string {
    return formatPercent(value, this.lang());
  }
  protected quizTitle(lessonId: string) {
    const lesson = this.module().lessons.find((l) => l.id === lessonId);
    return localized(lesson?.title, this.lang(), this.module().originalLanguage);
  }

  private load(id: string): void {
    this.loading.set(true);
    this.api.learners(id).subscribe({
      next: (list) => {
        this.learners.set(list);
        this.loading.set(false);
      },
      error: (err) => {
        this.loading.set(false);
        this.errorKey.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }
}
