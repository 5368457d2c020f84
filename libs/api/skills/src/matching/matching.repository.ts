import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MATCH_LIMIT, MATCH_WEIGHTS } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { Shared } from './match-reasons';

export interface MatchRow extends Shared {
  id: string;
  score: number;
}

/** The values of `column` in the source's order that the candidate `c` also has. */
const sharedValues = (column: string) =>
  `ARRAY(SELECT x FROM unnest(src.${column}) WITH ORDINALITY AS t(x, n) WHERE x = ANY(c.${column}) ORDER BY n)::text[]`;

/**
 * For one source item (`$1`: a request, or an offer), every OPEN candidate of the other kind that
 * shares at least one skill (`&&`, the GIN index), with what the pair shares — skills, the same
 * non-null region, languages, formats, in the source's order — and its score:
 * `MATCH_WEIGHTS.skill` × shared skills + region + language (any shared) + format (any shared).
 * Best score first, newest first among equals, at most `MATCH_LIMIT`. One statement, set-wise.
 */
const MATCHES = (source: 'skill_offer' | 'skill_request', candidates: string, candidateFilter: string) => `
  WITH src AS (SELECT skills, region_id, languages, formats FROM ${source} WHERE id = $1),
  shared AS (
    SELECT c.id, c.created_at,
           ${sharedValues('skills')} AS skills,
           CASE WHEN c.region_id = src.region_id THEN c.region_id END AS region_id,
           ${sharedValues('languages')} AS languages,
           ${sharedValues('formats')} AS formats
      FROM src, ${candidates}
     WHERE c.status = 'open' AND c.skills && src.skills AND ${candidateFilter})
  SELECT id, skills, region_id AS "regionId", languages, formats,
         $2::int * cardinality(skills)
         + CASE WHEN region_id IS NOT NULL THEN $3::int ELSE 0 END
         + CASE WHEN cardinality(languages) > 0 THEN $4::int ELSE 0 END
         + CASE WHEN cardinality(formats) > 0 THEN $5::int ELSE 0 END AS score
    FROM shared
   ORDER BY score DESC, created_at DESC, id
   LIMIT $6`;

const WEIGHTS = [
  MATCH_WEIGHTS.skill,
  MATCH_WEIGHTS.region,
  MATCH_WEIGHTS.language,
  MATCH_WEIGHTS.format,
  MATCH_LIMIT,
];

@Injectable()
export class MatchingRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Open offers (of active members) suggested for the request. */
  offersFor(requestId: string): Promise<MatchRow[]> {
    return this.db.query(
      MATCHES(
        'skill_request',
        'skill_offer c JOIN app_user u ON u.id = c.author_id',
        'u.deleted_at IS NULL AND u.suspended_at IS NULL',
      ),
      [requestId, ...WEIGHTS],
    );
  }

  /** Open requests suggested for the offer. */
  requestsFor(offerId: string): Promise<MatchRow[]> {
    return this.db.query(MATCHES('skill_offer', 'skill_request c', 'true'), [offerId, ...WEIGHTS]);
  }
}
