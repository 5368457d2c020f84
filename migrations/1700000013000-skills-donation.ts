import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Skills donation: offers of expertise by members, needs posted by organisations, sessions
 * between the two (proposed by either side, accepted by the other, done), and one rating per
 * side of a session. Skills are normalised tags (lower-case, trimmed), matched with `&&`/GIN.
 */
export class SkillsDonation1700000013000 implements MigrationInterface {
  name = 'SkillsDonation1700000013000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE skill_offer (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        author_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        title varchar(160) NOT NULL,
        description varchar(4000) NOT NULL DEFAULT '',
        skills varchar(40)[] NOT NULL CHECK (cardinality(skills) BETWEEN 1 AND 10),
        formats varchar(10)[] NOT NULL CHECK (cardinality(formats) >= 1 AND formats <@ ARRAY['in_person','remote','group']::varchar[]),
        availability varchar(500) NOT NULL DEFAULT '',
        languages varchar(2)[] NOT NULL CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY['fr','ar','en']::varchar[]),
        region_id uuid REFERENCES region(id) ON DELETE SET NULL,
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX skill_offer_skills_idx ON skill_offer USING gin (skills)`);
    await q.query(`CREATE INDEX skill_offer_author_idx ON skill_offer(author_id)`);
    await q.query(`CREATE INDEX skill_offer_open_idx ON skill_offer(created_at DESC) WHERE status = 'open'`);

    await q.query(`
      CREATE TABLE skill_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        title varchar(160) NOT NULL,
        why varchar(4000) NOT NULL DEFAULT '',
        expected_outcome varchar(4000) NOT NULL DEFAULT '',
        deadline date,
        formats varchar(10)[] NOT NULL CHECK (cardinality(formats) >= 1 AND formats <@ ARRAY['in_person','remote','group']::varchar[]),
        region_id uuid REFERENCES region(id) ON DELETE SET NULL,
        skills varchar(40)[] NOT NULL CHECK (cardinality(skills) BETWEEN 1 AND 10),
        languages varchar(2)[] NOT NULL CHECK (cardinality(languages) >= 1 AND languages <@ ARRAY['fr','ar','en']::varchar[]),
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open','closed')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX skill_request_skills_idx ON skill_request USING gin (skills)`);
    await q.query(`CREATE INDEX skill_request_organisation_idx ON skill_request(organisation_id)`);
    await q.query(`CREATE INDEX skill_request_open_idx ON skill_request(created_at DESC) WHERE status = 'open'`);

    await q.query(`
      CREATE TABLE skill_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL REFERENCES skill_offer(id) ON DELETE CASCADE,
        request_id uuid NOT NULL REFERENCES skill_request(id) ON DELETE CASCADE,
        proposed_by varchar(12) NOT NULL CHECK (proposed_by IN ('volunteer','organisation')),
        proposer_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        status varchar(10) NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed','accepted','declined','cancelled','done')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        format varchar(10) NOT NULL CHECK (format IN ('in_person','remote','group')),
        place varchar(300) NOT NULL DEFAULT '',
        message varchar(1000) NOT NULL DEFAULT '',
        responded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        done_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT skill_session_times_ck CHECK (ends_at > starts_at AND ends_at <= starts_at + interval '12 hours')
      )`);
    await q.query(`CREATE INDEX skill_session_offer_idx ON skill_session(offer_id)`);
    await q.query(`CREATE INDEX skill_session_request_idx ON skill_session(request_id)`);

    // One rating per side of a session: the volunteer rates the organisation's side, the organisation rates the volunteer.
    await q.query(`
      CREATE TABLE skill_session_rating (
        session_id uuid NOT NULL REFERENCES skill_session(id) ON DELETE CASCADE,
        side varchar(12) NOT NULL CHECK (side IN ('volunteer','organisation')),
        rater_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        usefulness smallint NOT NULL CHECK (usefulness BETWEEN 1 AND 5),
        pedagogy smallint NOT NULL CHECK (pedagogy BETWEEN 1 AND 5),
        review varchar(1000) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (session_id, side)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['skill_session_rating', 'skill_session', 'skill_request', 'skill_offer'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
