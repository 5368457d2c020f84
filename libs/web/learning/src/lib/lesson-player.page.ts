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
  LessonKind,
  LessonOutline,
  LessonView,
  ModuleDetail,
  ProgressResult,
  ProgressStatus,
  QuizAttemptResult,
  VIDEO_WATCHED_PERCENT,
} from '@pratique/contracts';
import {
  APP_NAME,
  ApiError,
  LanguageService,
  LearningApi,
  UiMessage,
  UiMessagePipe,
  messageKeyForStatus,
} from '@pratique/web/core';
import { Observable, Subscription } from 'rxjs';
import { STATUS_ICON, demoteHeadings, formatSize, localized } from './learning-format';
import { ProgressBarComponent } from './progress-bar.component';
import { QuizPlayerComponent } from './quiz-player.component';
import { ScormPlayerComponent } from './scorm-player.component';
import { VideoLessonComponent } from './video-lesson.component';

/**
 * /modules/:id/lessons/:lessonId — the lesson player: the lesson of its kind (page, video,
 * file, quiz, SCORM), "Mark as done" where the learner says so, previous/next, and the
 * module's outline with the learner's progress beside it.
 */
@Component({
  selector: 'pq-lesson-player-page',
  imports: [
    RouterLink,
    TranslocoPipe,
    UiMessagePipe,
    ProgressBarComponent,
    QuizPlayerComponent,
    ScormPlayerComponent,
    VideoLessonComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <h1>{{ 'learning.lessonNotFound' | transloco }}</h1>
      <p>
        <a [routerLink]="['/modules', id()]">{{ 'learning.backToModule' | transloco }}</a>
      </p>
    } @else if (loadError(); as key) {
      <h1>{{ 'learning.lessonTitle' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (lesson(); as l) {
      @let m = module();
      <!-- While the next lesson loads, the current one stays in place (marked busy). -->
      <p class="sr-only" aria-live="polite">
        @if (loading()) {
          {{ 'common.loading' | transloco }}
        }
      </p>
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a
          [routerLink]="['/modules', l.moduleId]"
          [attr.lang]="moduleTitle().lang"
          [attr.dir]="moduleTitle().dir"
          >{{ moduleTitle().text || ('learning.backToModule' | transloco) }}</a
        >
      </nav>
      <div class="player">
        <article class="card lesson" [attr.aria-busy]="loading()" [class.loading]="loading()">
          <header class="lesson-head">
            <p class="lesson-meta">
              @if (m) {
                {{ 'learning.lessonNofM' | transloco: { n: position(), total: m.lessons.length } }} ·
              }
              {{ 'learning.kind.' + l.kind | transloco }}
              @if (!l.required) {
                · {{ 'learning.optional' | transloco }}
              }
            </p>
            <h1 [attr.lang]="title().lang" [attr.dir]="title().dir">{{ title().text }}</h1>
            @if (canLearn()) {
              <p class="lesson-status" [class.done]="status() === completed">
                <span aria-hidden="true">{{ icons[status()] }}</span>
                {{ 'learning.lessonStatus.' + status() | transloco }}
                @if (l.progress.score !== null && l.kind !== quizKind) {
                  · {{ 'learning.score' | transloco: { score: l.progress.score } }}
                }
              </p>
            } @else if (m) {
              <p class="note">{{ 'learning.previewNote' | transloco }}</p>
            }
          </header>

          <!-- Keyed by lesson: a quiz, video or SCORM player never carries over to the next lesson. -->
          @for (key of [l.id]; track key) {
            @switch (l.kind) {
              @case ('page') {
                <div
                  class="page-content"
                  [attr.lang]="html().lang"
                  [attr.dir]="html().dir"
                  [innerHTML]="html().text"
                ></div>
              }
              @case ('video') {
                @if (l.video; as v) {
                  <pq-video-lesson
                    [video]="v"
                    [title]="title().text"
                    [startPercent]="l.progress.videoPercent"
                    (watched)="videoWatched($event)"
                  />
                  @if (v.fileUrl && !v.embedUrl && canLearn()) {
                    <p class="hint">
                      {{ 'learning.video.watchHint' | transloco: { percent: watchedPercent } }}
                    </p>
                  }
                }
              }
              @case ('file') {
                @if (l.file; as f) {
                  <p class="file">
                    <a class="btn btn-secondary" [href]="f.url" download>
                      <span aria-hidden="true">⭳</span>
                      {{ 'learning.file.download' | transloco }}
                      <span class="file-name">{{ f.filename }}</span>
                      ({{ size(f.size) }})
                    </a>
                  </p>
                }
              }
              @case ('quiz') {
                @if (l.quiz) {
                  <pq-quiz-player
                    [lesson]="l"
                    [lang]="language.current()"
                    [original]="original()"
                    [canLearn]="canLearn()"
                    (attempted)="quizAttempted($event)"
                  />
                }
              }
              @case ('scorm') {
                @if (l.scorm; as s) {
                  <pq-scorm-player [scorm]="s" [frameTitle]="title().text" (committed)="refreshModule()" />
                } @else {
                  <p class="alert alert-error">{{ 'learning.scorm.unavailable' | transloco }}</p>
                }
              }
            }
          }

          @if (canMarkDone()) {
            <div class="actions done-actions">
              @if (status() !== completed) {
                <button
                  type="button"
                  class="btn btn-primary"
                  [disabled]="busy() || loading()"
                  (click)="markDone()"
                >
                  {{ (busy() ? 'common.working' : 'learning.markDone') | transloco }}
                </button>
              }
            </div>
          }
          <div aria-live="polite" aria-atomic="true">
            @if (message(); as msg) {
              <p
                class="alert"
                [class.alert-error]="messageIsError()"
                [class.alert-success]="!messageIsError()"
              >
                {{ msg | uiMessage }}
              </p>
            }
          </div>

          <nav class="lesson-nav" [attr.aria-label]="'learning.lessonNav' | transloco">
            @if (l.previousLessonId; as prev) {
              <a
                class="btn btn-secondary prev"
                [routerLink]="['/modules', l.moduleId, 'lessons', prev]"
                rel="prev"
              >
                <span aria-hidden="true" class="arrow">←</span>
                <span>
                  <span class="nav-label">{{ 'learning.previous' | transloco }}</span>
                  @if (outlineTitle(prev); as pt) {
                    <span class="nav-title" [attr.lang]="pt.lang" [attr.dir]="pt.dir">{{ pt.text }}</span>
                  }
                </span>
              </a>
            }
            @if (l.nextLessonId; as next) {
              <a
                class="btn btn-primary next"
                [routerLink]="['/modules', l.moduleId, 'lessons', next]"
                rel="next"
              >
                <span>
                  <span class="nav-label">{{ 'learning.next' | transloco }}</span>
                  @if (outlineTitle(next); as nt) {
                    <span class="nav-title" [attr.lang]="nt.lang" [attr.dir]="nt.dir">{{ nt.text }}</span>
                  }
                </span>
                <span aria-hidden="true" class="arrow">→</span>
              </a>
            } @else {
              <a class="btn btn-secondary next" [routerLink]="['/modules', l.moduleId]">{{
                'learning.backToModule' | transloco
              }}</a>
            }
          </nav>
        </article>

        @if (m) {
          <aside class="card outline-card" aria-labelledby="player-outline-title">
            <h2 id="player-outline-title">{{ 'learning.outline' | transloco }}</h2>
            @if (m.can.learn || m.myPercent !== null) {
              <pq-progress-bar
                [percent]="m.myPercent ?? 0"
                [lang]="language.current()"
                [label]="'learning.myProgress' | transloco"
              />
            }
            @if (m.myCompletedAt) {
              <div class="finished">
                <p>{{ 'learning.moduleDone' | transloco }}</p>
                <a class="btn btn-primary btn-small" [href]="certificateUrl()" download>{{
                  'learning.downloadCertificate' | transloco
                }}</a>
              </div>
            }
            <ol class="mini-outline">
              @for (o of m.lessons; track o.id) {
                @let ot = lessonTitle(o);
                <li [class.done]="o.myStatus === completed" [class.current]="o.id === l.id">
                  <span class="mini-icon" aria-hidden="true">{{ icons[o.myStatus] }}</span>
                  <a
                    [routerLink]="['/modules', m.id, 'lessons', o.id]"
                    [attr.aria-current]="o.id === l.id ? 'page' : null"
                    [attr.lang]="ot.lang"
                    [attr.dir]="ot.dir"
                    >{{ ot.text }}</a
                  >
                  @if (m.can.learn) {
                    <span class="sr-only">({{ 'learning.lessonStatus.' + o.myStatus | transloco }})</span>
                  }
                </li>
              }
            </ol>
          </aside>
        }
      </div>
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .player {
      display: grid;
      gap: 1.25rem;
      grid-template-columns: minmax(0, 1fr);
      align-items: start;
    }
    @media (min-width: 60rem) {
      .player {
        grid-template-columns: minmax(0, 1fr) 18rem;
      }
    }
    .lesson {
      margin: 0;
      transition: opacity 0.2s;
    }
    .lesson.loading {
      opacity: 0.75;
    }
    @media (prefers-reduced-motion: reduce) {
      .lesson {
        transition: none;
      }
    }
    .lesson-meta {
      color: var(--c-muted);
      font-size: 0.92rem;
      margin-block-end: 0.3rem;
    }
    .lesson-status {
      font-weight: 600;
      color: var(--c-muted);
    }
    .lesson-status.done {
      color: var(--c-success);
    }
    .note {
      padding: 0.6rem 0.8rem;
      background: var(--c-accent-bg);
      color: var(--c-accent-text);
      border-radius: 8px;
    }
    .page-content {
      font-size: 1.05rem;
      line-height: 1.7;
      overflow-wrap: anywhere;
    }
    .page-content :is(h1, h2, h3, h4) {
      margin-block: 1.2em 0.5em;
    }
    .page-content img {
      max-inline-size: 100%;
      block-size: auto;
    }
    .page-content blockquote {
      margin-inline: 0;
      padding-inline-start: 1rem;
      border-inline-start: 4px solid var(--c-border);
      color: var(--c-muted);
    }
    .file-name {
      font-weight: 400;
      overflow-wrap: anywhere;
    }
    .done-actions {
      margin-block: 1.2rem 0.6rem;
    }
    .lesson-nav {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      justify-content: space-between;
      margin-block-start: 1.5rem;
      padding-block-start: 1rem;
      border-block-start: 1px solid var(--c-border);
    }
    .lesson-nav .next {
      margin-inline-start: auto;
    }
    .lesson-nav a > span:not(.arrow) {
      display: flex;
      flex-direction: column;
      text-align: start;
    }
    .nav-label {
      font-size: 0.82rem;
      font-weight: 600;
      opacity: 0.9;
    }
    .nav-title {
      font-weight: 700;
    }
    :host-context([dir='rtl']) .arrow {
      display: inline-block;
      transform: scaleX(-1);
    }
    .outline-card {
      margin: 0;
      position: sticky;
      inset-block-start: 1rem;
    }
    .outline-card h2 {
      font-size: 1.05rem;
    }
    .finished {
      margin-block: 0.8rem;
      padding: 0.7rem;
      background: var(--c-success-bg);
      border-radius: 8px;
      color: var(--c-success);
      font-weight: 600;
    }
    .finished p {
      margin-block-end: 0.5rem;
    }
    .mini-outline {
      list-style: none;
      margin: 0.8rem 0 0;
      padding: 0;
    }
    .mini-outline li {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      padding-block: 0.35rem;
      border-block-end: 1px solid #e6e9ee;
    }
    .mini-outline li:last-child {
      border-block-end: 0;
    }
    .mini-icon {
      flex: none;
      inline-size: 1.2rem;
      text-align: center;
      color: var(--c-muted);
      font-weight: 700;
    }
    .mini-outline .done .mini-icon {
      color: var(--c-success);
    }
    .mini-outline .current a {
      font-weight: 700;
      color: var(--c-text);
    }
  `,
})
export class LessonPlayerPage {
  private readonly api = inject(LearningApi);
  private readonly titleService = inject(Title);
  private readonly transloco = inject(TranslocoService);
  protected readonly language = inject(LanguageService);

  /** Route parameters. */
  readonly id = input.required<string>();
  readonly lessonId = input.required<string>();

  protected readonly completed = ProgressStatus.Completed;
  protected readonly quizKind = LessonKind.Quiz;
  protected readonly icons = STATUS_ICON;
  protected readonly watchedPercent = VIDEO_WATCHED_PERCENT;

  protected readonly lesson = signal<LessonView | null>(null);
  protected readonly module = signal<ModuleDetail | null>(null);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  /** The next lesson is on its way (the previous one stays shown meanwhile). */
  protected readonly loading = signal(false);
  private loadingLesson: Subscription | null = null;
  protected readonly message = signal<UiMessage | null>(null);
  protected readonly messageIsError = signal(false);

  protected readonly original = computed(() => this.module()?.originalLanguage ?? this.language.current());
  protected readonly title = computed(() =>
    localized(this.lesson()?.title, this.language.current(), this.original()),
  );
  protected readonly moduleTitle = computed(() =>
    localized(this.module()?.title, this.language.current(), this.original()),
  );
  /** The page's HTML, its headings under the lesson's h1. */
  protected readonly html = computed(() => {
    const page = localized(this.lesson()?.html, this.language.current(), this.original());
    return { ...page, text: demoteHeadings(page.text) };
  });
  protected readonly canLearn = computed(() => this.module()?.can.learn ?? false);
  protected readonly position = computed(() => {
    const i = this.module()?.lessons.findIndex((o) => o.id === this.lesson()?.id) ?? -1;
    return i >= 0 ? i + 1 : (this.lesson()?.position ?? 0) + 1;
  });
  /** The learner's status here: the module's outline is refreshed after every step. */
  protected readonly status = computed<ProgressStatus>(() => {
    const l = this.lesson();
    const fromOutline = this.module()?.lessons.find((o) => o.id === l?.id)?.myStatus;
    return fromOutline ?? l?.progress.status ?? ProgressStatus.NotStarted;
  });
  /** Pages, files and embedded videos are done when the learner says so. */
  protected readonly canMarkDone = computed(() => {
    const l = this.lesson();
    if (!l || !this.canLearn()) return false;
    if (l.kind === LessonKind.Page || l.kind === LessonKind.File) return true;
    return l.kind === LessonKind.Video && !!l.video?.embedUrl;
  });
  protected readonly certificateUrl = computed(() => ApiRoutes.moduleCertificate(this.id()));

  constructor() {
    effect(() => {
      const [moduleId, lessonId] = [this.id(), this.lessonId()];
      untracked(() => this.load(moduleId, lessonId));
    });
    effect(() => {
      this.language.current();
      const text = this.notFound() ? this.transloco.translate('learning.lessonNotFound') : this.title().text;
      if (text) this.titleService.setTitle(`${text} · ${APP_NAME}`);
    });
  }

  protected lessonTitle(o: LessonOutline) {
    return localized(o.title, this.language.current(), this.original());
  }
  protected outlineTitle(lessonId: string) {
    const o = this.module()?.lessons.find((x) => x.id === lessonId);
    return o ? this.lessonTitle(o) : null;
  }
  protected size(bytes: number): string {
    return formatSize(bytes, this.language.current());
  }

  private load(moduleId: string, lessonId: string): void {
    this.notFound.set(false);
    this.loadError.set(null);
    // The lesson shown stays until the next one is here (no blank "Loading…" between lessons);
    // a lesson of another module is not kept.
    if (this.lesson()?.moduleId !== moduleId) this.lesson.set(null);
    this.loading.set(true);
    this.loadingLesson?.unsubscribe();
    this.loadingLesson = this.api.lesson(lessonId).subscribe({
      next: (l) => {
        this.loading.set(false);
        this.message.set(null);
        this.busy.set(false);
        this.lesson.set(l);
      },
      error: (err) => {
        this.loading.set(false);
        this.message.set(null);
        if (err instanceof ApiError && (err.status === 404 || err.status === 403)) this.notFound.set(true);
        else this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
    if (this.module()?.id !== moduleId) this.module.set(null);
    this.refreshModule(moduleId);
  }

  refreshModule(moduleId = this.id()): void {
    this.api.module(moduleId).subscribe({ next: (m) => this.module.set(m), error: () => undefined });
  }

  markDone(): void {
    const l = this.lesson();
    if (!l) return;
    this.record(this.api.complete(l.id), 'learning.markedDone');
  }

  videoWatched(percent: number): void {
    const l = this.lesson();
    if (!l || !this.canLearn()) return;
    this.record(this.api.videoProgress(l.id, percent), null);
  }

  quizAttempted(result: QuizAttemptResult): void {
    this.module.update((m) => (m ? { ...m, myPercent: result.modulePercent } : m));
    this.refreshModule();
  }

  private record(call: Observable<ProgressResult>, successKey: string | null): void {
    this.busy.set(true);
    call.subscribe({
      next: (r) => {
        this.busy.set(false);
        this.lesson.update((l) => (l ? { ...l, progress: { ...l.progress, status: r.status } } : l));
        this.module.update((m) =>
          m
            ? {
                ...m,
                myPercent: r.modulePercent,
                myCompletedAt: r.moduleCompletedAt,
                lessons: m.lessons.map((o) => (o.id === r.lessonId ? { ...o, myStatus: r.status } : o)),
              }
            : m,
        );
        if (successKey) {
          this.messageIsError.set(false);
          this.message.set(
            r.moduleCompletedAt ? { key: 'learning.moduleDone' } : { key: successKey, params: {} },
          );
        }
        this.refreshModule();
      },
      error: (err) => {
        this.busy.set(false);
        this.messageIsError.set(true);
        this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }
}
