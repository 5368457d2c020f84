import { QuizContent } from '@pratique/contracts';
import { QuizAnswerError, scoreQuiz } from './quiz-scoring';

const quiz: QuizContent = {
  passingScore: 60,
  attemptsAllowed: 3,
  questions: [
    { id: 'q1', text: { fr: 'Une' }, multiple: false, choices: [{ id: 'a', text: { fr: 'A' }, correct: true, feedback: { fr: 'Oui' } }, { id: 'b', text: { fr: 'B' }, correct: false }] },
    { id: 'q2', text: { fr: 'Plusieurs' }, multiple: true, choices: [{ id: 'a', text: { fr: 'A' }, correct: true }, { id: 'b', text: { fr: 'B' }, correct: true }, { id: 'c', text: { fr: 'C' }, correct: false }] },
    { id: 'q3', text: { fr: 'Trois' }, multiple: false, choices: [{ id: 'x', text: { fr: 'X' }, correct: false }, { id: 'y', text: { fr: 'Y' }, correct: true }] },
  ],
};

describe('scoreQuiz', () => {
  it('gives 100 and passes when every answer set matches', () => {
    expect(scoreQuiz(quiz, { q1: ['a'], q2: ['a', 'b'], q3: ['y'] })).toMatchObject({ score: 100, passed: true });
  });

  it('counts a multiple-choice question right only for the exact set', () => {
    const r = scoreQuiz(quiz, { q1: ['a'], q2: ['a'], q3: ['y'] });
    expect(r.questions.map((q) => q.correct)).toEqual([true, false, true]);
    expect(r.score).toBe(66.67);
    expect(r.passed).toBe(true);
  });

  it('fails under the passing score and treats missing answers as wrong', () => {
    expect(scoreQuiz(quiz, { q1: ['a'] })).toMatchObject({ score: 33.33, passed: false });
  });

  it('returns feedback for the chosen choices only', () => {
    const r = scoreQuiz(quiz, { q1: ['a'], q2: [], q3: ['x'] });
    expect(r.questions[0].feedback).toEqual([{ choiceId: 'a', correct: true, feedback: { fr: 'Oui' } }]);
    expect(r.questions[2].feedback).toEqual([{ choiceId: 'x', correct: false, feedback: null }]);
  });

  it.each([
    [{ q9: ['a'] }, 'answers.q9'],
    [{ q1: 'a' }, 'answers.q1'],
    [{ q1: ['z'] }, 'answers.q1'],
    [{ q1: ['a', 'b'] }, 'answers.q1'],
    [{ q1: [1] }, 'answers.q1'],
  ])('rejects malformed answers %j naming %s', (answers, field) => {
    expect(() => scoreQuiz(quiz, answers as Record<string, unknown>)).toThrow(QuizAnswerError);
    try {
      scoreQuiz(quiz, answers as Record<string, unknown>);
    } catch (e) {
      expect((e as QuizAnswerError).field).toBe(field);
    }
  });
});
