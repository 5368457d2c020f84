/**
 * The community part of the demo seed, run by `seedDemoData` inside its transaction: resources
 * suggested to the toolboxes of animatrice@'s two spaces (published, one of them reported, and
 * some waiting for her decision) and questions and discussions in them (answered or not), so the
 * animator's home has work to show. Bodies are rendered with the API's own markdown renderer.
 *
 * Idempotent without overwriting what people do afterwards: a resource is keyed on (space,
 * title) and a thread on (space, title); each is written with its report or replies only when
 * missing, so a report dismissed or a resource published by the animator stays so. Seeded
 * content is history: no outbox event, no feed item.
 */
import type { EntityManager } from 'typeorm';
import { renderMarkdown } from '../../libs/api/platform/src/text/markdown';

export interface DemoResource {
  space: string;
  author: string;
  kind: 'link';
  title: string;
  description: string;
  tags: string[];
  language: 'fr' | 'ar' | 'en';
  url: string;
  status: 'pending' | 'published';
  daysAgo: number;
  /** An open report by another member (published resources). */
  report?: { by: string; reason: string; daysAgo: number };
}

export interface DemoThread {
  space: string;
  author: string;
  kind: 'question' | 'discussion';
  title: string;
  body: string;
  daysAgo: number;
  replies: Array<{ author: string; body: string; daysAgo: number; accepted?: boolean }>;
}

const ANIMATRICE = 'animatrice@pratique.tn';

export const DEMO_RESOURCES: DemoResource[] = [
  {
    space: 'gouvernance-locale',
    author: 'mohamed.gharbi@demo.pratique.tn',
    kind: 'link',
    title: 'Instance d’accès à l’information : demandes et recours',
    description:
      'Le site de l’Instance d’accès à l’information (INAI) : comment déposer une demande d’accès auprès d’une commune, et que faire quand elle reste sans réponse.',
    tags: ['accès à l’information', 'commune'],
    language: 'fr',
    url: 'https://www.inai.tn/',
    status: 'published',
    daysAgo: 30,
    report: {
      by: 'mehdi.jebali@demo.pratique.tn',
      reason:
        'La page des formulaires de recours ne s’ouvre plus depuis ce lien : faudrait-il le remplacer ?',
      daysAgo: 2,
    },
  },
  {
    space: 'gouvernance-locale',
    author: 'hela.baccouche@demo.pratique.tn',
    kind: 'link',
    title: 'Grille d’observation d’une séance du conseil municipal (modèle partagé)',
    description:
      'La grille que notre association utilise pour observer les séances : ordre du jour, présences, votes, prises de parole du public. À copier et adapter.',
    tags: ['observation', 'conseil municipal', 'modèle'],
    language: 'fr',
    url: 'https://www.example.org/grille-observation-seance-municipale',
    status: 'pending',
    daysAgo: 3,
  },
  {
    space: 'gouvernance-locale',
    author: 'membre@pratique.tn',
    kind: 'link',
    title: 'Fiche pratique : publier le rapport moral et financier',
    description:
      'Une fiche de deux pages sur ce qu’une association doit publier chaque année, et où : journal officiel, site web, affichage au local.',
    tags: ['transparence', 'rapport annuel'],
    language: 'fr',
    url: 'https://www.example.org/fiche-publier-rapport-moral-financier',
    status: 'pending',
    daysAgo: 1,
  },
  {
    space: 'gestion-de-projet',
    author: 'zied.benyoussef@demo.pratique.tn',
    kind: 'link',
    title: 'Exemple commenté de cadre logique (projet d’insertion des jeunes)',
    description:
      'Le cadre logique de notre projet d’insertion, avec les remarques du bailleur en marge : utile pour voir la différence entre résultats et activités.',
    tags: ['cadre logique', 'indicateurs'],
    language: 'fr',
    url: 'https://www.example.org/exemple-cadre-logique-commente',
    status: 'pending',
    daysAgo: 5,
  },
  {
    space: 'gestion-de-projet',
    author: ANIMATRICE,
    kind: 'link',
    title: 'Boîte à outils suivi-évaluation pour petites associations',
    description:
      'Modèles de tableaux de suivi des indicateurs et de rapport narratif, choisis pour des associations sans chargé de suivi-évaluation.',
    tags: ['suivi-évaluation', 'modèles'],
    language: 'fr',
    url: 'https://www.example.org/boite-a-outils-suivi-evaluation',
    status: 'published',
    daysAgo: 20,
  },
];

