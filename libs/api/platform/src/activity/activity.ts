import { NewActivity } from '@pratique/contracts';
import { EntityManager } from 'typeorm';

/**
 * Writes feed items with the transaction's own manager, so an item exists if and only if the
 * change it tells of was committed; a key already written adds nothing.
 */
export async function writeActivity(tx: EntityManager, ...items: NewActivity[]): Promise<void> {
  for (const a of items)
    await tx.query(
      `INSERT INTO activity (kind, actor_id, space_id, region_id, subject_id, title, original_language, dedupe_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (dedupe_key) DO NOTHING`,
      [a.kind, a.actorId, a.spaceId, a.regionId, a.subjectId, JSON.stringify(a.title), a.originalLanguage, a.dedupeKey],
    );
}
