/**
 * Regions, organisations, the admin and one staff account per region, then the members
 * (`member-<n>@bench.pratique.tn`) and their organisations: each member in one, about 15 % in a
 * second; a member's region is their first organisation's.
 */
import { randomUUID } from 'crypto';
import * as N from './names';
import { EMAIL_DOMAIN, insertRecords, World } from './world';

const MEMBER_CHUNK = 10_000;

export async function loadCommunity(w: World, staffHashes: string[], adminHash: string): Promise<void> {
  const { plan, rng, db } = w;
  await w.progress.phase(
    'regions, organisations',
    plan.regions + plan.organisations + plan.regions + 1,
    async (tick) => {
      w.regions = Array.from({ length: plan.regions }, (_, i) => {
        const base = N.REGIONS[i % N.REGIONS.length];
        const lap = Math.floor(i / N.REGIONS.length);
        return {
          id: randomUUID(),
          code: lap ? `${base.code}-${lap + 1}` : base.code,
          name: lap ? `${base.name} ${lap + 1}` : base.name,
        };
      });
      await insertRecords(
        db,
        'region',
        [
          ['id', 'uuid'],
          ['code', 'varchar'],
          ['name', 'varchar'],
        ],
        w.regions,
        tick,
      );

      // The capital region holds more organisations; every region has at least one when there are enough.
      const regionWeights = w.regions.map((_, i) => (i === 0 ? 2 : 1 + 1 / (i + 1)));
      const names = new Set<string>();
      w.organisations = Array.from({ length: plan.organisations }, (_, i) => ({
        id: randomUUID(),
        regionIdx: i < plan.regions ? i : rng.weighted(regionWeights),
      }));
      const rows = w.organisations.map((o, i) => {
        const city = w.regions[o.regionIdx].name;
        let name = `${rng.pick(N.ORGANISATION_KINDS)} ${rng.pick(N.ORGANISATION_TOPICS)} ${rng.chance(0.6) ? `de ${city}` : `– ${city}`}`;
        while (names.has(name.toLowerCase())) name = `${name} ${names.size}`;
        names.add(name.toLowerCase());
        return {
          id: o.id,
          name,
          region_id: w.regions[o.regionIdx].id,
          registration_number: rng.chance(0.8)
            ? `${String(2011 + (i % 14))}T${String(10_000 + i).padStart(6, '0')}`
            : null,
          thematic_fields: rng.sample(Object.keys(N.AXIS_TITLES), rng.int(1, 3)),
          verified: rng.chance(0.8),
          created_at: new Date(Date.now() - rng.int(400, 3000) * 86_400_000).toISOString(),
        };
      });
      await insertRecords(
        db,
        'organisation',
        [
          ['id', 'uuid'],
          ['name', 'varchar'],
          ['region_id', 'uuid'],
          ['registration_number', 'varchar'],
          ['thematic_fields', 'text[]'],
          ['verified', 'boolean'],
          ['created_at', 'timestamptz'],
        ],
        rows,
        tick,
      );

      // The platform's accounts: one admin, one staff per region (real argon2id hashes).
      w.adminId = randomUUID();
      w.adminEmail = `admin@${EMAIL_DOMAIN}`;
      w.staff = w.regions.map((r) => ({
        id: randomUUID(),
        regionId: r.id,
        email: `staff-${r.code}@${EMAIL_DOMAIN}`,
      }));
      const accounts = [
        {
          id: w.adminId,
          email: w.adminEmail,
          password_hash: adminHash,
          display_name: 'Administration Pratique',
          preferred_language: 'fr',
          region_id: w.regions[0].id,
        },
        ...w.staff.map((s, i) => ({
          id: s.id,
          email: s.email,
          password_hash: staffHashes[i],
          display_name: `Bureau régional ${w.regions[i].name}`,
          preferred_language: i % 3 === 1 ? 'ar' : 'fr',
          region_id: s.regionId,
        })),
      ];
      await insertRecords(
        db,
        'app_user',
        [
          ['id', 'uuid'],
          ['email', 'varchar'],
          ['password_hash', 'text'],
          ['display_name', 'varchar'],
          ['preferred_language', 'varchar'],
          ['region_id', 'uuid'],
        ],
        accounts,
        tick,
      );
      await insertRecords(
        db,
        'role_grant',
        [
          ['user_id', 'uuid'],
          ['role', 'varchar'],
          ['region_id', 'uuid'],
          ['granted_by', 'uuid'],
        ],
        [
          { user_id: w.adminId, role: 'admin', region_id: null, granted_by: null },
          ...w.staff.map((s) => ({
            user_id: s.id,
            role: 'staff',
            region_id: s.regionId,
            granted_by: w.adminId,
          })),
        ],
      );
    },
  );

  // Organisation sizes follow a power law, the largest mostly in the first (capital) regions; the
  // first organisations.length members seed each one.
  const rankKey = w.organisations.map((o) => o.regionIdx * 0.5 + rng.next() * 4);
  const byRank = w.organisations.map((_, i) => i).sort((a, b) => rankKey[a] - rankKey[b]);
  const weights: number[] = Array(w.organisations.length).fill(0);
  byRank.forEach((orgIdx, rank) => (weights[orgIdx] = 1 / Math.pow(rank + 1, 0.7)));
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  const orgRows = w.organisations.map((o, idx) => {
    const lo = acc / total;
    acc += weights[idx];
    return {
      idx,
      id: o.id,
      region_id: w.regions[o.regionIdx].id,
      lo,
      hi: idx === w.organisations.length - 1 ? 1.000001 : acc / total,
    };
  });
  await db.query(
    `CREATE TEMP TABLE bench_org (idx int PRIMARY KEY, id uuid NOT NULL, region_id uuid NOT NULL, lo float8 NOT NULL, hi float8 NOT NULL)`,
  );
  await insertRecords(
    db,
    'bench_org',
    [
      ['idx', 'int'],
      ['id', 'uuid'],
      ['region_id', 'uuid'],
      ['lo', 'float8'],
      ['hi', 'float8'],
    ],
    orgRows,
  );
  await db.query(`
    CREATE TEMP TABLE bench_member (
      n int PRIMARY KEY, id uuid NOT NULL UNIQUE, org1 int NOT NULL, org2 int, region_id uuid NOT NULL,
      lang varchar(2) NOT NULL, display_name varchar(80) NOT NULL, created_at timestamptz NOT NULL)`);

  await w.progress.phase('members (app_user)', plan.members, async (tick) => {
    const pools = [
      [N.TUNISIAN_FIRST, N.TUNISIAN_LAST],
      [N.ARABIC_FIRST, N.ARABIC_LAST],
      [N.FRENCH_FIRST, N.FRENCH_LAST],
      [N.ENGLISH_FIRST, N.ENGLISH_LAST],
    ].flat();
    for (let from = 1; from <= plan.members; from += MEMBER_CHUNK) {
      const to = Math.min(plan.members, from + MEMBER_CHUNK - 1);
      // Languages: fr 55 %, ar 35 %, en 10 %. Names: Arabic script for half the Arabic speakers,
      // French names for a fifth of French speakers, English for half the English speakers, else Tunisian in Latin script.
      await db.query(
        `WITH x AS MATERIALIZED (
           SELECT g, random() AS r_org1, random() AS r_two, random() AS r_org2, random() AS r_lang, random() AS r_pool,
                  random() AS r_first, random() AS r_last, random() AS r_age
             FROM generate_series($1::int, $2::int) g),
         y AS MATERIALIZED (
           SELECT x.*, CASE WHEN r_lang < 0.55 THEN 'fr' WHEN r_lang < 0.90 THEN 'ar' ELSE 'en' END AS lang,
                  CASE WHEN r_lang < 0.55 THEN CASE WHEN r_pool < 0.2 THEN 2 ELSE 0 END
                       WHEN r_lang < 0.90 THEN CASE WHEN r_pool < 0.5 THEN 1 ELSE 0 END
                       ELSE CASE WHEN r_pool < 0.5 THEN 3 ELSE 0 END END AS pool
             FROM x)
         INSERT INTO bench_member (n, id, org1, org2, region_id, lang, display_name, created_at)
         SELECT y.g, gen_random_uuid(), o1.idx,
                CASE WHEN y.r_two < $3 THEN CASE WHEN o2.idx = o1.idx THEN (o1.idx + 1) % $4 ELSE o2.idx END END,
                o1.region_id, y.lang,
                CASE y.pool
                  WHEN 0 THEN ($5::text[])[1 + floor(y.r_first * cardinality($5::text[]))::int] || ' ' || ($6::text[])[1 + floor(y.r_last * cardinality($6::text[]))::int]
                  WHEN 1 THEN ($7::text[])[1 + floor(y.r_first * cardinality($7::text[]))::int] || ' ' || ($8::text[])[1 + floor(y.r_last * cardinality($8::text[]))::int]
                  WHEN 2 THEN ($9::text[])[1 + floor(y.r_first * cardinality($9::text[]))::int] || ' ' || ($10::text[])[1 + floor(y.r_last * cardinality($10::text[]))::int]
                  ELSE ($11::text[])[1 + floor(y.r_first * cardinality($11::text[]))::int] || ' ' || ($12::text[])[1 + floor(y.r_last * cardinality($12::text[]))::int]
                END,
                now() - (30 + y.r_age * 700) * interval '1 day'
           FROM y
           JOIN bench_org o1 ON CASE WHEN y.g <= $4 THEN o1.idx = y.g - 1 ELSE y.r_org1 >= o1.lo AND y.r_org1 < o1.hi END
           JOIN bench_org o2 ON y.r_org2 >= o2.lo AND y.r_org2 < o2.hi`,
        [from, to, plan.secondOrganisationShare, w.organisations.length, ...pools],
      );
      await db.query(
        `INSERT INTO app_user (id, email, password_hash, display_name, preferred_language, region_id, created_at, updated_at)
         SELECT id, 'member-' || n || '@${EMAIL_DOMAIN}', $3, display_name, lang, region_id, created_at, created_at
           FROM bench_member WHERE n BETWEEN $1 AND $2 ORDER BY n`,
        [from, to, w.sharedHash],
      );
      tick(to - from + 1);
    }
    await db.query(`ANALYZE bench_member`);
  });

  await w.progress.phase(
    'memberships',
    Math.round(plan.members * (1 + plan.secondOrganisationShare)),
    async (tick) => {
      const { rowCount } = await db.query(
        `INSERT INTO membership (user_id, organisation_id, created_at)
       SELECT m.id, o.id, m.created_at + interval '1 hour'
         FROM bench_member m JOIN bench_org o ON o.idx = m.org1
       UNION ALL
       SELECT m.id, o.id, m.created_at + interval '30 days'
         FROM bench_member m JOIN bench_org o ON o.idx = m.org2`,
      );
      tick(rowCount ?? 0);
    },
  );
}
