import { QuizAttemptResult, QuizContent } from '@pratique/contracts';

export interface ScoredAttempt {
  score: number;
  passed: boolean;
  questions: QuizAttemptResult['questions'];
}

export class QuizAnswerError extends Error {
  constructor(readonly field: string, readonly reason: string) {
    super(`${field} ${reason}`);
  }
}

/**
 * Scores answers on the server: a question is right when the chosen set equals the set of
 * correct choices. score = right questions / questions × 100, two decimals.
 */
export function scoreQuiz(quiz: QuizContent, answers: Record<string, unknown>): ScoredAttempt {
  const known = new Set(quiz.questions.map((q) => q.id));
  for (const key of Object.keys(answers)) if (!known.has(key)) throw new QuizAnswerError(`answers.${key}`, 'is not a question of this quiz');
  let right = 0;
  const questions = quiz.questions.map((q) => {
    const given = answers[q.id] ?? [];
    if (!Array.isArray(given) || given.some((c) => typeof c !== 'string'))
      throw new QuizAnswerError(`answers.${q.id}`, 'must be a list of choice ids');
    const chosen = new Set(given as string[]);
    const ids = new Set(q.choices.map((c) => c.id));
    for (const c of chosen) if (!ids.has(c)) throw new QuizAnswerError(`answers.${q.id}`, `has an unknown choice: ${c.slice(0, 64)}`);
    if (!q.multiple && chosen.size > 1) throw new QuizAnswerError(`answers.${q.id}`, 'takes a single choice');
    const correct = q.choices.length > 0 && q.choices.every((c) => c.correct === chosen.has(c.id));
    if (correct) right++;
    return {
      id: q.id,
      correct,
      feedback: q.choices
        .filter((c) => chosen.has(c.id))
        .map((c) => ({ choiceId: c.id, correct: c.correct, feedback: c.feedback && Object.keys(c.feedback).length ? c.feedback : null })),
    };
  });
  const score = Math.round((10_000 * right) / quiz.questions.length) / 100;
  return { score, passed: score >= quiz.passingScore, questions };
}
