/** Fixture factories for modules and lessons (straight SQL, unique per call). */
import { LessonKind, ModuleStatus, QuizContent } from '@pratique/contracts';
import { DataSource } from 'typeorm';

export interface LessonSpec {
  kind?: LessonKind;
  required?: boolean;
  content?: unknown;
  title?: string;
}

export const sampleQuiz = (over: Partial<QuizContent> = {}): QuizContent => ({
  passingScore: 50,
  attemptsAllowed: 2,
  questions: [
    {
      id: 'q1',
      text: { fr: 'Quel organe vote le budget d’une association ?' },
      multiple: false,
      choices: [
        { id: 'a', text: { fr: "L'assemblée générale" }, correct: true, feedback: { fr: 'Oui : elle approuve les comptes.' } },
        { id: 'b', text: { fr: 'Le trésorier seul' }, correct: false, feedback: { fr: 'Non : il prépare, il ne vote pas seul.' } },
      ],
    },
    {
      id: 'q2',
      text: { fr: 'Quels documents publier chaque année ?' },
      multiple: true,
      choices: [
        { id: 'a', text: { fr: 'Le rapport moral' }, correct: true },
        { id: 'b', text: { fr: 'Les comptes' }, correct: true },
        { id: 'c', text: { fr: 'Les mots de passe' }, correct: false },
      ],
    },
  ],
  ...over,
});

function defaultContent(kind: LessonKind): unknown {
  switch (kind) {
    case LessonKind.Quiz:
      return sampleQuiz();
    case LessonKind.Video:
      return { embedUrl: 'https://www.youtube-nocookie.com/embed/abc123', fileId: null };
    default:
      return { markdown: { fr: '# Leçon\n\nUn paragraphe.' } };
  }
}

export async function makeModule(
  db: DataSource,
  spaceId: string,
  options: { status?: ModuleStatus; lessons?: LessonSpec[]; title?: string } = {},
): Promise<{ id: string; lessonIds: string[] }> {
  const status = options.status ?? ModuleStatus.Published;
  const [m] = await db.query(
    `INSERT INTO module (space_id, title, summary, original_language, status, published_at)
     VALUES ($1, $2, '{}', 'fr', $3::varchar, CASE WHEN $3::varchar = 'draft' THEN NULL ELSE now() END) RETURNING id`,
    [spaceId, JSON.stringify({ fr: options.title ?? 'Module de test' }), status],
  );
  const lessonIds: string[] = [];
  for (const [i, spec] of (options.lessons ?? [{}]).entries()) {
    const kind = spec.kind ?? LessonKind.Page;
    const [l] = await db.query(
      `INSERT INTO lesson (module_id, position, kind, title, required, content) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [m.id, i + 1, kind, JSON.stringify({ fr: spec.title ?? `Leçon ${i + 1}` }), spec.required ?? true, JSON.stringify(spec.content ?? defaultContent(kind))],
    );
    lessonIds.push(l.id);
  }
  return { id: m.id, lessonIds };
}
