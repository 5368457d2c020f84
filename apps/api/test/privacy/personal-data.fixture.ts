/**
 * Gives a member rows in every table of the personal-data registry, for every column that refers
 * to them (straight SQL, so it is quick and covers columns no single route fills). The privacy
 * tests check that it does (`coverage`), so a table added to the registry needs a line here too.
 */
import { PERSONAL_DATA } from '@pratique/api/privacy';
import { addToSpace, makeModule, makeSeminar, makeSpace, uid } from '@pratique/api/testing';
import { LessonKind } from '@pratique/contracts';
import { DataSource } from 'typeorm';

export interface PersonalData {
  spaceId: string;
  moduleId: string;
  threadId: string;
  /** A past seminar the member attended. */
  pastSeminarId: string;
}

/** `other` is a second member the first one interacts with (follows, moderates, grants a role to). */
export async function givePersonalData(db: DataSource, userId: string, other: string, regionId: string): Promise<PersonalData> {
  const q = (sql: string, params: unknown[]) => db.query(sql, params);
  const key = uid();
  const outboxId = Math.floor(Math.random() * 1e12) + 1e12;

  await q(`INSERT INTO role_grant (user_id, role, region_id) VALUES ($1, 'staff', $2)`, [userId, regionId]);
  await q(`INSERT INTO role_grant (user_id, role, region_id, granted_by) VALUES ($1, 'staff', $2, $3) ON CONFLICT DO NOTHING`, [other, regionId, userId]);

  const space = await makeSpace(db, { title: `Espace de ${key}` });
  await q(`UPDATE space SET created_by = $2 WHERE id = $1`, [space.id, userId]);
  await addToSpace(db, space.id, userId);
  await q(
    `INSERT INTO stored_file (owner_id, filename, content_type, size, sha256, data) VALUES ($1, 'notes.pdf', 'application/pdf', 4, repeat('a', 64), '\\x25504446')`,
    [userId],
  );
  const mod = await makeModule(db, space.id, { lessons: [{}, { kind: LessonKind.Quiz }] });
  await q(`UPDATE module SET created_by = $2 WHERE id = $1`, [mod.id, userId]);
  await q(`INSERT INTO scorm_package (owner_id, version, title, launch_path) VALUES ($1, '1.2', 'Paquet', 'index.html')`, [userId]);
  await q(`INSERT INTO lesson_progress (user_id, lesson_id, status, completed_at) VALUES ($1, $2, 'completed', now())`, [userId, mod.lessonIds[0]]);
  await q(`INSERT INTO enrollment (user_id, module_id, percent) VALUES ($1, $2, 50)`, [userId, mod.id]);
  await q(`INSERT INTO quiz_attempt (user_id, lesson_id, answers, score, passed) VALUES ($1, $2, '{"q1":["a"]}', 80, true)`, [userId, mod.lessonIds[1]]);
  await q(`INSERT INTO scorm_attempt (user_id, lesson_id, completion_status) VALUES ($1, $2, 'incomplete')`, [userId, mod.lessonIds[0]]);

  const past = await makeSeminar(db, { regionId, startsInDays: -10, registrationOpensInDays: -30, registrationClosesInDays: -12, status: 'done' });
  await q(`UPDATE seminar SET created_by = $2 WHERE id = $1`, [past.id, userId]);
  await q(`INSERT INTO registration (seminar_id, user_id, status, eligibility_snapshot, checked_in_at) VALUES ($1, $2, 'attended', '{}', now())`, [past.id, userId]);

  await q(`INSERT INTO notification (user_id, outbox_id, type, payload, channel) VALUES ($1, $2, 'module.published', '{}', 'email')`, [userId, outboxId]);
  await q(`INSERT INTO notification_preference (user_id, type, channel) VALUES ($1, 'module.published', 'email')`, [userId]);
  await q(`INSERT INTO email_delivery (outbox_id, user_id, kind) VALUES ($1, $2, 'instant')`, [outboxId, userId]);

  const [thread] = await q(
    `INSERT INTO discussion_thread (space_id, author_id, kind, title, body, body_html) VALUES ($1, $2, 'question', $3, 'Corps', '<p>Corps</p>') RETURNING id`,
    [space.id, userId, `Question de ${key}`],
  );
  await q(`INSERT INTO discussion_reply (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Ma réponse', '<p>Ma réponse</p>')`, [thread.id, userId]);
  const [othersReply] = await q(
    `INSERT INTO discussion_reply (thread_id, author_id, body, body_html) VALUES ($1, $2, 'Autre réponse', '<p>Autre réponse</p>') RETURNING id`,
    [thread.id, other],
  );
  await q(`INSERT INTO discussion_vote (reply_id, user_id) VALUES ($1, $2)`, [othersReply.id, userId]);
  await q(
    `INSERT INTO discussion_revision (thread_id, title, body, body_html, written_at, replaced_by) VALUES ($1, 'Avant', 'Avant', '<p>Avant</p>', now(), $2)`,
    [thread.id, userId],
  );
  await q(`INSERT INTO discussion_follow (user_id, thread_id) VALUES ($1, $2)`, [userId, thread.id]);

  const resource = `INSERT INTO resource (space_id, author_id, kind, title, language, url, status, moderated_by)
                    VALUES ($1, $2, 'link', $3, 'fr', 'https://example.org/', 'published', $4) RETURNING id`;
  await q(resource, [space.id, userId, `Ma ressource ${key}`, null]);
  const [othersResource] = await q(resource, [space.id, other, `Sa ressource ${key}`, userId]);
  await q(`INSERT INTO resource_review (resource_id, user_id, rating, body) VALUES ($1, $2, 4, 'Utile')`, [othersResource.id, userId]);
  await q(`INSERT INTO resource_report (resource_id, reporter_id, reason) VALUES ($1, $2, 'Lien cassé')`, [othersResource.id, userId]);
  await q(
    `INSERT INTO resource_report (resource_id, reporter_id, reason, status, resolved_by, resolved_at) VALUES ($1, $2, 'Doublon', 'dismissed', $3, now())`,
    [othersResource.id, other, userId],
  );

  // Skills donation: my offer and my organisation's request; a session I proposed (done, rated by
  // me) and one the other member proposed that I answered.
  const [myOffer] = await q(
    `INSERT INTO skill_offer (author_id, title, skills, formats, languages) VALUES ($1, $2, '{plaidoyer}', '{remote}', '{fr}') RETURNING id`,
    [userId, `Mon offre ${key}`],
  );
  const [myOrg] = await q(`SELECT organisation_id FROM membership WHERE user_id = $1 LIMIT 1`, [userId]);
  const [othersOrg] = await q(`SELECT organisation_id FROM membership WHERE user_id = $1 LIMIT 1`, [other]);
  const [myRequest] = await q(
    `INSERT INTO skill_request (organisation_id, author_id, title, skills, formats, languages) VALUES ($1, $2, $3, '{budget}', '{remote}', '{fr}') RETURNING id`,
    [myOrg.organisation_id, userId, `Mon besoin ${key}`],
  );
  const [othersOffer] = await q(
    `INSERT INTO skill_offer (author_id, title, skills, formats, languages) VALUES ($1, $2, '{budget}', '{remote}', '{fr}') RETURNING id`,
    [other, `Son offre ${key}`],
  );
  const [othersRequest] = await q(
    `INSERT INTO skill_request (organisation_id, author_id, title, skills, formats, languages) VALUES ($1, $2, $3, '{plaidoyer}', '{remote}', '{fr}') RETURNING id`,
    [othersOrg.organisation_id, other, `Son besoin ${key}`],
  );
  const [proposed] = await q(
    `INSERT INTO skill_session (offer_id, request_id, proposed_by, proposer_id, status, starts_at, ends_at, format, message, responded_by, done_at)
     VALUES ($1, $2, 'volunteer', $3, 'done', now() - interval '8 days', now() - interval '8 days' + interval '2 hours', 'remote', 'Mon message', $4, now() - interval '7 days') RETURNING id`,
    [myOffer.id, othersRequest.id, userId, other],
  );
  await q(
    `INSERT INTO skill_session (offer_id, request_id, proposed_by, proposer_id, status, starts_at, ends_at, format, message, responded_by)
     VALUES ($1, $2, 'volunteer', $3, 'accepted', now() + interval '8 days', now() + interval '8 days' + interval '2 hours', 'remote', 'Son message', $4)`,
    [othersOffer.id, myRequest.id, other, userId],
  );
  await q(`INSERT INTO skill_session_rating (session_id, side, rater_id, usefulness, pedagogy, review) VALUES ($1, 'volunteer', $2, 4, 5, 'Équipe motivée')`, [
    proposed.id,
    userId,
  ]);

  await q(`INSERT INTO member_profile (user_id, bio, skills, interests) VALUES ($1, 'Ma bio', '{Plaidoyer}', '{Budget}')`, [userId]);
  await q(`INSERT INTO user_follow (follower_id, followee_id) VALUES ($1, $2), ($2, $1) ON CONFLICT DO NOTHING`, [userId, other]);
  await q(
    `INSERT INTO activity (kind, actor_id, space_id, subject_id, dedupe_key) VALUES ('completion.shared', $1, $2, $3, $4), ('thread.started', $1, $2, $5, $6)`,
    [userId, space.id, mod.id, `completion:${key}`, thread.id, `thread:${key}`],
  );
  await q(`INSERT INTO audit_log (actor_id, action, target_type, target_id) VALUES ($1, 'export.csv', 'module', $2)`, [userId, mod.id]);

  return { spaceId: space.id, moduleId: mod.id, threadId: thread.id, pastSeminarId: past.id };
}

/** Rows referring to the member, per registry `table.column`. */
export async function coverage(db: DataSource, userId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { table, columns } of PERSONAL_DATA)
    for (const column of columns)
      out[`${table}.${column}`] = (await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${column} = $1`, [userId]))[0].n;
  return out;
}
