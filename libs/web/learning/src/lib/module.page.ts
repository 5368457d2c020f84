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
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import {
  ApiRoutes,
  LessonOutline,
  ModuleDetail,
  ModuleStatus,
  ProgressStatus,
  SpaceDetail,
  pickLocalized,
} from '@pratique/contracts';
import {
  APP_NAME,
  ApiError,
  LanguageService,
  FeedApi,
  LearningApi,
  SessionStore,
  SpacesApi,
  UiMessage,
  UiMessagePipe,
  messageKeyForStatus,
} from '@pratique/web/core';
import { LessonFormComponent } from './lesson-form.component';
import { LessonManagerComponent } from './lesson-manager.component';
import { STATUS_ICON, localized } from './learning-format';
import { ModuleEditFormComponent } from './module-edit-form.component';
import { ModuleLearnersComponent } from './module-learners.component';
import { ProgressBarComponent } from './progress-bar.component';

/**
 * /modules/:id — a module: its outline with the reader's status per lesson, their progress,
 * "Start"/"Continue" and the certificate once completed. Authors also edit it here (texts per
 * language, cover, publication, lessons), and see its learners.
 */
@Component({
  selector: 'pq-module-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    UiMessagePipe,
    ProgressBarComponent,
    ModuleEditFormComponent,
    LessonManagerComponent,
    LessonFormComponent,
    ModuleLearnersComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <h1>{{ 'learning.notFoundTitle' | transloco }}</h1>
      <p>{{ 'learning.notFoundText' | transloco }}</p>
      <p>
        <a routerLink="/spaces">{{ 'spaces.backToList' | transloco }}</a>
      </p>
    } @else if (loadError(); as key) {
      <h1>{{ 'learning.moduleTitle' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (module(); as m) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a [routerLink]="['/spaces', space()?.slug ?? m.spaceId]" [attr.lang]="spaceTitle().lang || null">{{
          spaceTitle().text || ('nav.spaces' | transloco)
        }}</a>
      </nav>

      <header class="card module-header">
        @if (m.coverFileId) {
          <img class="cover" [src]="fileUrl(m.coverFileId)" alt="" />
        }
        <div class="head-text">
          <h1 [attr.lang]="title().lang" [attr.dir]="title().dir">{{ title().text }}</h1>
          <p class="badges">
            @if (m.can.edit || m.status !== published) {
              <span
                class="badge"
                [class.badge-member]="m.status === published"
                [class.badge-muted]="m.status !== published"
              >
                {{ 'learning.status.' + m.status | transloco }}
              </span>
            }
            <span class="badge">{{ 'learning.lessonCount' | transloco: { count: m.lessons.length } }}</span>
            @if (m.estimatedMinutes) {
              <span class="badge">{{ 'learning.minutes' | transloco: { count: m.estimatedMinutes } }}</span>
            }
            @if (m.myCompletedAt) {
              <span class="badge badge-member">{{ 'learning.completed' | transloco }}</span>
            }
          </p>
          @if (summary().text) {
            <p class="prewrap" [attr.lang]="summary().lang" [attr.dir]="summary().dir">
              {{ summary().text }}
            </p>
          }
          @if (m.can.learn || m.myPercent !== null) {
            <pq-progress-bar
              class="module-progress"
              [percent]="m.myPercent ?? 0"
              [lang]="language.current()"
              [label]="'learning.myProgress' | transloco"
            />
          }
          <div class="actions">
            @if (m.can.learn && m.lessons.length > 0) {
              <a class="btn btn-primary" [routerLink]="['/modules', m.id, 'lessons', continueId()]">
                {{
                  (m.myCompletedAt ? 'learning.review' : started() ? 'learning.continue' : 'learning.start')
                    | transloco
                }}
              </a>
            }
            @if (m.myCompletedAt) {
              <a class="btn btn-secondary" [href]="certificateUrl()" download>
                {{ 'learning.downloadCertificate' | transloco }}
              </a>
            }
          </div>
          @if (m.myCompletedAt) {
            <div class="field field-check share-completion">
              <input
                id="share-completion"
                type="checkbox"
                [checked]="m.myCompletionShared"
                [disabled]="sharing()"
                (change)="shareCompletion($any($event.target).checked)"
                aria-describedby="share-completion-help"
              />
              <label for="share-completion">{{ 'learning.shareCompletion' | transloco }}</label>
              <p id="share-completion-help" class="hint">{{ 'learning.shareCompletionHelp' | transloco }}</p>
            </div>
          }
          @if (!session.signedIn() && m.status === published) {
            <p class="note">
              <a routerLink="/sign-in" [queryParams]="{ returnUrl: '/modules/' + m.id }">{{
                'learning.signInToLearn' | transloco
              }}</a>
            </p>
          } @else if (session.signedIn() && !m.can.learn && !m.can.edit && m.status === published) {
            <p class="note">
              {{ 'learning.joinToLearn' | transloco }}
              <a [routerLink]="['/spaces', space()?.slug ?? m.spaceId]">{{
                'learning.goToSpace' | transloco
              }}</a>
            </p>
          }
        </div>
      </header>

      <section class="card" aria-labelledby="outline-title">
        <h2 id="outline-title">{{ 'learning.outline' | transloco }}</h2>
        @if (m.lessons.length === 0) {
          <p class="empty">{{ 'learning.noLessons' | transloco }}</p>
        } @else {
          <ol class="outline">
            @for (l of m.lessons; track l.id) {
              @let t = lessonTitle(l);
              <li class="outline-item" [class.done]="l.myStatus === completed">
                <span class="status-icon" aria-hidden="true">{{ icons[l.myStatus] }}</span>
                <span class="outline-main">
                  @if (m.can.learn || m.can.edit) {
                    <a
                      [routerLink]="['/modules', m.id, 'lessons', l.id]"
                      [attr.lang]="t.lang"
                      [attr.dir]="t.dir"
                      >{{ t.text }}</a
                    >
                  } @else {
                    <span [attr.lang]="t.lang" [attr.dir]="t.dir">{{ t.text }}</span>
                  }
                  <span class="outline-meta">
                    {{ 'learning.kind.' + l.kind | transloco }}
                    @if (!l.required) {
                      · {{ 'learning.optional' | transloco }}
                    }
                  </span>
                </span>
                @if (m.can.learn) {
                  <span class="outline-status">{{ 'learning.lessonStatus.' + l.myStatus | transloco }}</span>
                }
              </li>
            }
          </ol>
        }
      </section>

      @if (m.can.edit) {
        <section class="card" aria-labelledby="publish-title">
          <h2 id="publish-title">{{ 'learning.publish.title' | transloco }}</h2>
          <p>
            {{ 'learning.publish.current' | transloco }}
            <strong>{{ 'learning.status.' + m.status | transloco }}</strong>
          </p>
          <p class="hint publish-hint">{{ 'learning.publish.hint.' + m.status | transloco }}</p>
          <div class="actions">
            @if (m.status !== published) {
              <button
                type="button"
                class="btn btn-primary"
                [disabled]="statusBusy()"
                (click)="setStatus(m, published)"
              >
                {{
                  (m.status === archived ? 'learning.publish.republish' : 'learning.publish.publish')
                    | transloco
                }}
              </button>
            }
            @if (m.status === published) {
              <button
                type="button"
                class="btn btn-secondary"
                [disabled]="statusBusy()"
                (click)="setStatus(m, archived)"
              >
                {{ 'learning.publish.archive' | transloco }}
              </button>
            }
            @if (m.status !== draft) {
              <button
                type="button"
                class="btn btn-ghost-dark"
                [disabled]="statusBusy()"
                (click)="setStatus(m, draft)"
              >
                {{ 'learning.publish.unpublish' | transloco }}
              </button>
            }
          </div>
          <div aria-live="polite" aria-atomic="true">
            @if (statusMessage(); as msg) {
              <p class="alert" [class.alert-error]="statusIsError()" [class.alert-success]="!statusIsError()">
                {{ msg | uiMessage }}
              </p>
            }
          </div>
        </section>

        <section class="card" aria-labelledby="edit-title">
          <h2 id="edit-title">{{ 'learning.edit.heading' | transloco }}</h2>
          <pq-module-edit-form [module]="m" (saved)="module.set($event)" />
        </section>

        <section class="card" aria-labelledby="lessons-title">
          <h2 id="lessons-title">{{ 'learning.manage.title' | transloco }}</h2>
          <pq-lesson-manager
            [module]="m"
            [lang]="language.current()"
            (changed)="module.set($event)"
            (reload)="reload()"
          />
          <h3 id="add-lesson-title" class="add-title">{{ 'learning.lessonForm.addTitle' | transloco }}</h3>
          <pq-lesson-form [module]="m" [lang]="language.current()" (saved)="reload()" />
        </section>
      }

      @if (m.can.seeLearners) {
        <section class="card" aria-labelledby="learners-title">
          <h2 id="learners-title">{{ 'learning.learners.title' | transloco }}</h2>
          <pq-module-learners [module]="m" [lang]="language.current()" />
        </section>
      }
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .module-header {
      display: flex;
      flex-wrap: wrap;
      gap: 1.2rem;
      align-items: flex-start;
    }
    .head-text {
      flex: 1 1 20rem;
      min-inline-size: 0;
    }
    .cover {
      inline-size: 12rem;
      max-inline-size: 100%;
      aspect-ratio: 4 / 3;
      object-fit: cover;
      border-radius: 8px;
      border: 1px solid var(--c-border);
    }
    .module-progress {
      max-inline-size: 28rem;
      margin-block: 0.4rem 1rem;
    }
    .note {
      margin-block: 0.8rem 0;
      padding: 0.6rem 0.8rem;
      background: var(--c-accent-bg);
      color: var(--c-accent-text);
      border-radius: 8px;
    }
    .outline {
      list-style: none;
      margin: 0;
      padding: 0;
      counter-reset: lesson;
    }
    .outline-item {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      padding-block: 0.6rem;
      border-block-end: 1px solid #e6e9ee;
    }
    .outline-item:last-child {
      border-block-end: 0;
    }
    .status-icon {
      flex: none;
      inline-size: 1.8rem;
      block-size: 1.8rem;
      display: inline-grid;
      place-items: center;
      border-radius: 50%;
      border: 2px solid #6b7787;
      color: #4a5566;
      font-weight: 700;
    }
    .done .status-icon {
      background: var(--c-success);
      border-color: var(--c-success);
      color: #fff;
    }
    .outline-main {
      flex: 1;
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      min-inline-size: 0;
    }
    .outline-meta {
      font-size: 0.88rem;
      color: var(--c-muted);
    }
    .outline-status {
      flex: none;
      font-size: 0.9rem;
      font-weight: 600;
      color: var(--c-muted);
    }
    .done .outline-status {
      color: var(--c-success);
    }
    .publish-hint {
      margin-block-end: 0.9rem;
    }
    .add-title {
      margin-block-start: 1.5rem;
    }
  `,
})
export class ModulePage {
  private readonly api = inject(LearningApi);
  private readonly spaces = inject(SpacesApi);
  private readonly titleService = inject(Title);
  private readonly transloco = inject(TranslocoService);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly published = ModuleStatus.Published;
  protected readonly archived = ModuleStatus.Archived;
  protected readonly draft = ModuleStatus.Draft;
  protected readonly completed = ProgressStatus.Completed;
  protected readonly icons = STATUS_ICON;

  protected readonly module = signal<ModuleDetail | null>(null);
  protected readonly space = signal<SpaceDetail | null>(null);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly statusBusy = signal(false);
  protected readonly statusMessage = signal<UiMessage | null>(null);
  protected readonly statusIsError = signal(false);

  protected readonly title = computed(() => {
    const m = this.module();
    return pickLocalized(m?.title, this.language.current(), m?.originalLanguage ?? this.language.current());
  });
  protected readonly summary = computed(() => {
    const m = this.module();
    return pickLocalized(m?.summary, this.language.current(), m?.originalLanguage ?? this.language.current());
  });
  protected readonly spaceTitle = computed(() => {
    const s = this.space();
    return s ? pickLocalized(s.title, this.language.current(), s.originalLanguage) : { text: '', lang: null };
  });
  protected readonly started = computed(
    () => this.module()?.lessons.some((l) => l.myStatus !== ProgressStatus.NotStarted) ?? false,
  );
  protected readonly continueId = computed(() => {
    const m = this.module();
    return m?.continueLessonId ?? m?.lessons[0]?.id ?? '';
  });
  protected readonly certificateUrl = computed(() => ApiRoutes.moduleCertificate(this.module()?.id ?? ''));
  protected readonly sharing = signal(false);
  private readonly feed = inject(FeedApi);

  /** Shares my completion in the activity feed of the space and of those who follow me (or stops). */
  protected shareCompletion(shared: boolean): void {
    const m = this.module();
    if (!m) return;
    this.sharing.set(true);
    this.feed.shareCompletion(m.id, shared).subscribe({
      next: () => {
        this.module.set({ ...m, myCompletionShared: shared });
        this.sharing.set(false);
      },
      error: () => {
        this.module.set({ ...m });
        this.sharing.set(false);
      },
    });
  }

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
    effect(() => {
      this.language.current();
      const text = this.notFound() ? this.transloco.translate('learning.notFoundTitle') : this.title().text;
      if (text) this.titleService.setTitle(`${text} · ${APP_NAME}`);
    });
  }

  protected lessonTitle(l: LessonOutline) {
    return localized(l.title, this.language.current(), this.module()?.originalLanguage ?? 'fr');
  }
  protected fileUrl(id: string): string {
    return ApiRoutes.file(id);
  }

  private load(id: string): void {
    this.notFound.set(false);
    this.loadError.set(null);
    this.module.set(null);
    this.statusMessage.set(null);
    this.api.module(id).subscribe({
      next: (m) => {
        this.module.set(m);
        if (this.space()?.id !== m.spaceId) {
          this.spaces.get(m.spaceId).subscribe({ next: (s) => this.space.set(s), error: () => undefined });
        }
      },
      error: (err) => {
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) this.notFound.set(true);
        else this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }

  reload(): void {
    const m = this.module();
    if (!m) return;
    this.statusMessage.set(null);
    this.api.module(m.id).subscribe({ next: (fresh) => this.module.set(fresh), error: () => undefined });
  }

  setStatus(m: ModuleDetail, status: ModuleStatus): void {
    this.statusBusy.set(true);
    this.statusMessage.set(null);
    this.api.updateModule(m.id, { status }).subscribe({
      next: (updated) => {
        this.statusBusy.set(false);
        this.module.set(updated);
        this.statusIsError.set(false);
        this.statusMessage.set({ key: `learning.publish.done.${updated.status}` });
      },
      error: (err) => {
        this.statusBusy.set(false);
        this.statusIsError.set(true);
        if (
          err instanceof ApiError &&
          err.status === 400 &&
          err.fieldErrors['status'] &&
          status === ModuleStatus.Published
        )
          this.statusMessage.set({ key: 'learning.publish.needsLessons' });
        else this.statusMessage.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }
}
