import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * E-learning: modules and lessons of a space, uploaded files and SCORM packages (stored in
 * PostgreSQL so any API copy serves them), members' progress and enrollments, certificates,
 * and the transactional outbox of domain events.
 */
export class Learning1700000001000 implements MigrationInterface {
  name = 'Learning1700000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        filename varchar(255) NOT NULL,
        content_type varchar(120) NOT NULL,
        size integer NOT NULL CHECK (size >= 0),
        sha256 char(64) NOT NULL,
        data bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        space_id uuid NOT NULL REFERENCES space(id) ON DELETE CASCADE,
        title jsonb NOT NULL,
        summary jsonb NOT NULL DEFAULT '{}',
        original_language varchar(2) NOT NULL CHECK (original_language IN ('fr','ar','en')),
        cover_file_id uuid REFERENCES stored_file(id) ON DELETE SET NULL,
        estimated_minutes integer CHECK (estimated_minutes BETWEEN 1 AND 10000),
        status varchar(10) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft','published','archived')),
        published_at timestamptz,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX module_space_idx ON module(space_id, status)`);

    await q.query(`
      CREATE TABLE scorm_package (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        owner_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        version varchar(4) NOT NULL CHECK (version IN ('1.2','2004')),
        title varchar(255),
        launch_path varchar(1024) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE scorm_asset (
        package_id uuid NOT NULL REFERENCES scorm_package(id) ON DELETE CASCADE,
        path varchar(1024) NOT NULL,
        content_type varchar(120) NOT NULL,
        data bytea NOT NULL,
        PRIMARY KEY (package_id, path)
      )`);

    await q.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        module_id uuid NOT NULL REFERENCES module(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('page','video','file','quiz','scorm')),
        title jsonb NOT NULL,
        required boolean NOT NULL DEFAULT true,
        content jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT lesson_position_uq UNIQUE (module_id, position) DEFERRABLE INITIALLY IMMEDIATE
      )`);

    await q.query(`
      CREATE TABLE lesson_progress (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson(id) ON DELETE CASCADE,
        status varchar(12) NOT NULL CHECK (status IN ('not_started','in_progress','completed')),
        score numeric(5,2),
        video_percent smallint CHECK (video_percent BETWEEN 0 AND 100),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, lesson_id)
      )`);
    await q.query(`CREATE INDEX lesson_progress_lesson_idx ON lesson_progress(lesson_id) WHERE status = 'completed'`);

    // One row per member and module, kept in step with lesson_progress in the same transaction:
    // the dashboard and the gate read percents here in one query.
    await q.query(`
      CREATE TABLE enrollment (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        module_id uuid NOT NULL REFERENCES module(id) ON DELETE CASCADE,
        percent smallint NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
        started_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        last_lesson_id uuid REFERENCES lesson(id) ON DELETE SET NULL,
        completed_at timestamptz,
        certificate_code varchar(16) UNIQUE,
        PRIMARY KEY (user_id, module_id)
      )`);
    await q.query(`CREATE INDEX enrollment_module_idx ON enrollment(module_id)`);

    await q.query(`
      CREATE TABLE quiz_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson(id) ON DELETE CASCADE,
        answers jsonb NOT NULL,
        score numeric(5,2) NOT NULL,
        passed boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX quiz_attempt_user_lesson_idx ON quiz_attempt(user_id, lesson_id)`);

    await q.query(`
      CREATE TABLE scorm_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson(id) ON DELETE CASCADE,
        cmi jsonb NOT NULL DEFAULT '{}',
        completion_status varchar(20),
        success_status varchar(20),
        score numeric(5,2),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (user_id, lesson_id)
      )`);

    await q.query(`
      CREATE TABLE outbox (
        id bigserial PRIMARY KEY,
        type varchar(80) NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        relayed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unrelayed_idx ON outbox(id) WHERE relayed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['outbox', 'scorm_attempt', 'quiz_attempt', 'enrollment', 'lesson_progress', 'lesson', 'scorm_asset', 'scorm_package', 'module', 'stored_file'])
      await q.query(`DROP TABLE IF EXISTS ${t}`);
  }
}
