/**
 * "You became eligible": from a `module.progressed` event, the seminars open to the member whose
 * rule this progress just satisfied (the module's threshold crossed, the rule met now, not
 * registered yet) each get a `seminar.eligible` event, written once per seminar and member
 * (`dedupe_key`), so a retried job or a later crossing adds nothing.
 */
import { Injectable } from '@nestjs/common';
import { IN_AUDIENCE, MEETS_RULE } from '@pratique/api/seminars/sql';
import { DomainEventType, ModuleProgressedEvent, SeminarStatus } from '@pratique/contracts';
import { Database } from '../database/database';

@Injectable()
export class EligibilityNotices {
  constructor(private readonly db: Database) {}

  /** Writes the `seminar.eligible` events this progress causes; returns how many were new. */
  async derive(progress: ModuleProgressedEvent): Promise<number> {
    if (!(progress.toPercent > progress.fromPercent)) return 0;
    const rows = await this.db.query(
      `INSERT INTO outbox (type, payload, dedupe_key)
       SELECT $5::varchar, jsonb_build_object('seminarId', s.id, 'regionId', s.region_id, 'userId', u.id),
              $5::varchar || ':' || s.id || ':' || u.id
         FROM seminar s
         JOIN seminar_requirement q ON q.seminar_id = s.id AND q.module_id = $1
         JOIN app_user u ON u.id = $2
        WHERE s.status = '${SeminarStatus.Open}' AND s.registration_closes_at > now() AND s.starts_at > now()
          AND q.min_percent > $3 AND q.min_percent <= $4
          AND ${IN_AUDIENCE('u', 's')} AND ${MEETS_RULE('u', 's')}
          AND NOT EXISTS (SELECT 1 FROM registration r WHERE r.seminar_id = s.id AND r.user_id = u.id)
       ON CONFLICT (dedupe_key) WHERE dedupe_key IS NOT NULL DO NOTHING
       RETURNING id`,
      [progress.moduleId, progress.userId, progress.fromPercent, progress.toPercent, DomainEventType.SeminarEligible],
    );
    return rows.length;
  }
}
