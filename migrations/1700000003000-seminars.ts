import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seminars and workshops, their eligibility rule (k of N module requirements) and registrations.
 * `seats_taken` counts seat-holding registrations and is only changed by conditional updates
 * (`... WHERE seats_taken < capacity`), so capacity holds under any concurrency; the CHECK is the
 * last line of defence.
 */
export class Seminars1700000003000 implements MigrationInterface {
  name = 'Seminars1700000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE seminar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE RESTRICT,
        space_id uuid REFERENCES space(id) ON DELETE SET NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('seminar','workshop')),
        title jsonb NOT NULL,
        description jsonb NOT NULL DEFAULT '{}',
        original_language varchar(2) NOT NULL CHECK (original_language IN ('fr','ar','en')),
        venue varchar(200),
        address varchar(500),
        online_url varchar(500),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100000),
        seats_taken integer NOT NULL DEFAULT 0,
        registration_opens_at timestamptz NOT NULL,
        registration_closes_at timestamptz NOT NULL,
        audience varchar(15) NOT NULL CHECK (audience IN ('region','organisations','space')),
        audience_organisation_ids uuid[] NOT NULL DEFAULT '{}',
        requires_confirmation boolean NOT NULL DEFAULT false,
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','open','closed','cancelled','done')),
        rule_k integer NOT NULL DEFAULT 0,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT seminar_seats_ck CHECK (seats_taken BETWEEN 0 AND capacity),
        CONSTRAINT seminar_dates_ck CHECK (ends_at > starts_at AND registration_closes_at > registration_opens_at),
        CONSTRAINT seminar_space_audience_ck CHECK (audience <> 'space' OR space_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX seminar_region_starts_idx ON seminar(region_id, starts_at)`);
    await q.query(`CREATE INDEX seminar_space_idx ON seminar(space_id)`);

    await q.query(`
      CREATE TABLE seminar_requirement (
        seminar_id uuid NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        module_id uuid NOT NULL REFERENCES module(id) ON DELETE RESTRICT,
        min_percent smallint NOT NULL CHECK (min_percent BETWEEN 1 AND 100),
        PRIMARY KEY (seminar_id, module_id)
      )`);

    await q.query(`
      CREATE TABLE registration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seminar_id uuid NOT NULL REFERENCES seminar(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        status varchar(12) NOT NULL CHECK (status IN ('pending','confirmed','waitlisted','cancelled','declined','attended','no_show')),
        queue_seq bigserial NOT NULL,
        eligibility_snapshot jsonb NOT NULL,
        checked_in_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT registration_seminar_user_uq UNIQUE (seminar_id, user_id)
      )`);
    await q.query(`CREATE INDEX registration_waitlist_idx ON registration(seminar_id, queue_seq) WHERE status = 'waitlisted'`);
    await q.query(`CREATE INDEX registration_user_idx ON registration(user_id)`);
    // The eligibility dashboard and the gate read enrollments by module for many users.
    await q.query(`CREATE INDEX enrollment_module_user_idx ON enrollment(module_id, user_id) INCLUDE (percent, completed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS enrollment_module_user_idx`);
    for (const t of ['registration', 'seminar_requirement', 'seminar']) await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
