/**
 * Thematic spaces (national or regional, public or members-only, across the axes) and who is in
 * them: one large national space (20,000 members at full scale), the others 100–3,000 members
 * drawn mostly from their region; the first few of each space are its animators.
 */
import { randomUUID } from 'crypto';
import { AXIS_TITLES } from './names';
import { insertRecords, SpaceRow, World } from './world';

const AXES = Object.keys(AXIS_TITLES);

export async function loadSpaces(w: World): Promise<void> {
  const { plan, rng, db } = w;
  const day = 86_400_000;
  w.spaces = Array.from({ length: plan.spaces }, (_, idx): SpaceRow => {
    const big = idx === 0;
    const regional = !big && rng.chance(0.4);
    const size = big
      ? plan.bigSpaceMembers
      : Math.min(plan.members, Math.max(3, Math.round(rng.int(100, 3000) * plan.scale)));
    return {
      id: randomUUID(),
      idx,
      regionIdx: regional ? rng.int(0, plan.regions - 1) : null,
      createdAt: new Date(Date.now() - rng.int(500, 900) * day),
      size,
    };
  });
  w.bigSpaceId = w.spaces[0].id;
  const rows = w.spaces.map((s) => {
    const axis = s.idx === 0 ? 'governance' : AXES[(s.idx - 1) % AXES.length];
    const t = AXIS_TITLES[axis];
    const region = s.regionIdx === null ? null : w.regions[s.regionIdx];
    const lang = rng.chance(0.7) ? 'fr' : rng.chance(0.8) ? 'ar' : 'en';
    const title =
      s.idx === 0
        ? {
            fr: 'Réseau national de la société civile',
            ar: 'الشبكة الوطنية للمجتمع المدني',
            en: 'National civil society network',
          }
        : region
          ? { fr: `${t.fr} – ${region.name}`, ar: `${t.ar} – ${region.name}`, en: `${t.en} – ${region.name}` }
          : { fr: `${t.fr} (${s.idx})`, ar: `${t.ar} (${s.idx})`, en: `${t.en} (${s.idx})` };
    return {
      id: s.id,
      slug:
        s.idx === 0
          ? 'reseau-national'
          : `${axis.replace(/_/g, '-')}-${region ? region.code : 'national'}-${s.idx}`.slice(0, 60),
      title,
      description: {
        fr: `Un espace d’échange et d’apprentissage : ${t.fr.toLowerCase()}.`,
        ar: `فضاء للتبادل والتعلم: ${t.ar}.`,
        en: `A space to share and learn: ${t.en.toLowerCase()}.`,
      },
      original_language: lang,
      axis,
      scope: region ? 'regional' : 'national',
      region_id: region?.id ?? null,
      visibility: s.idx === 0 || rng.chance(0.7) ? 'public' : 'members',
      status: 'open',
      created_by: w.adminId,
      created_at: s.createdAt.toISOString(),
      updated_at: s.createdAt.toISOString(),
    };
  });
  const total = w.spaces.reduce((a, s) => a + s.size, 0);
  await w.progress.phase('spaces, space members', total, async (tick) => {
    await insertRecords(
      db,
      'space',
      [
        ['id', 'uuid'],
        ['slug', 'varchar'],
        ['title', 'jsonb'],
        ['description', 'jsonb'],
        ['original_language', 'varchar'],
        ['axis', 'varchar'],
        ['scope', 'varchar'],
        ['region_id', 'uuid'],
        ['visibility', 'varchar'],
        ['status', 'varchar'],
        ['created_by', 'uuid'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      rows,
    );
    await db.query(
      `CREATE TEMP TABLE bench_space (idx int PRIMARY KEY, id uuid NOT NULL, region_id uuid, size int NOT NULL, animators int NOT NULL, created_at timestamptz NOT NULL)`,
    );
    await insertRecords(
      db,
      'bench_space',
      [
        ['idx', 'int'],
        ['id', 'uuid'],
        ['region_id', 'uuid'],
        ['size', 'int'],
        ['animators', 'int'],
        ['created_at', 'timestamptz'],
      ],
      w.spaces.map((s) => ({
        idx: s.idx,
        id: s.id,
        region_id: s.regionIdx === null ? null : w.regions[s.regionIdx].id,
        size: s.size,
        animators: Math.max(1, Math.min(s.size - 1, s.idx === 0 ? 6 : 2 + (s.idx % 3))),
        created_at: s.createdAt.toISOString(),
      })),
    );
    // A regional space draws its members mostly from its region (others sort 6× later).
    for (let from = 0; from < w.spaces.length;) {
      let to = from;
      let rowsInChunk = w.spaces[from].size;
      while (to + 1 < w.spaces.length && rowsInChunk + w.spaces[to + 1].size <= 25_000)
        rowsInChunk += w.spaces[++to].size;
      const { rowCount } = await db.query(
        `INSERT INTO space_member (space_id, user_id, role, joined_at)
         SELECT s.id, p.id, CASE WHEN p.rk <= s.animators THEN 'animator' ELSE 'member' END,
                greatest(p.created_at, s.created_at) + p.r * (now() - greatest(p.created_at, s.created_at))
           FROM bench_space s
          CROSS JOIN LATERAL (
                SELECT u.id, u.created_at, random() AS r,
                       row_number() OVER (ORDER BY random() * CASE WHEN s.region_id IS NULL OR u.region_id = s.region_id THEN 1 ELSE 6 END) AS rk
                  FROM bench_member u
                 ORDER BY rk LIMIT s.size) p
          WHERE s.idx BETWEEN $1 AND $2`,
        [from, to],
      );
      tick(rowCount ?? 0);
      from = to + 1;
    }
  });
}
