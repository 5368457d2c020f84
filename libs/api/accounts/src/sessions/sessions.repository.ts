import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { returnedRows } from '@pratique/api/platform';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Server-side sessions (connect-pg-simple's `session` table, passport's user id inside `sess`).
 * Ending them here signs the user out of every browser on the very next request.
 */
@Injectable()
export class SessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Deletes every session of the user (optionally but one), returning how many ended. */
  async endAllOf(userId: string, options: { exceptSid?: string; tx?: EntityManager } = {}): Promise<number> {
    const result = await (options.tx ?? this.db).query(
      `DELETE FROM "session" WHERE (sess -> 'passport' ->> 'user') = $1 AND sid IS DISTINCT FROM $2 RETURNING sid`,
      [userId, options.exceptSid ?? null],
    );
    return returnedRows(result).length;
  }

  async countOf(userId: string): Promise<number> {
    const [row] = await this.db.query(
      `SELECT count(*)::int AS n FROM "session" WHERE (sess -> 'passport' ->> 'user') = $1`,
      [userId],
    );
    return row.n;
  }
}
