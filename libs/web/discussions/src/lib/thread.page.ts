import { NgTemplateOutlet } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import {
  DISCUSSION_BODY_MAX_LENGTH,
  DiscussionRevision,
  ReplyDto,
  THREAD_TITLE_MAX_LENGTH,
  ThreadDetail,
} from '@pratique/contracts';
import {
  ApiError,
  DiscussionsApi,
  FieldErrorComponent,
  FormFeedback,
  FormStatusComponent,
  LanguageService,
  SessionStore,
  UiMessage,
  UiMessagePipe,
  focusFirstInvalid,
  messageKeyForStatus,
} from '@pratique/web/core';
import { Observable, forkJoin } from 'rxjs';
import { formatDate } from './discussion-format';
import { discussionPageTitle } from './page-title';
import { ThreadBadgesComponent } from './thread-badges.component';

const bodyValidators = [
  Validators.required,
  Validators.pattern(/\S/),
  Validators.maxLength(DISCUSSION_BODY_MAX_LENGTH),
];

/**
 * /discussions/:id: a thread, its replies (accepted answer first, then votes), voting, accepting
 * an answer, editing with history, following, and the animators' tools (pin, lock, hide).
 * Bodies are the API's sanitised HTML, bound with [innerHTML] (Angular's sanitizer stays on).
 */
