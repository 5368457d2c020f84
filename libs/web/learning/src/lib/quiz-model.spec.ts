import {
  QuizDraft,
  chooseAnswer,
  newQuestion,
  quizDraftErrors,
  quizFieldOf,
  toQuizContent,
  toQuizDraft,
  unansweredQuestions,
} from './quiz-model';

let n = 0;
const id = () => `id${++n}`;

function draft(): QuizDraft {
  const q = newQuestion(id);
  q.text.fr = 'Qui vote le budget ?';
  q.choices[0].text.fr = 'L’assemblée générale';
  q.choices[0].feedback.ar = 'نعم';
  q.choices[1].text.fr = 'Le trésorier';
  return { passingScore: 70, attemptsAllowed: 0, questions: [q] };
}

describe('quiz builder rules', () => {
  it('accepts a complete quiz and sends only filled languages', () => {
    const d = draft();
    expect(quizDraftErrors(d, 'fr')).toEqual({});
    const content = toQuizContent(d);
    expect(content.questions[0].text).toEqual({ fr: 'Qui vote le budget ?' });
    expect(content.questions[0].choices[0]).toEqual({
      id: d.questions[0].choices[0].id,
      text: { fr: 'L’assemblée générale' },
      correct: true,
      feedback: { ar: 'نعم' },
    });
    expect(content.questions[0].choices[1].feedback).toBeUndefined();
  });

  it('requires the texts in the original language', () => {
    const d = draft();
    expect(quizDraftErrors(d, 'ar')).toMatchObject({
      'q0-text': 'errors.required',
      'q0-c0-text': 'errors.required',
    });
  });

  it('checks the right answers, the score and the attempts', () => {
    const d = draft();
    d.questions[0].choices[0].correct = false;
    d.passingScore = 0;
    d.attemptsAllowed = -1;
    expect(quizDraftErrors(d, 'fr')).toEqual({
      passingScore: 'learning.quizBuilder.errors.passingScore',
      attemptsAllowed: 'learning.quizBuilder.errors.attempts',
      'q0-correct': 'learning.quizBuilder.errors.noCorrect',
    });
    d.questions[0].choices.forEach((c) => (c.correct = true));
    expect(quizDraftErrors(d, 'fr')['q0-correct']).toBe('learning.quizBuilder.errors.oneCorrect');
    d.questions[0].multiple = true;
    expect(quizDraftErrors(d, 'fr')['q0-correct']).toBeUndefined();
    expect(quizDraftErrors({ ...d, questions: [] }, 'fr')['questions']).toBe(
      'learning.quizBuilder.errors.noQuestion',
    );
  });

  it('maps the API fields to the builder inputs', () => {
    expect(quizFieldOf('content.questions.1.choices.0.text.fr')).toBe('q1-c0-text');
    expect(quizFieldOf('content.questions.2.text')).toBe('q2-text');
    expect(quizFieldOf('content.questions.0.choices')).toBe('q0-correct');
    expect(quizFieldOf('content.passingScore')).toBe('passingScore');
    expect(quizFieldOf('title.fr')).toBeNull();
  });

  it('answers with radios and checkboxes, and finds unanswered questions', () => {
    let a = chooseAnswer({}, 'q1', 'a', false, true);
    a = chooseAnswer(a, 'q1', 'b', false, true);
    expect(a['q1']).toEqual(['b']);
    a = chooseAnswer(a, 'q2', 'a', true, true);
    a = chooseAnswer(a, 'q2', 'c', true, true);
    a = chooseAnswer(a, 'q2', 'a', true, false);
    expect(a['q2']).toEqual(['c']);
    expect(unansweredQuestions(['q1', 'q2', 'q3'], a)).toEqual(['q3']);
  });

  it('turns a saved quiz back into the builder model, and out again unchanged', () => {
    const saved = toQuizContent(draft());
    const back = toQuizDraft(saved);
    expect(back.questions[0].text).toEqual({ fr: 'Qui vote le budget ?', ar: '', en: '' });
    expect(back.questions[0].choices[0].feedback).toEqual({ fr: '', ar: 'نعم', en: '' });
    expect(back.questions[0].choices.map((c) => c.correct)).toEqual([true, false]);
    expect(quizDraftErrors(back, 'fr')).toEqual({});
    expect(toQuizContent(back)).toEqual(saved);
    // The passing score edited, the ids kept (past attempts refer to them).
    const edited = toQuizContent({ ...back, passingScore: 80 });
    expect(edited.passingScore).toBe(80);
    expect(edited.questions[0].id).toBe(saved.questions[0].id);
    expect(edited.questions[0].choices.map((c) => c.id)).toEqual(saved.questions[0].choices.map((c) => c.id));
  });
});
