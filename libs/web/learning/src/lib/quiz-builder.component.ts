import { ChangeDetectionStrategy, Component, input, model } from '@angular/core';
import { TranslocoPipe } from '@jsverse/transloco';
import { Language } from '@pratique/contracts';
import { LANGUAGE_ENDONYMS, UiMessage, UiMessagePipe } from '@pratique/web/core';
import { dirOf } from './learning-format';
import { FIELD_STYLES } from './learning-styles';
import {
  ChoiceDraft,
  QUIZ_MAX_CHOICES,
  QUIZ_MAX_QUESTIONS,
  QuestionDraft,
  QuizDraft,
  newChoice,
  newQuestion,
} from './quiz-model';

/** Ids for questions and choices, made here (the API keeps them): a v4 UUID. */
export function newId(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The quiz builder: questions, their choices, which are right, feedback per choice, the passing
 * score and the number of attempts. Texts are edited in one language at a time (`editLang`);
 * the model keeps all three.
 */
@Component({
  selector: 'pq-quiz-builder',
  imports: [TranslocoPipe, UiMessagePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = draft();
    @let L = editLang();
    <div class="row">
      <div class="field">
        <label [for]="id('passingScore')">{{ 'learning.quizBuilder.passingScore' | transloco }}</label>
        <input
          type="number"
          min="1"
          max="100"
          inputmode="numeric"
          [id]="id('passingScore')"
          [value]="d.passingScore"
          [attr.aria-invalid]="invalid('passingScore')"
          [attr.aria-describedby]="describedBy('passingScore')"
          (input)="setNumber('passingScore', $any($event.target).value)"
        />
        @if (errors()['passingScore']; as e) {
          <p class="field-error" [id]="id('passingScore') + '-error'">{{ e | uiMessage }}</p>
        }
      </div>
      <div class="field">
        <label [for]="id('attemptsAllowed')">{{ 'learning.quizBuilder.attempts' | transloco }}</label>
        <input
          type="number"
          min="0"
          max="100"
          inputmode="numeric"
          [id]="id('attemptsAllowed')"
          [value]="d.attemptsAllowed"
          [attr.aria-invalid]="invalid('attemptsAllowed')"
          [attr.aria-describedby]="describedBy('attemptsAllowed', id('attemptsAllowed') + '-hint')"
          (input)="setNumber('attemptsAllowed', $any($event.target).value)"
        />
        <p class="hint" [id]="id('attemptsAllowed') + '-hint'">
          {{ 'learning.quizBuilder.attemptsHint' | transloco }}
        </p>
        @if (errors()['attemptsAllowed']; as e) {
          <p class="field-error" [id]="id('attemptsAllowed') + '-error'">{{ e | uiMessage }}</p>
        }
      </div>
    </div>

    @for (q of d.questions; track q.id; let i = $index) {
      <fieldset class="fieldset question">
        <legend>{{ 'learning.quizBuilder.question' | transloco: { n: i + 1 } }}</legend>
        <div class="field">
          <label [for]="id('q' + i + '-text')"
            >{{ 'learning.quizBuilder.questionText' | transloco }} ({{ names[L] }})</label
          >
          <input
            type="text"
            [id]="id('q' + i + '-text')"
            [value]="q.text[L]"
            [attr.lang]="L"
            [attr.dir]="dir(L)"
            [attr.aria-invalid]="invalid('q' + i + '-text')"
            [attr.aria-describedby]="describedBy('q' + i + '-text')"
            (input)="setQuestionText(i, $any($event.target).value)"
          />
          @if (errors()['q' + i + '-text']; as e) {
            <p class="field-error" [id]="id('q' + i + '-text') + '-error'">{{ e | uiMessage }}</p>
          }
        </div>
        <div class="check">
          <input
            type="checkbox"
            [id]="id('q' + i + '-multiple')"
            [checked]="q.multiple"
            (change)="setMultiple(i, $any($event.target).checked)"
          />
          <label [for]="id('q' + i + '-multiple')">{{ 'learning.quizBuilder.multiple' | transloco }}</label>
        </div>

        <ol class="choices">
          @for (c of q.choices; track c.id; let j = $index) {
            <li class="choice">
              <div class="field field-grow">
                <label [for]="id('q' + i + '-c' + j + '-text')"
                  >{{ 'learning.quizBuilder.choice' | transloco: { n: j + 1 } }} ({{ names[L] }})</label
                >
                <input
                  type="text"
                  [id]="id('q' + i + '-c' + j + '-text')"
                  [value]="c.text[L]"
                  [attr.lang]="L"
                  [attr.dir]="dir(L)"
                  [attr.aria-invalid]="invalid('q' + i + '-c' + j + '-text')"
                  [attr.aria-describedby]="describedBy('q' + i + '-c' + j + '-text')"
                  (input)="setChoice(i, j, 'text', $any($event.target).value)"
                />
                @if (errors()['q' + i + '-c' + j + '-text']; as e) {
                  <p class="field-error" [id]="id('q' + i + '-c' + j + '-text') + '-error'">
                    {{ e | uiMessage }}
                  </p>
                }
              </div>
              <div class="field field-grow">
                <label [for]="id('q' + i + '-c' + j + '-feedback')"
                  >{{ 'learning.quizBuilder.feedback' | transloco }} ({{ names[L] }})</label
                >
                <input
                  type="text"
                  [id]="id('q' + i + '-c' + j + '-feedback')"
                  [value]="c.feedback[L]"
                  [attr.lang]="L"
                  [attr.dir]="dir(L)"
                  (input)="setChoice(i, j, 'feedback', $any($event.target).value)"
                />
              </div>
              <div class="choice-tools">
                <span class="check">
                  <input
                    type="checkbox"
                    [id]="id('q' + i + '-c' + j + '-correct')"
                    [checked]="c.correct"
                    [attr.aria-invalid]="invalid('q' + i + '-correct')"
                    [attr.aria-describedby]="describedBy('q' + i + '-correct')"
                    (change)="setCorrect(i, j, $any($event.target).checked)"
                  />
                  <label [for]="id('q' + i + '-c' + j + '-correct')"
                    >{{ 'learning.quizBuilder.correct' | transloco
                    }}<span class="sr-only">
                      — {{ 'learning.quizBuilder.choice' | transloco: { n: j + 1 } }}</span
                    ></label
                  >
                </span>
                <button
                  type="button"
                  class="btn btn-small btn-ghost-dark"
                  [disabled]="q.choices.length <= 2"
                  (click)="removeChoice(i, j)"
                >
                  {{ 'learning.quizBuilder.removeChoice' | transloco
                  }}<span class="sr-only">
                    — {{ 'learning.quizBuilder.choice' | transloco: { n: j + 1 } }}</span
                  >
                </button>
              </div>
            </li>
          }
        </ol>
        @if (errors()['q' + i + '-correct']; as e) {
          <p class="field-error" [id]="id('q' + i + '-correct') + '-error'">{{ e | uiMessage }}</p>
        }
        <div class="actions">
          <button
            type="button"
            class="btn btn-small btn-secondary"
            [disabled]="q.choices.length >= maxChoices"
            (click)="addChoice(i)"
          >
            {{ 'learning.quizBuilder.addChoice' | transloco
            }}<span class="sr-only"> — {{ 'learning.quizBuilder.question' | transloco: { n: i + 1 } }}</span>
          </button>
          <button type="button" class="btn btn-small btn-danger" (click)="removeQuestion(i)">
            {{ 'learning.quizBuilder.removeQuestion' | transloco: { n: i + 1 } }}
          </button>
        </div>
      </fieldset>
    }
    @if (errors()['questions']; as e) {
      <p class="field-error" [id]="id('questions') + '-error'">{{ e | uiMessage }}</p>
    }
    <div>
      <button
        type="button"
        class="btn btn-secondary"
        [id]="id('questions')"
        [attr.aria-describedby]="errors()['questions'] ? id('questions') + '-error' : null"
        [disabled]="d.questions.length >= maxQuestions"
        (click)="addQuestion()"
      >
        {{ 'learning.quizBuilder.addQuestion' | transloco }}
      </button>
    </div>
  `,
  styles: [
    FIELD_STYLES,
    `
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.9rem;
      }
      .question {
        background: #fafbfc;
      }
      .choices {
        margin: 0;
        padding-inline-start: 1.4rem;
        display: flex;
        flex-direction: column;
        gap: 0.7rem;
      }
      .choice {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 0.9rem;
        align-items: flex-end;
        padding-block-end: 0.7rem;
        border-block-end: 1px dashed var(--c-border);
      }
      .choice-tools {
        display: flex;
        gap: 0.6rem;
        align-items: center;
        padding-block-end: 0.3rem;
      }
      .check {
        display: inline-flex;
        gap: 0.4rem;
        align-items: center;
      }
      .check input {
        inline-size: 1.1rem;
        block-size: 1.1rem;
      }
    `,
  ],
})
export class QuizBuilderComponent {
  readonly draft = model.required<QuizDraft>();
  /** The language whose texts are being edited. */
  readonly editLang = input.required<Language>();
  /** Field key (see `quizDraftErrors`) → message. */
  readonly errors = input<Record<string, UiMessage>>({});
  readonly idPrefix = input('quiz');

  protected readonly names = LANGUAGE_ENDONYMS;
  protected readonly maxChoices = QUIZ_MAX_CHOICES;
  protected readonly maxQuestions = QUIZ_MAX_QUESTIONS;

  protected id(field: string): string {
    return `${this.idPrefix()}-${field}`;
  }
  protected invalid(field: string): 'true' | null {
    return this.errors()[field] ? 'true' : null;
  }
  protected describedBy(field: string, ...hints: string[]): string | null {
    const ids = [...hints, ...(this.errors()[field] ? [`${this.id(field)}-error`] : [])];
    return ids.length ? ids.join(' ') : null;
  }
  protected dir(lang: Language): 'rtl' | 'ltr' {
    return dirOf(lang);
  }

  setNumber(field: 'passingScore' | 'attemptsAllowed', raw: string): void {
    const value = raw.trim() === '' ? NaN : Number(raw);
    this.draft.update((d) => ({ ...d, [field]: value }));
  }

  private updateQuestion(i: number, fn: (q: QuestionDraft) => QuestionDraft): void {
    this.draft.update((d) => ({ ...d, questions: d.questions.map((q, k) => (k === i ? fn(q) : q)) }));
  }
  private updateChoice(i: number, j: number, fn: (c: ChoiceDraft) => ChoiceDraft): void {
    this.updateQuestion(i, (q) => ({ ...q, choices: q.choices.map((c, k) => (k === j ? fn(c) : c)) }));
  }

  setQuestionText(i: number, value: string): void {
    const lang = this.editLang();
    this.updateQuestion(i, (q) => ({ ...q, text: { ...q.text, [lang]: value } }));
  }
  setMultiple(i: number, multiple: boolean): void {
    this.updateQuestion(i, (q) => {
      // Back to one right answer: keep only the first one checked.
      if (multiple) return { ...q, multiple };
      let kept = false;
      return {
        ...q,
        multiple,
        choices: q.choices.map((c) => {
          const correct = c.correct && !kept;
          if (correct) kept = true;
          return { ...c, correct };
        }),
      };
    });
  }
  setChoice(i: number, j: number, field: 'text' | 'feedback', value: string): void {
    const lang = this.editLang();
    this.updateChoice(i, j, (c) => ({ ...c, [field]: { ...c[field], [lang]: value } }));
  }
  setCorrect(i: number, j: number, correct: boolean): void {
    this.updateQuestion(i, (q) => ({
      ...q,
      // One right answer: checking a choice unchecks the others.
      choices: q.choices.map((c, k) =>
        k === j ? { ...c, correct } : q.multiple || !correct ? c : { ...c, correct: false },
      ),
    }));
  }
  addChoice(i: number): void {
    this.updateQuestion(i, (q) => ({ ...q, choices: [...q.choices, newChoice(newId())] }));
  }
  removeChoice(i: number, j: number): void {
    this.updateQuestion(i, (q) => ({ ...q, choices: q.choices.filter((_, k) => k !== j) }));
  }
  addQuestion(): void {
    this.draft.update((d) => ({ ...d, questions: [...d.questions, newQuestion(newId)] }));
  }
  removeQuestion(i: number): void {
    this.draft.update((d) => ({ ...d, questions: d.questions.filter((_, k) => k !== i) }));
  }
}