@Component({
  selector: 'pq-thread-page',
  imports: [
    NgTemplateOutlet,
    ReactiveFormsModule,
    RouterLink,
    TranslocoPipe,
    UiMessagePipe,
    FieldErrorComponent,
    FormStatusComponent,
    ThreadBadgesComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <h1>{{ 'discussions.notFoundTitle' | transloco }}</h1>
      <p>{{ 'discussions.notFoundText' | transloco }}</p>
      <p>
        <a routerLink="/spaces">{{ 'nav.spaces' | transloco }}</a>
      </p>
    } @else if (loadError(); as key) {
      <h1>{{ 'discussions.title' | transloco }}</h1>
      <p class="alert alert-error">{{ key | transloco }}</p>
    } @else if (thread(); as t) {
      <nav class="breadcrumb" [attr.aria-label]="'common.breadcrumb' | transloco">
        <a [routerLink]="['/spaces', t.space.slug, 'discussions']">{{ 'discussions.title' | transloco }}</a>
      </nav>

      <article class="card thread" [class.is-hidden]="t.hidden" aria-labelledby="thread-title">
        <pq-thread-badges [thread]="t" />
        @if (t.hidden) {
          <p class="alert alert-error">{{ 'discussions.thread.hiddenNotice' | transloco }}</p>
        }
        @if (editingThread()) {
          <form class="stack" [formGroup]="threadForm" (ngSubmit)="saveThread(t)" novalidate>
            <pq-form-status [feedback]="threadFb" />
            <div class="field">
              <label [for]="threadFb.id('title')">{{ 'discussions.form.title' | transloco }}</label>
              <input
                [id]="threadFb.id('title')"
                type="text"
                formControlName="title"
                dir="auto"
                [attr.maxlength]="titleMax"
                [attr.aria-invalid]="threadFb.invalid('title')"
                [attr.aria-describedby]="threadFb.describedBy('title')"
              />
              <pq-field-error [feedback]="threadFb" field="title" />
            </div>
            <div class="field">
              <label [for]="threadFb.id('body')">{{ 'discussions.form.body' | transloco }}</label>
              <textarea
                [id]="threadFb.id('body')"
                rows="8"
                formControlName="body"
                dir="auto"
                [attr.aria-invalid]="threadFb.invalid('body')"
                [attr.aria-describedby]="threadFb.describedBy('body')"
              ></textarea>
              <pq-field-error [feedback]="threadFb" field="body" />
            </div>
            <div class="field-actions">
              <button type="submit" class="btn btn-primary" [disabled]="threadFb.busy()">
                {{ 'discussions.form.save' | transloco }}
              </button>
              <button type="button" class="btn btn-secondary" (click)="editingThread.set(false)">
                {{ 'discussions.form.cancel' | transloco }}
              </button>
            </div>
          </form>
        } @else {
          <h1 id="thread-title" dir="auto">{{ t.title }}</h1>
          <p class="card-meta">
            <span dir="auto">{{ 'discussions.meta.by' | transloco: { name: t.author.displayName } }}</span>
            · {{ 'discussions.meta.postedOn' | transloco: { date: date(t.createdAt) } }}
            @if (t.editedAt) {
              · <span class="edited">{{ 'discussions.badge.edited' | transloco }}</span>
            }
          </p>
          <div class="markdown" dir="auto" [innerHTML]="t.bodyHtml"></div>
        }

        <div class="actions thread-actions">
          @if (t.can.follow) {
            <button
              type="button"
              class="btn btn-secondary btn-small"
              [attr.aria-pressed]="t.following"
              [disabled]="busy()"
              (click)="toggleFollow(t)"
            >
              {{ (t.following ? 'discussions.follow.threadOn' : 'discussions.follow.thread') | transloco }}
            </button>
          }
          @if (t.can.edit && !editingThread()) {
            <button type="button" class="btn btn-secondary btn-small" (click)="startEditThread(t)">
              {{ 'discussions.thread.edit' | transloco }}
            </button>
          }
          @if (t.editedAt) {
            <button
              type="button"
              class="btn btn-ghost-dark btn-small"
              [attr.aria-expanded]="historyOf() === 'thread'"
              aria-controls="history-thread"
              (click)="toggleHistory('thread', t.id)"
            >
              {{ 'discussions.thread.history' | transloco }}
            </button>
          }
        </div>
        @if (historyOf() === 'thread') {
          <ng-container *ngTemplateOutlet="historyTpl; context: { id: 'history-thread' }" />
        }

        @if (t.can.moderate) {
          <div
            class="moderation"
            role="group"
            [attr.aria-label]="'discussions.thread.moderation' | transloco"
          >
            <h2 class="small-heading">{{ 'discussions.thread.moderation' | transloco }}</h2>
            <div class="actions">
              <button
                type="button"
                class="btn btn-secondary btn-small"
                [attr.aria-pressed]="t.pinned"
                [disabled]="busy()"
                (click)="moderate(t, { pinned: !t.pinned })"
              >
                {{ (t.pinned ? 'discussions.thread.unpin' : 'discussions.thread.pin') | transloco }}
              </button>
              <button
                type="button"
                class="btn btn-secondary btn-small"
                [attr.aria-pressed]="t.locked"
                [disabled]="busy()"
                (click)="moderate(t, { locked: !t.locked })"
              >
                {{ (t.locked ? 'discussions.thread.unlock' : 'discussions.thread.lock') | transloco }}
              </button>
              <button
                type="button"
                class="btn btn-danger btn-small"
                [attr.aria-pressed]="t.hidden"
                [disabled]="busy()"
                (click)="moderate(t, { hidden: !t.hidden })"
              >
                {{ (t.hidden ? 'discussions.thread.show' : 'discussions.thread.hide') | transloco }}
              </button>
            </div>
          </div>
        }
        <div aria-live="polite" aria-atomic="true">
          @if (message(); as m) {
            <p class="alert" [class.alert-error]="messageIsError()" [class.alert-success]="!messageIsError()">
              {{ m | uiMessage }}
            </p>
          }
        </div>
      </article>

      <section aria-labelledby="replies-heading">
        <h2 id="replies-heading">
          {{
            (t.kind === 'question' ? 'discussions.reply.answersHeading' : 'discussions.reply.heading')
              | transloco: { count: replies().length }
          }}
        </h2>
        @if (replies().length === 0) {
          <p class="empty">{{ 'discussions.reply.none' | transloco }}</p>
        }
        <ol class="reply-list">
          @for (r of replies(); track r.id) {
            <li>
              <article
                class="card reply"
                [class.is-accepted]="r.accepted"
                [class.is-hidden]="r.hidden"
                [attr.aria-label]="'discussions.meta.by' | transloco: { name: r.author.displayName }"
              >
                @if (r.accepted) {
                  <p class="badge badge-member accepted-badge">
                    <span aria-hidden="true">✓ </span>{{ 'discussions.badge.accepted' | transloco }}
                  </p>
                }
                @if (r.hidden) {
                  <p class="badge badge-hidden">{{ 'discussions.thread.replyHiddenNotice' | transloco }}</p>
                }
                <p class="card-meta">
                  <strong dir="auto">{{ r.author.displayName }}</strong>
                  · {{ date(r.createdAt) }}
                  @if (r.editedAt) {
                    · <span class="edited">{{ 'discussions.badge.edited' | transloco }}</span>
                  }
                </p>
                @if (editingReply() === r.id) {
                  <form class="stack" [formGroup]="replyEditForm" (ngSubmit)="saveReply(r)" novalidate>
                    <pq-form-status [feedback]="replyEditFb" />
                    <div class="field">
                      <label [for]="replyEditFb.id('body')">{{ 'discussions.reply.edit' | transloco }}</label>
                      <textarea
                        [id]="replyEditFb.id('body')"
                        rows="5"
                        formControlName="body"
                        dir="auto"
                        [attr.aria-invalid]="replyEditFb.invalid('body')"
                        [attr.aria-describedby]="replyEditFb.describedBy('body')"
                      ></textarea>
                      <pq-field-error [feedback]="replyEditFb" field="body" />
                    </div>
                    <div class="field-actions">
                      <button type="submit" class="btn btn-primary btn-small" [disabled]="replyEditFb.busy()">
                        {{ 'discussions.form.save' | transloco }}
                      </button>
                      <button
                        type="button"
                        class="btn btn-secondary btn-small"
                        (click)="editingReply.set(null)"
                      >
                        {{ 'discussions.form.cancel' | transloco }}
                      </button>
                    </div>
                  </form>
                } @else {
                  <div class="markdown" dir="auto" [innerHTML]="r.bodyHtml"></div>
                }
                <div class="actions reply-actions">
                  <button
                    type="button"
                    class="btn btn-secondary btn-small vote"
                    [attr.aria-pressed]="r.votedByMe"
                    [attr.aria-label]="
                      'discussions.reply.voteLabel'
                        | transloco: { name: r.author.displayName, count: r.voteCount }
                    "
                    [disabled]="!r.can.vote || busy()"
                    (click)="vote(r)"
                  >
                    <span aria-hidden="true">▲ {{ r.voteCount }}</span>
                    <span class="vote-word" aria-hidden="true">{{
                      'discussions.reply.vote' | transloco
                    }}</span>
                  </button>
                  @if (t.can.accept && !r.hidden) {
                    <button
                      type="button"
                      class="btn btn-small"
                      [class.btn-primary]="!r.accepted"
                      [class.btn-secondary]="r.accepted"
                      [disabled]="busy()"
                      (click)="accept(t, r)"
                    >
                      {{
                        (r.accepted ? 'discussions.reply.unaccept' : 'discussions.reply.accept') | transloco
                      }}
                    </button>
                  }
                  @if (r.can.edit && editingReply() !== r.id) {
                    <button type="button" class="btn btn-ghost-dark btn-small" (click)="startEditReply(r)">
                      {{ 'discussions.reply.edit' | transloco }}
                    </button>
                  }
                  @if (r.editedAt) {
                    <button
                      type="button"
                      class="btn btn-ghost-dark btn-small"
                      [attr.aria-expanded]="historyOf() === r.id"
                      [attr.aria-controls]="'history-' + r.id"
                      (click)="toggleHistory(r.id, r.id)"
                    >
                      {{ 'discussions.reply.history' | transloco }}
                    </button>
                  }
                  @if (r.can.moderate) {
                    <button
                      type="button"
                      class="btn btn-danger btn-small"
                      [attr.aria-pressed]="r.hidden"
                      [disabled]="busy()"
                      (click)="moderateReply(r)"
                    >
                      {{ (r.hidden ? 'discussions.reply.show' : 'discussions.reply.hide') | transloco }}
                    </button>
                  }
                </div>
                @if (historyOf() === r.id) {
                  <ng-container *ngTemplateOutlet="historyTpl; context: { id: 'history-' + r.id }" />
                }
              </article>
            </li>
          }
        </ol>

        @if (t.can.reply) {
          <form class="card stack" [formGroup]="replyForm" (ngSubmit)="sendReply(t)" novalidate>
            <pq-form-status [feedback]="replyFb" />
            <div class="field">
              <label [for]="replyFb.id('body')">{{ 'discussions.reply.label' | transloco }}</label>
              <textarea
                [id]="replyFb.id('body')"
                rows="5"
                formControlName="body"
                dir="auto"
                [attr.aria-invalid]="replyFb.invalid('body')"
                [attr.aria-describedby]="replyFb.describedBy('body', replyFb.id('body-hint'))"
              ></textarea>
              <p class="hint" [id]="replyFb.id('body-hint')">{{ 'discussions.form.bodyHint' | transloco }}</p>
              <pq-field-error [feedback]="replyFb" field="body" />
            </div>
            <div class="field-actions">
              <button type="submit" class="btn btn-primary" [disabled]="replyFb.busy()">
                {{ 'discussions.reply.submit' | transloco }}
              </button>
            </div>
          </form>
        } @else if (t.locked) {
          <p class="alert">{{ 'discussions.reply.locked' | transloco }}</p>
        } @else if (!session.signedIn()) {
          <p>
            <a routerLink="/sign-in" [queryParams]="{ returnUrl: '/discussions/' + t.id }">{{
              'discussions.signInToPost' | transloco
            }}</a>
          </p>
        } @else {
          <p class="muted">
            <a [routerLink]="['/spaces', t.space.slug]">{{ 'discussions.joinToPost' | transloco }}</a>
          </p>
        }
      </section>

      <ng-template #historyTpl let-id="id">
        <section class="history" [id]="id" [attr.aria-label]="'discussions.thread.history' | transloco">
          @if (history(); as versions) {
            @if (versions.length === 0) {
              <p class="muted">{{ 'discussions.thread.historyEmpty' | transloco }}</p>
            }
            <ol class="plain-list">
              @for (v of versions; track v.id) {
                <li class="version">
                  <p class="card-meta">
                    {{ 'discussions.thread.version' | transloco: { date: date(v.writtenAt) } }}
                  </p>
                  @if (v.title) {
                    <p class="version-title" dir="auto">
                      <strong>{{ v.title }}</strong>
                    </p>
                  }
                  <div class="markdown" dir="auto" [innerHTML]="v.bodyHtml"></div>
                </li>
              }
            </ol>
          } @else {
            <p class="muted">{{ 'common.loading' | transloco }}</p>
          }
        </section>
      </ng-template>
    } @else {
      <p class="muted" aria-live="polite">{{ 'common.loading' | transloco }}</p>
    }
  `,
  styles: `
    .thread h1 {
      margin-block: 0.5rem;
      overflow-wrap: anywhere;
    }
    .thread.is-hidden,
    .reply.is-hidden {
      border-style: dashed;
      border-color: var(--c-danger);
    }
    .markdown {
      overflow-wrap: anywhere;
      margin-block-start: 0.5rem;
    }
    .markdown :is(pre, code) {
      white-space: pre-wrap;
    }
    .thread-actions,
    .reply-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      margin-block-start: 0.75rem;
    }
    .moderation {
      margin-block-start: 1rem;
      padding-block-start: 0.75rem;
      border-block-start: 1px solid var(--c-border);
    }
    .moderation .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
    .reply-list {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .reply {
      margin-block-end: 0.75rem;
    }
    .reply.is-accepted {
      border-inline-start: 4px solid var(--c-success);
      background: var(--c-success-bg);
    }
    .accepted-badge,
    .badge-hidden {
      display: inline-block;
      margin-block: 0 0.5rem;
    }
    .badge-hidden {
      background: var(--c-danger-bg);
      color: var(--c-danger);
    }
    .vote[aria-pressed='true'] {
      background: var(--c-primary);
      color: #fff;
      border-color: var(--c-primary);
    }
    .vote-word {
      margin-inline-start: 0.35rem;
    }
    .edited {
      font-style: italic;
    }
    .history {
      margin-block-start: 0.75rem;
      padding: 0.75rem;
      border: 1px solid var(--c-border);
      border-radius: var(--radius);
      background: var(--c-bg);
    }
    .version + .version {
      border-block-start: 1px solid var(--c-border);
      padding-block-start: 0.5rem;
    }
    textarea {
      inline-size: 100%;
    }
  `,
})
export class ThreadPage {
  private readonly api = inject(DiscussionsApi);
  protected readonly session = inject(SessionStore);
  protected readonly language = inject(LanguageService);

  /** Route parameter. */
  readonly id = input.required<string>();

  protected readonly titleMax = THREAD_TITLE_MAX_LENGTH;
  protected readonly thread = signal<ThreadDetail | null>(null);
  protected readonly replies = signal<ReplyDto[]>([]);
  protected readonly notFound = signal(false);
  protected readonly loadError = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<UiMessage | null>(null);
  protected readonly messageIsError = signal(false);
  protected readonly editingThread = signal(false);
  protected readonly editingReply = signal<string | null>(null);
  /** 'thread', a reply id, or null: whose history is open. */
  protected readonly historyOf = signal<string | null>(null);
  protected readonly history = signal<DiscussionRevision[] | null>(null);

  protected readonly threadFb = new FormFeedback('thread-edit');
  protected readonly threadForm = new FormGroup({
    title: new FormControl('', {
      nonNullable: true,
      validators: [
        Validators.required,
        Validators.pattern(/\S/),
        Validators.maxLength(THREAD_TITLE_MAX_LENGTH),
      ],
    }),
    body: new FormControl('', { nonNullable: true, validators: bodyValidators }),
  });
  protected readonly replyFb = new FormFeedback('reply-new');
  protected readonly replyForm = new FormGroup({
    body: new FormControl('', { nonNullable: true, validators: bodyValidators }),
  });
  protected readonly replyEditFb = new FormFeedback('reply-edit');
  protected readonly replyEditForm = new FormGroup({
    body: new FormControl('', { nonNullable: true, validators: bodyValidators }),
  });

  private readonly pageTitle = computed(() => {
    const t = this.thread();
    if (this.notFound()) return { key: 'notFoundTitle' };
    return t ? { text: t.title } : null;
  });

  constructor() {
    effect(() => this.load(this.id()));
    discussionPageTitle(() => this.pageTitle());
  }

  protected date(iso: string): string {
    return formatDate(iso, this.language.current());
  }

  private load(id: string): void {
    this.notFound.set(false);
    this.loadError.set(null);
    this.thread.set(null);
    this.replies.set([]);
    this.historyOf.set(null);
    this.refresh(id);
  }

  private refresh(id = this.id()): void {
    forkJoin([this.api.get(id), this.api.replies(id)]).subscribe({
      next: ([thread, page]) => {
        this.thread.set(thread);
        this.replies.set(page.items);
      },
      error: (err) => {
        if (err instanceof ApiError && err.status === 404) this.notFound.set(true);
        else this.loadError.set(messageKeyForStatus(err instanceof ApiError ? err.status : 0));
      },
    });
  }

  /** Runs an action, then reloads the thread and its replies; failures are said in the live region. */
  private act(call: Observable<unknown>, successKey = 'discussions.thread.done'): void {
    this.busy.set(true);
    this.message.set(null);
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.messageIsError.set(false);
        this.message.set({ key: successKey });
        this.refresh();
      },
      error: (err) => {
        this.busy.set(false);
        this.messageIsError.set(true);
        this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }

  toggleFollow(t: ThreadDetail): void {
    this.busy.set(true);
    this.api.toggleFollow(t.id).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.thread.set({ ...t, following: r.following });
      },
      error: () => this.busy.set(false),
    });
  }

  moderate(t: ThreadDetail, patch: { pinned?: boolean; locked?: boolean; hidden?: boolean }): void {
    this.act(this.api.moderate(t.id, patch));
  }

  moderateReply(r: ReplyDto): void {
    this.act(this.api.moderateReply(r.id, { hidden: !r.hidden }));
  }

  accept(t: ThreadDetail, r: ReplyDto): void {
    this.act(this.api.accept(t.id, { replyId: r.accepted ? null : r.id }));
  }

  vote(r: ReplyDto): void {
    this.busy.set(true);
    this.api.vote(r.id).subscribe({
      next: (v) => {
        this.busy.set(false);
        this.replies.update((list) =>
          list.map((x) => (x.id === r.id ? { ...x, votedByMe: v.voted, voteCount: v.voteCount } : x)),
        );
      },
      error: (err) => {
        this.busy.set(false);
        this.messageIsError.set(true);
        this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }

  startEditThread(t: ThreadDetail): void {
    this.threadFb.clear();
    this.threadForm.setValue({ title: t.title, body: t.body });
    this.editingThread.set(true);
  }

  saveThread(t: ThreadDetail): void {
    if (!this.threadFb.validate(this.threadForm)) {
      focusFirstInvalid();
      return;
    }
    this.threadFb.busy.set(true);
    this.api.update(t.id, this.threadForm.getRawValue()).subscribe({
      next: (fresh) => {
        this.threadFb.busy.set(false);
        this.thread.set(fresh);
        this.editingThread.set(false);
        this.historyOf.set(null);
        this.messageIsError.set(false);
        this.message.set({ key: 'discussions.thread.updated' });
      },
      error: (err) => {
        this.threadFb.busy.set(false);
        this.threadFb.fromError(err);
        focusFirstInvalid();
      },
    });
  }

  startEditReply(r: ReplyDto): void {
    this.replyEditFb.clear();
    this.replyEditForm.setValue({ body: r.body });
    this.editingReply.set(r.id);
  }

  saveReply(r: ReplyDto): void {
    if (!this.replyEditFb.validate(this.replyEditForm)) {
      focusFirstInvalid();
      return;
    }
    this.replyEditFb.busy.set(true);
    this.api.updateReply(r.id, this.replyEditForm.getRawValue()).subscribe({
      next: (fresh) => {
        this.replyEditFb.busy.set(false);
        this.replies.update((list) => list.map((x) => (x.id === fresh.id ? fresh : x)));
        this.editingReply.set(null);
        this.historyOf.set(null);
      },
      error: (err) => {
        this.replyEditFb.busy.set(false);
        this.replyEditFb.fromError(err);
        focusFirstInvalid();
      },
    });
  }

  sendReply(t: ThreadDetail): void {
    if (!this.replyFb.validate(this.replyForm)) {
      focusFirstInvalid();
      return;
    }
    this.replyFb.busy.set(true);
    this.api.reply(t.id, this.replyForm.getRawValue()).subscribe({
      next: () => {
        this.replyFb.busy.set(false);
        this.replyForm.reset();
        this.replyFb.succeed('discussions.reply.sent');
        this.refresh();
      },
      error: (err) => {
        this.replyFb.busy.set(false);
        this.replyFb.fromError(err);
        focusFirstInvalid();
      },
    });
  }

  toggleHistory(which: string, id: string): void {
    if (this.historyOf() === which) {
      this.historyOf.set(null);
      return;
    }
    this.historyOf.set(which);
    this.history.set(null);
    const call = which === 'thread' ? this.api.revisions(id) : this.api.replyRevisions(id);
    call.subscribe({ next: (v) => this.history.set(v), error: () => this.history.set([]) });
  }
}
