/**
 * The skills-donation part of the demo seed (« don de compétences »), run by `seedDemoData` inside
 * its transaction: a few offers of expertise by demo members, needs posted by two demo
 * organisations, and one session that took place and was rated by both sides.
 *
 * Idempotent: an offer is keyed on (author, title), a request on (organisation, title), the
 * session on (offer, request), ratings on (session, side); existing rows are left as they are
 * (members may have edited them), so a second run writes nothing. Seeded sessions are history:
 * no outbox event is written for them.
 */
import type { EntityManager } from 'typeorm';

interface DemoOffer {
  author: string;
  title: string;
  description: string;
  skills: string[];
  formats: string[];
  availability: string;
  languages: string[];
  /** Region code, or null (remote / national). */
  region: string | null;
}

interface DemoRequest {
  organisation: string;
  author: string;
  title: string;
  why: string;
  expectedOutcome: string;
  skills: string[];
  formats: string[];
  languages: string[];
  region: string | null;
  deadlineInDays: number | null;
}

export const DEMO_SKILL_OFFERS: DemoOffer[] = [
  {
    author: 'animatrice@pratique.tn',
    title: 'Gestion financière et budget prévisionnel d’une association',
    description:
      'Vingt ans de gestion administrative et financière au Centre d’Appui aux Associations du Sahel. Je vous aide à construire un budget prévisionnel, à préparer un rapport financier pour un bailleur et à mettre en place une comptabilité simple.',
    skills: ['gestion financière', 'budget', 'comptabilité', 'rapport financier'],
    formats: ['remote', 'in_person'],
    availability: 'Deux demi-journées par mois, de préférence le mercredi après-midi.',
    languages: ['fr', 'ar'],
    region: 'sousse',
  },
  {
    author: 'sami@pratique.tn',
    title: 'Communication numérique pour les associations',
    description:
      'Stratégie de communication, réseaux sociaux, site web simple : je partage des outils pour faire connaître vos actions et mobiliser vos bénévoles.',
    skills: ['communication', 'réseaux sociaux', 'site web'],
    formats: ['remote', 'group'],
    availability: 'En soirée, à distance.',
    languages: ['en', 'fr'],
    region: null,
  },
  {
    author: 'mohamed.gharbi@demo.pratique.tn',
    title: 'Plaidoyer auprès des collectivités locales',
    description:
      'Accompagnement à la préparation d’une campagne de plaidoyer : analyse des acteurs, messages clés, rencontres avec le conseil municipal, suivi des engagements.',
    skills: ['plaidoyer', 'gouvernance locale', 'accompagnement'],
    formats: ['in_person', 'group'],
    availability: 'Le samedi matin, dans la région de Tunis.',
    languages: ['fr', 'ar'],
    region: 'tunis',
  },
];

export const DEMO_SKILL_REQUESTS: DemoRequest[] = [
  {
    organisation: 'Association Tunisienne des Femmes Rurales',
    author: 'amina@pratique.tn',
    title: 'Préparer le rapport financier demandé par notre bailleur',
    why: 'Notre premier financement international exige un rapport financier annuel et nous n’avons pas de comptable.',
    expectedOutcome:
      'Un modèle de rapport financier rempli avec nous, et une méthode pour les années suivantes.',
    skills: ['gestion financière', 'rapport financier', 'comptabilité'],
    formats: ['remote', 'in_person'],
    languages: ['ar', 'fr'],
    region: 'kairouan',
    deadlineInDays: 60,
  },
  {
    organisation: 'Association Tunisienne pour la Gouvernance Locale',
    author: 'membre@pratique.tn',
    title: 'Mécénat de compétences : plaidoyer pour un budget participatif',
    why: 'Nous voulons convaincre la municipalité d’ouvrir une part de son budget à la participation citoyenne.',
    expectedOutcome: 'Une stratégie de plaidoyer et un calendrier de rencontres avec les élus.',
    skills: ['plaidoyer', 'gouvernance locale', 'communication'],
    formats: ['in_person', 'group'],
    languages: ['fr'],
    region: 'tunis',
    deadlineInDays: null,
  },
];

/** The session that took place (three weeks ago), and how each side rated it. */
const DONE_SESSION = {
  offer: DEMO_SKILL_OFFERS[0].title,
  request: DEMO_SKILL_REQUESTS[0].title,
  daysAgo: 21,
  place: 'Bureau régional de Kairouan, salle de réunion',
  message:
    'Je vous propose une première séance pour reprendre ensemble les dépenses de l’année et le modèle du bailleur.',
  ratings: [
    {
      side: 'organisation',
      rater: 'amina@pratique.tn',
      usefulness: 5,
      pedagogy: 5,
      review: 'Très clair : nous avons rempli le rapport ensemble et nous savons le refaire.',
    },
    {
      side: 'volunteer',
      rater: 'animatrice@pratique.tn',
      usefulness: 4,
      pedagogy: 5,
      review: 'Une équipe motivée, les pièces justificatives étaient prêtes.',
    },
  ],
} as const;