export const DEMO_THREADS: DemoThread[] = [
  {
    space: 'gouvernance-locale',
    author: 'membre@pratique.tn',
    kind: 'question',
    title: 'Peut-on filmer une séance du conseil municipal ?',
    body: 'Nous préparons l’observation de la prochaine séance de notre commune. Les séances sont publiques, mais **a-t-on le droit de les filmer** ou faut-il une autorisation du président du conseil ? Quelqu’un a-t-il déjà essayé ?',
    daysAgo: 3,
    replies: [],
  },
  {
    space: 'gestion-de-projet',
    author: 'skander.ouertani@demo.pratique.tn',
    kind: 'question',
    title: 'Résultat ou objectif spécifique : comment les distinguer ?',
    body: 'Dans le module sur le cycle de projet, je mélange encore les résultats et l’objectif spécifique. Pour un projet de formation de jeunes, « 30 jeunes formés » est-il un résultat ou un objectif ?',
    daysAgo: 6,
    replies: [],
  },
  {
    space: 'gouvernance-locale',
    author: 'mehdi.jebali@demo.pratique.tn',
    kind: 'question',
    title: 'Combien de temps garder les pièces comptables ?',
    body: 'Notre trésorier veut faire de la place au local : combien d’années devons-nous conserver les factures et les relevés ?',
    daysAgo: 12,
    replies: [
      {
        author: ANIMATRICE,
        body: 'Dix ans pour les pièces comptables, comme pour toute comptabilité. Numérisez-les si la place manque, mais gardez les originaux des financements publics jusqu’au contrôle du bailleur.',
        daysAgo: 11,
        accepted: true,
      },
    ],
  },
  {
    space: 'gestion-de-projet',
    author: 'rania.ferchichi@demo.pratique.tn',
    kind: 'discussion',
    title: 'Retour d’expérience : notre premier rapport au bailleur',
    body: 'Nous venons de rendre notre premier rapport narratif et financier. Ce qui nous a aidés : un tableau de suivi des indicateurs tenu **chaque mois**, pas seulement à la fin. Et vous ?',
    daysAgo: 9,
    replies: [
      {
        author: 'anis.khelifi@demo.pratique.tn',
        body: 'Pareil chez nous : les photos datées des activités nous ont aussi évité bien des questions.',
        daysAgo: 8,
      },
    ],
  },
];

export interface CommunitySeedSummary {
  resources: number;
  newResources: number;
  threads: number;
  newThreads: number;
}

export async function seedDemoCommunity(
  db: EntityManager,
  ids: { spaceIds: Map<string, string>; userIds: Map<string, string> },
): Promise<CommunitySeedSummary> {
  const space = (slug: string) => need(ids.spaceIds.get(slug), `space ${slug}`);
  const user = (email: string) => need(ids.userIds.get(email), `user ${email}`);
  let newResources = 0;
  let newThreads = 0;

  for (const r of DEMO_RESOURCES) {
    const [found] = await db.query(`SELECT id FROM resource WHERE space_id = $1 AND title = $2 LIMIT 1`, [
      space(r.space),
      r.title,
    ]);
    if (found) continue;
    const [row] = await db.query(
      `INSERT INTO resource (space_id, author_id, kind, title, description, tags, language, url, status,
                             published_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7, $8, $9::text,
               CASE WHEN $9::text = 'published' THEN now() - make_interval(days => $10) END,
               now() - make_interval(days => $10), now() - make_interval(days => $10))
       RETURNING id`,
      [
        space(r.space),
        user(r.author),
        r.kind,
        r.title,
        r.description,
        r.tags,
        r.language,
        r.url,
        r.status,
        r.daysAgo,
      ],
    );
    newResources++;
    if (r.report)
      await db.query(
        `INSERT INTO resource_report (resource_id, reporter_id, reason, created_at)
         VALUES ($1, $2, $3, now() - make_interval(days => $4))`,
        [row.id, user(r.report.by), r.report.reason, r.report.daysAgo],
      );
  }

  for (const t of DEMO_THREADS) {
    const [found] = await db.query(
      `SELECT id FROM discussion_thread WHERE space_id = $1 AND title = $2 LIMIT 1`,
      [space(t.space), t.title],
    );
    if (found) continue;
    const lastDaysAgo = Math.min(t.daysAgo, ...t.replies.map((r) => r.daysAgo));
    const [thread] = await db.query(
      `INSERT INTO discussion_thread (space_id, author_id, kind, title, body, body_html, created_at, last_activity_at)
       VALUES ($1, $2, $3, $4, $5, $6, now() - make_interval(days => $7), now() - make_interval(days => $8))
       RETURNING id`,
      [
        space(t.space),
        user(t.author),
        t.kind,
        t.title,
        t.body,
        renderMarkdown(t.body),
        t.daysAgo,
        lastDaysAgo,
      ],
    );
    newThreads++;
    for (const r of t.replies) {
      const [reply] = await db.query(
        `INSERT INTO discussion_reply (thread_id, author_id, body, body_html, created_at)
         VALUES ($1, $2, $3, $4, now() - make_interval(days => $5)) RETURNING id`,
        [thread.id, user(r.author), r.body, renderMarkdown(r.body), r.daysAgo],
      );
      if (r.accepted)
        await db.query(`UPDATE discussion_thread SET accepted_reply_id = $2 WHERE id = $1`, [
          thread.id,
          reply.id,
        ]);
    }
  }

  return { resources: DEMO_RESOURCES.length, newResources, threads: DEMO_THREADS.length, newThreads };
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`Demo data refers to an unknown ${what}`);
  return value;
}
