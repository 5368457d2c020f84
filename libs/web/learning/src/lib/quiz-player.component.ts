import {
  ChangeDetectionStrategy,
  Component,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language, LessonView, LocalizedText, QuizAttemptResult } from '@pratique/contracts';
import { ApiError, LearningApi, UiMessage, UiMessagePipe, messageKeyForStatus } from '@pratique/web/core';
import { formatPercent, localized } from './learning-format';
import { chooseAnswer, unansweredQuestions } from './quiz-model';

type Quiz = NonNullable<LessonView['quiz']>;

/**
 * Takes a quiz: one fieldset per question (radios, or checkboxes when several answers are
 * right), every question must be answered, then the result: score, passed or not, which
 * questions were right, the feedback per choice, and the attempts left.
 */
@Component({
  selector: 'pq-quiz-player',
  imports: [TranslocoPipe, UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let q = quiz();
    <p class="quiz-rules">
      {{ 'learning.quiz.passingScore' | transloco: { score: pct(q.passingScore) } }}
      ·
      @if (q.attemptsAllowed === 0) {
        {{ 'learning.quiz.unlimited' | transloco }}
      } @else {
        {{ 'learning.quiz.attemptsUsed' | transloco: { used: attemptsUsed(), allowed: q.attemptsAllowed } }}
      }
      @if (bestScore() !== null) {
        · {{ 'learning.quiz.bestScore' | transloco: { score: pct(bestScore()!) } }}
      }
    </p>
    <form class="stack" novalidate (submit)="submit($event)">
      @for (question of q.questions; track question.id; let i = $index) {
        @let qt = text(question.text);
        @let verdict = verdictOf(question.id);
        <fieldset
          class="fieldset question"
          [class.right]="verdict === true"
          [class.wrong]="verdict === false"
          [attr.aria-describedby]="missing().includes(question.id) ? 'quiz-' + question.id + '-error' : null"
        >
          <legend>
            <span class="q-number">{{
              'learning.quiz.questionN' | transloco: { n: i + 1, total: q.questions.length }
            }}</span>
            <span class="q-text" [attr.lang]="qt.lang" [attr.dir]="qt.dir">{{ qt.text }}</span>
          </legend>
          @if (question.multiple) {
            <p class="hint">{{ 'learning.quiz.several' | transloco }}</p>
          }
          @for (choice of question.choices; track choice.id) {
            @let ct = text(choice.text);
            @let fb = feedbackOf(question.id, choice.id);
            <div
              class="choice"
              [class.chosen]="!!fb"
              [class.is-right]="fb?.correct === true"
              [class.is-wrong]="fb?.correct === false"
            >
              <input
                [type]="question.multiple ? 'checkbox' : 'radio'"
                [name]="'quiz-' + question.id"
                [id]="'quiz-' + question.id + '-' + choice.id"
                [checked]="isChosen(question.id, choice.id)"
                [disabled]="!!result() || busy() || !canLearn()"
                [attr.aria-describedby]="fb ? 'quiz-' + question.id + '-' + choice.id + '-fb' : null"
                (change)="choose(question.id, choice.id, question.multiple, $any($event.target).checked)"
              />
              <label
                [for]="'quiz-' + question.id + '-' + choice.id"
                [attr.lang]="ct.lang"
                [attr.dir]="ct.dir"
                >{{ ct.text }}</label
              >
              @if (fb) {
                <p class="choice-feedback" [id]="'quiz-' + question.id + '-' + choice.id + '-fb'">
                  @if (fb.correct) {
                    <span class="tag tag-right"
                      ><span class="tag-icon" aria-hidden="true">✓</span>
                      {{ 'learning.quiz.rightChoice' | transloco }}</span
                    >
                  } @else {
                    <span class="tag tag-wrong"
                      ><span class="tag-icon" aria-hidden="true">✗</span>
                      {{ 'learning.quiz.wrongChoice' | transloco }}</span
                    >
                  }
                  @if (fb.feedback; as f) {
                    @let ft = text(f);
                    <span [attr.lang]="ft.lang" [attr.dir]="ft.dir">{{ ft.text }}</span>
                  }
                </p>
              }
            </div>
          }
          @if (missing().includes(question.id)) {
            <p class="field-error" [id]="'quiz-' + question.id + '-error'">
              {{ 'learning.quiz.answerThis' | transloco }}
            </p>
          }
          @if (verdict !== null) {
            <p class="verdict">
              <span aria-hidden="true">{{ verdict ? '✓' : '✗' }}</span>
              {{ (verdict ? 'learning.quiz.questionRight' : 'learning.quiz.questionWrong') | transloco }}
            </p>
          }
        </fieldset>
      }

      <div aria-live="polite" aria-atomic="true">
        @if (message(); as m) {
          <p class="alert alert-error">{{ m | uiMessage }}</p>
        }
        @if (result(); as r) {
          <div class="alert" [class.alert-success]="r.passed" [class.alert-error]="!r.passed">
            <p class="result-title">
              {{
                (r.passed ? 'learning.quiz.passed' : 'learning.quiz.failed')
                  | transloco: { score: pct(r.score) }
              }}
            </p>
            <p class="result-attempts">
              @if (r.attemptsLeft === null) {
                {{ 'learning.quiz.unlimited' | transloco }}
              } @else {
                {{ 'learning.quiz.attemptsLeft' | transloco: { count: r.attemptsLeft } }}
              }
            </p>
          </div>
        }
      </div>

      <div class="actions">
        @if (!result()) {
          @if (noAttemptsLeft()) {
            <p class="alert alert-error">{{ 'learning.quiz.noAttemptsLeft' | transloco }}</p>
          } @else {
            <button type="submit" class="btn btn-primary" [disabled]="busy() || !canLearn()">
              {{ (busy() ? 'common.working' : 'learning.quiz.submit') | transloco }}
            </button>
          }
        } @else if (result()!.attemptsLeft !== 0) {
          <button type="button" class="btn btn-secondary" (click)="retry()">
            {{ 'learning.quiz.retry' | transloco }}
          </button>
        }
      </div>
    </form>
  `,
  styles: `
    .quiz-rules {
      color: var(--c-muted);
    }
    .question.right {
      border-color: var(--c-success);
    }
    .question.wrong {
      border-color: var(--c-danger);
    }
    /* The legend inside the box (a floated legend is laid out like any child): number, then question. */
    legend {
      float: inline-start;
      inline-size: 100%;
      padding: 0;
      margin-block-end: 0.2rem;
      display: flex;
      flex-direction: column;
    }
    .q-number {
      font-size: 0.85rem;
      color: var(--c-muted);
      font-weight: 600;
    }
    .q-text {
      font-size: 1.05rem;
    }
    .choice {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.2rem 0.6rem;
      align-items: center;
    }
    .choice input {
      inline-size: 1.15rem;
      block-size: 1.15rem;
      margin: 0;
    }
    /* After an attempt: the learner's choices stand out by a side bar, a tint, an icon and words,
       not by colour alone (the disabled inputs themselves are drawn grey by the browser). */
    .choice.chosen {
      padding-block: 0.45rem;
      padding-inline: 0.6rem;
      border: 1px solid var(--c-border);
      border-inline-start-width: 5px;
      border-radius: 6px;
    }
    .choice.chosen label {
      font-weight: 600;
      color: var(--c-text);
    }
    .choice.is-right {
      border-color: var(--c-success);
      background: var(--c-success-bg);
    }
    .choice.is-wrong {
      border-color: var(--c-danger);
      background: var(--c-danger-bg);
    }
    .choice-feedback {
      grid-column: 2;
      margin: 0;
      font-size: 0.92rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    .tag {
      display: inline-flex;
      gap: 0.3rem;
      align-items: center;
      font-weight: 700;
      font-size: 0.85rem;
      padding: 0.1rem 0.55rem;
      border-radius: 999px;
      color: #fff;
    }
    .tag-icon {
      font-size: 0.95rem;
      line-height: 1;
    }
    .tag-right {
      background: var(--c-success);
    }
    .tag-wrong {
      background: #8a1a12;
    }
    .verdict {
      margin: 0;
      font-weight: 700;
    }
    .right .verdict {
      color: var(--c-success);
    }
    .wrong .verdict {
      color: var(--c-danger);
    }
    .result-title {
      font-weight: 700;
      margin-block-end: 0.3rem;
    }
    .result-attempts {
      margin: 0;
    }
  `,
})
export class QuizPlayerComponent {
  private readonly api = inject(LearningApi);
  private readonly host = inject(ElementRef<HTMLElement>);
  readonly lesson = input.required<LessonView>();
  readonly lang = input.required<Language>();
  readonly original = input.required<Language>();
  /** False for authors previewing a module they do not follow: answers are not sent. */
  readonly canLearn = input(true);
  readonly attempted = output<QuizAttemptResult>();

  protected readonly answers = signal<Record<string, string[]>>({});
  protected readonly missing = signal<string[]>([]);
  protected readonly result = signal<QuizAttemptResult | null>(null);
  protected readonly busy = signal(false);
  protected readonly message = signal<UiMessage | null>(null);
  private readonly used = signal<number | null>(null);
  private readonly best = signal<number | null>(null);

  protected readonly quiz = computed<Quiz>(
    () =>
      this.lesson().quiz ?? {
        passingScore: 100,
        attemptsAllowed: 0,
        attemptsUsed: 0,
        bestScore: null,
        questions: [],
      },
  );
  protected readonly attemptsUsed = computed(() => this.used() ?? this.quiz().attemptsUsed);
  protected readonly bestScore = computed(() => this.best() ?? this.quiz().bestScore);
  protected readonly noAttemptsLeft = computed(
    () => this.quiz().attemptsAllowed > 0 && this.attemptsUsed() >= this.quiz().attemptsAllowed,
  );

  protected text(t: LocalizedText | null | undefined) {
    return localized(t, this.lang(), this.original());
  }
  protected pct(value: number): string {
    return formatPercent(value, this.lang());
  }
  protected isChosen(questionId: string, choiceId: string): boolean {
    return this.answers()[questionId]?.includes(choiceId) ?? false;
  }
  protected verdictOf(questionId: string): boolean | null {
    return this.result()?.questions.find((q) => q.id === questionId)?.correct ?? null;
  }
  protected feedbackOf(questionId: string, choiceId: string) {
    return (
      this.result()
        ?.questions.find((q) => q.id === questionId)
        ?.feedback.find((f) => f.choiceId === choiceId) ?? null
    );
  }

  choose(questionId: string, choiceId: string, multiple: boolean, checked: boolean): void {
    this.answers.update((a) => chooseAnswer(a, questionId, choiceId, multiple, checked));
    if (this.missing().includes(questionId)) this.missing.update((m) => m.filter((id) => id !== questionId));
  }

  submit(event: Event): void {
    event.preventDefault();
    if (this.busy() || this.result() || !this.canLearn()) return;
    this.message.set(null);
    const missing = unansweredQuestions(
      this.quiz().questions.map((q) => q.id),
      this.answers(),
    );
    this.missing.set(missing);
    if (missing.length) {
      this.message.set({ key: 'learning.quiz.unanswered', params: { count: missing.length } });
      setTimeout(() =>
        (this.host.nativeElement as HTMLElement)
          .querySelector<HTMLInputElement>(`input[name="quiz-${missing[0]}"]`)
          ?.focus(),
      );
      return;
    }
    this.busy.set(true);
    this.api.attemptQuiz(this.lesson().id, { answers: this.answers() }).subscribe({
      next: (r) => {
        this.busy.set(false);
        this.result.set(r);
        this.used.set(r.attemptsUsed);
        this.best.set(Math.max(this.bestScore() ?? 0, r.score));
        this.attempted.emit(r);
      },
      error: (err) => {
        this.busy.set(false);
        if (err instanceof ApiError && err.status === 409) {
          this.used.set(this.quiz().attemptsAllowed);
          this.message.set({ key: 'learning.quiz.noAttemptsLeft' });
        } else this.message.set({ key: messageKeyForStatus(err instanceof ApiError ? err.status : 0) });
      },
    });
  }

  retry(): void {
    this.result.set(null);
    this.answers.set({});
    this.missing.set([]);
    this.message.set(null);
    setTimeout(() =>
      (this.host.nativeElement as HTMLElement).querySelector<HTMLInputElement>('input')?.focus(),
    );
  }
}
