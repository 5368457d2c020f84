import { MigrationInterface, QueryRunner } from 'typeorm';

/** Requirements keep the order staff gave them. */
export class RequirementPosition1700000005000 implements MigrationInterface {
  name = 'RequirementPosition1700000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE seminar_requirement ADD COLUMN position smallint NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE seminar_requirement DROP COLUMN position`);
  }
}
