import { MigrationInterface, QueryRunner } from 'typeorm';

/** Certificate codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L). */
export class CertificateCode1700000002000 implements MigrationInterface {
  name = 'CertificateCode1700000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION certificate_code() RETURNS varchar LANGUAGE sql VOLATILE AS $$
        SELECT string_agg(substr('ABCDEFGHJKMNPQRSTUVWXYZ23456789', 1 + floor(random() * 31)::int, 1), '')
          FROM generate_series(1, 8)
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION certificate_code()`);
  }
}
