/**
 * The quiz builder's model and its rules (pure, unit-tested): what an author fills in, what is
 * sent as `QuizContent`, and what is missing before sending. Texts are kept per language; the
 * module's original language is the one that must be filled.
 */
import { Language, LocalizedText, QuizContent } from '@pratique/contracts';
import { compactLocalized } from './learning-format';

export type PerLanguage = Record<Language, string>;

export interface ChoiceDraft {
  id: string;
  text: PerLanguage;
  feedback: PerLanguage;
  correct: boolean;
}
export interface QuestionDraft {
  id: string;
  text: PerLanguage;
  multiple: boolean;
  choices: ChoiceDraft[];
}
export interface QuizDraft {
  passingScore: number;
  attemptsAllowed: number;
  questions: QuestionDraft[];
}

export const QUIZ_MIN_CHOICES = 2;
export const QUIZ_MAX_CHOICES = 8;
export const QUIZ_MAX_QUESTIONS = 50;

export function emptyPerLanguage(): PerLanguage {
  return { fr: '', ar: '', en: '' };
}

export function newChoice(id: string, correct = false): ChoiceDraft {
  return { id, text: emptyPerLanguage(), feedback: emptyPerLanguage(), correct };
}

export function newQuestion(newId: () => string): QuestionDraft {
  return {
    id: newId(),
    text: emptyPerLanguage(),
    multiple: false,
    choices: [newChoice(newId(), true), newChoice(newId())],
  };
}

/** A language-keyed text as the builder keeps it: the three languages, empty when missing. */
export function toPerLanguage(text: LocalizedText | null | undefined): PerLanguage {
  return { fr: text?.fr ?? '', ar: text?.ar ?? '', en: text?.en ?? '' };
}

/** A saved quiz back into the builder's model (editing a lesson): ids, texts, right answers kept. */
export function toQuizDraft(content: QuizContent): QuizDraft {
  return {
    passingScore: content.passingScore,
    attemptsAllowed: content.attemptsAllowed,
    questions: (content.questions ?? []).map((q) => ({
      id: q.id,
      text: toPerLanguage(q.text),
      multiple: q.multiple,
      choices: (q.choices ?? []).map((c) => ({
        id: c.id,
        text: toPerLanguage(c.text),
        feedback: toPerLanguage(c.feedback),
        correct: c.correct,
      })),
    })),
  };
}

export function toQuizContent(draft: QuizDraft): QuizContent {
  return {
    passingScore: draft.passingScore,
    attemptsAllowed: draft.attemptsAllowed,
    questions: draft.questions.map((q) => ({
      id: q.id,
      text: compactLocalized(q.text),
      multiple: q.multiple,
      choices: q.choices.map((c) => {
        const feedback = compactLocalized(c.feedback);
        return {
          id: c.id,
          text: compactLocalized(c.text),
          correct: c.correct,
          ...(Object.keys(feedback).length ? { feedback } : {}),
        };
      }),
    })),
  };
}

/**
 * What is missing or wrong, as field key → translation key. Field keys are those of the
 * builder's inputs: `passingScore`, `attemptsAllowed`, `questions`, `q<i>-text`,
 * `q<i>-correct` (the question's set of right answers), `q<i>-c<j>-text`.
 */
export function quizDraftErrors(draft: QuizDraft, original: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!Number.isInteger(draft.passingScore) || draft.passingScore < 1 || draft.passingScore > 100)
    errors['passingScore'] = 'learning.quizBuilder.errors.passingScore';
  if (!Number.isInteger(draft.attemptsAllowed) || draft.attemptsAllowed < 0 || draft.attemptsAllowed > 100)
    errors['attemptsAllowed'] = 'learning.quizBuilder.errors.attempts';
  if (draft.questions.length === 0) errors['questions'] = 'learning.quizBuilder.errors.noQuestion';
  draft.questions.forEach((q, i) => {
    if (!q.text[original].trim()) errors[`q${i}-text`] = 'errors.required';
    q.choices.forEach((c, j) => {
      if (!c.text[original].trim()) errors[`q${i}-c${j}-text`] = 'errors.required';
    });
    const correct = q.choices.filter((c) => c.correct).length;
    if (q.choices.length < QUIZ_MIN_CHOICES)
      errors[`q${i}-correct`] = 'learning.quizBuilder.errors.fewChoices';
    else if (correct === 0) errors[`q${i}-correct`] = 'learning.quizBuilder.errors.noCorrect';
    else if (!q.multiple && correct > 1) errors[`q${i}-correct`] = 'learning.quizBuilder.errors.oneCorrect';
  });
  return errors;
}

/**
 * An API field (`content.questions.1.choices.0.text.fr`, `content.passingScore`) → the
 * builder's field key, so the server's reasons land under the right input.
 */
export function quizFieldOf(apiField: string): string | null {
  const f = apiField.replace(/^content\./, '');
  if (f === 'passingScore' || f === 'attemptsAllowed' || f === 'questions') return f;
  const choice = /^questions\.(\d+)\.choices\.(\d+)\.(text|feedback)/.exec(f);
  if (choice) return choice[3] === 'text' ? `q${choice[1]}-c${choice[2]}-text` : `q${choice[1]}-correct`;
  const question = /^questions\.(\d+)\.(text|choices|multiple)/.exec(f);
  if (question) return question[2] === 'text' ? `q${question[1]}-text` : `q${question[1]}-correct`;
  return null;
}

/** Ids of the questions left without an answer. */
export function unansweredQuestions(questionIds: string[], answers: Record<string, string[]>): string[] {
  return questionIds.filter((id) => !(answers[id]?.length > 0));
}

/** Toggles a choice in the answers: radio (single) replaces, checkbox (multiple) adds/removes. */
export function chooseAnswer(
  answers: Record<string, string[]>,
  questionId: string,
  choiceId: string,
  multiple: boolean,
  checked: boolean,
): Record<string, string[]> {
  const current = answers[questionId] ?? [];
  let next: string[];
  if (!multiple) next = checked ? [choiceId] : current.filter((c) => c !== choiceId);
  else next = checked ? [...new Set([...current, choiceId])] : current.filter((c) => c !== choiceId);
  return { ...answers, [questionId]: next };
}
