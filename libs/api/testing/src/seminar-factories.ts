/** Fixture factory for seminars (straight SQL). Open now, starting in a week, by default. */
import { DataSource } from 'typeorm';

export interface MakeSeminarOptions {
  regionId: string;
  k?: number;
  requirements?: { moduleId: string; minPercent: number }[];
  capacity?: number;
  requiresConfirmation?: boolean;
  status?: 'draft' | 'open' | 'closed' | 'cancelled' | 'done';
  audience?: 'region' | 'organisations' | 'space';
  spaceId?: string | null;
  audienceOrganisationIds?: string[];
  startsInDays?: number;
  registrationOpensInDays?: number;
  registrationClosesInDays?: number;
}

export async function makeSeminar(db: DataSource, o: MakeSeminarOptions): Promise<{ id: string }> {
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const starts = now + (o.startsInDays ?? 7) * day;
  const [s] = await db.query(
    `INSERT INTO seminar (region_id, space_id, kind, title, original_language, starts_at, ends_at, capacity,
                          registration_opens_at, registration_closes_at, audience, audience_organisation_ids,
                          requires_confirmation, status, rule_k)
     VALUES ($1, $2, 'seminar', '{"fr":"Séminaire de test"}', 'fr', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      o.regionId,
      o.spaceId ?? null,
      new Date(starts),
      new Date(starts + 4 * 3600 * 1000),
      o.capacity ?? 20,
      new Date(now + (o.registrationOpensInDays ?? -1) * day),
      new Date(Math.min(starts - 1000, now + (o.registrationClosesInDays ?? 5) * day)),
      o.audience ?? 'region',
      o.audienceOrganisationIds ?? [],
      o.requiresConfirmation ?? false,
      o.status ?? 'open',
      o.k ?? (o.requirements?.length ?? 0),
    ],
  );
  for (const [i, r] of (o.requirements ?? []).entries())
    await db.query(`INSERT INTO seminar_requirement (seminar_id, module_id, min_percent, position) VALUES ($1, $2, $3, $4)`, [s.id, r.moduleId, r.minPercent, i]);
  return { id: s.id };
}
