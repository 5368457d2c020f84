import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation schema: regions, organisations, users and their roles, spaces and their members,
 * and the session store (connect-pg-simple) that keeps the API stateless.
 */
export class Foundation1700000000000 implements MigrationInterface {
  name = 'Foundation1700000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        name varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE organisation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE RESTRICT,
        registration_number varchar(60) UNIQUE,
        thematic_fields text[] NOT NULL DEFAULT '{}',
        verified boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX organisation_region_idx ON organisation(region_id)`);
    await q.query(`CREATE UNIQUE INDEX organisation_name_uq ON organisation(lower(name))`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email varchar(254) NOT NULL,
        password_hash text NOT NULL,
        display_name varchar(80) NOT NULL,
        preferred_language varchar(2) NOT NULL DEFAULT 'fr' CHECK (preferred_language IN ('fr','ar','en')),
        region_id uuid NOT NULL REFERENCES region(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user(lower(email))`);
    await q.query(`CREATE INDEX app_user_region_idx ON app_user(region_id)`);

    await q.query(`
      CREATE TABLE membership (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        organisation_id uuid NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, organisation_id)
      )`);
    await q.query(`CREATE INDEX membership_organisation_idx ON membership(organisation_id)`);

    // staff is scoped to one region per grant; admin has no region. Every user is a member.
    await q.query(`
      CREATE TABLE role_grant (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role varchar(10) NOT NULL CHECK (role IN ('staff','admin')),
        region_id uuid REFERENCES region(id) ON DELETE CASCADE,
        granted_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT role_grant_region_ck CHECK ((role = 'staff') = (region_id IS NOT NULL)),
        CONSTRAINT role_grant_uq UNIQUE NULLS NOT DISTINCT (user_id, role, region_id)
      )`);

    await q.query(`
      CREATE TABLE space (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        slug varchar(60) NOT NULL UNIQUE,
        title jsonb NOT NULL,
        description jsonb NOT NULL DEFAULT '{}',
        original_language varchar(2) NOT NULL CHECK (original_language IN ('fr','ar','en')),
        axis varchar(40) NOT NULL,
        scope varchar(10) NOT NULL CHECK (scope IN ('national','regional')),
        region_id uuid REFERENCES region(id) ON DELETE RESTRICT,
        visibility varchar(10) NOT NULL CHECK (visibility IN ('public','members')),
        status varchar(10) NOT NULL DEFAULT 'open' CHECK (status IN ('open','archived')),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT space_scope_region_ck CHECK ((scope = 'regional') = (region_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX space_region_idx ON space(region_id)`);
    await q.query(`CREATE INDEX space_axis_idx ON space(axis)`);

    await q.query(`
      CREATE TABLE space_member (
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role varchar(10) NOT NULL CHECK (role IN ('member','animator')),
        joined_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (space_id, user_id)
      )`);
    await q.query(`CREATE INDEX space_member_user_idx ON space_member(user_id)`);

    // connect-pg-simple's table: sessions live in PostgreSQL so any API copy can serve any request.
    await q.query(`
      CREATE TABLE "session" (
        sid varchar NOT NULL PRIMARY KEY,
        sess json NOT NULL,
        expire timestamp(6) NOT NULL
      )`);
    await q.query(`CREATE INDEX session_expire_idx ON "session"(expire)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['"session"', 'space_member', 'space', 'role_grant', 'membership', 'app_user', 'organisation', 'region']) {
      await q.query(`DROP TABLE IF EXISTS ${t}`);
    }
  }
}