/**
 * Directory profiles (skills and interests) of demo members who have none, so « Pour vous » on
 * their home suggests spaces that match them (Yasmine: human rights and ecological transition,
 * which she has not joined). A profile the member already has is left as it is.
 */
export const DEMO_PROFILES = [
  {
    email: 'membre@pratique.tn',
    skills: ['plaidoyer', 'gouvernance locale', 'budget participatif'],
    interests: ['droits humains', 'transition écologique'],
  },
  {
    email: 'amina@pratique.tn',
    skills: ['animation de groupe', 'communication'],
    interests: ['gestion de projet', 'égalité femmes-hommes'],
  },
] as const;

export interface SkillsSeedSummary {
  offers: number;
  requests: number;
  sessions: number;
}

export async function seedDemoSkills(
  db: EntityManager,
  ids: { regionIds: Map<string, string>; orgIds: Map<string, string>; userIds: Map<string, string> },
): Promise<SkillsSeedSummary> {
  const get = (map: Map<string, string>, key: string, what: string) => {
    const v = map.get(key);
    if (v === undefined) throw new Error(`Demo skills refer to an unknown ${what} ${key}`);
    return v;
  };
  const region = (code: string | null) => (code === null ? null : get(ids.regionIds, code, 'region'));

  for (const p of DEMO_PROFILES)
    await db.query(
      `INSERT INTO member_profile (user_id, skills, interests) VALUES ($1, $2, $3) ON CONFLICT (user_id) DO NOTHING`,
      [get(ids.userIds, p.email, 'user'), p.skills, p.interests],
    );

  const offerIds = new Map<string, string>();
  for (const o of DEMO_SKILL_OFFERS) {
    const authorId = get(ids.userIds, o.author, 'user');
    const [existing] = await db.query(`SELECT id FROM skill_offer WHERE author_id = $1 AND title = $2`, [
      authorId,
      o.title,
    ]);
    const id =
      existing?.id ??
      (
        await db.query(
          `INSERT INTO skill_offer (author_id, title, description, skills, formats, availability, languages, region_id)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
          [
            authorId,
            o.title,
            o.description,
            o.skills,
            o.formats,
            o.availability,
            o.languages,
            region(o.region),
          ],
        )
      )[0].id;
    offerIds.set(o.title, id);
  }

  const requestIds = new Map<string, string>();
  for (const r of DEMO_SKILL_REQUESTS) {
    const organisationId = get(ids.orgIds, r.organisation, 'organisation');
    const [existing] = await db.query(
      `SELECT id FROM skill_request WHERE organisation_id = $1 AND title = $2`,
      [organisationId, r.title],
    );
    const id =
      existing?.id ??
      (
        await db.query(
          `INSERT INTO skill_request (organisation_id, author_id, title, why, expected_outcome, deadline, formats, region_id, skills, languages)
           VALUES ($1, $2, $3, $4, $5, CASE WHEN $6::int IS NULL THEN NULL ELSE current_date + $6::int END, $7, $8, $9, $10) RETURNING id`,
          [
            organisationId,
            get(ids.userIds, r.author, 'user'),
            r.title,
            r.why,
            r.expectedOutcome,
            r.deadlineInDays,
            r.formats,
            region(r.region),
            r.skills,
            r.languages,
          ],
        )
      )[0].id;
    requestIds.set(r.title, id);
  }

  const offerId = get(offerIds, DONE_SESSION.offer, 'offer');
  const requestId = get(requestIds, DONE_SESSION.request, 'request');
  const [session] = await db.query(`SELECT id FROM skill_session WHERE offer_id = $1 AND request_id = $2`, [
    offerId,
    requestId,
  ]);
  const sessionId =
    session?.id ??
    (
      await db.query(
        `INSERT INTO skill_session (offer_id, request_id, proposed_by, proposer_id, status, starts_at, ends_at, format, place, message, responded_by, done_at, created_at)
         VALUES ($1, $2, 'volunteer', $3, 'done', date_trunc('hour', now()) - make_interval(days => $5), date_trunc('hour', now()) - make_interval(days => $5) + interval '2 hours',
                 'in_person', $6, $7, $4, date_trunc('hour', now()) - make_interval(days => $5) + interval '2 hours', now() - make_interval(days => $5 + 7))
         RETURNING id`,
        [
          offerId,
          requestId,
          get(ids.userIds, DEMO_SKILL_OFFERS[0].author, 'user'),
          get(ids.userIds, DEMO_SKILL_REQUESTS[0].author, 'user'),
          DONE_SESSION.daysAgo,
          DONE_SESSION.place,
          DONE_SESSION.message,
        ],
      )
    )[0].id;
  for (const r of DONE_SESSION.ratings)
    await db.query(
      `INSERT INTO skill_session_rating (session_id, side, rater_id, usefulness, pedagogy, review) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (session_id, side) DO NOTHING`,
      [sessionId, r.side, get(ids.userIds, r.rater, 'user'), r.usefulness, r.pedagogy, r.review],
    );

  return { offers: offerIds.size, requests: requestIds.size, sessions: 1 };
}
