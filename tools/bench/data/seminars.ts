/**
 * Open seminars and workshops over the next six months, across the regions: audiences of a
 * region (half), of some organisations (30 %) or of a space's members (20 %); capacities 20–60;
 * 1–3 module requirements each (min percent 25/50/75/100, k between 1 and their number), taken
 * among the modules the audience can follow. The first is the whole-audience seminar: every
 * organisation (so every member), the 3 most followed modules of the big space, k = 2.
 */
import { randomUUID } from 'crypto';
import { SEMINAR_TOPICS, VENUES } from './names';
import { insertRecords, World } from './world';

const MIN_PERCENTS = [25, 50, 75, 100];

export async function loadSeminars(w: World): Promise<void> {
  const { plan, rng, db } = w;
  const day = 86_400_000;
  const now = Date.now();
  const { rows: top } = await db.query<{ module_id: string }>(
    `SELECT e.module_id FROM enrollment e JOIN module m ON m.id = e.module_id
      WHERE m.space_id = $1 GROUP BY e.module_id ORDER BY count(*) DESC, e.module_id LIMIT 3`,
    [w.bigSpaceId],
  );
  const bigModules = w.modules.filter((m) => m.spaceIdx === 0).map((m) => m.id);
  const wholeRequirements = [...new Set([...top.map((r) => r.module_id), ...bigModules])].slice(0, 3);

  const modulesBySpace = new Map<number, { id: string; weight: number }[]>();
  for (const m of w.modules) modulesBySpace.set(m.spaceIdx, [...(modulesBySpace.get(m.spaceIdx) ?? []), m]);
  const spacesWithModules = w.spaces.filter((s) => modulesBySpace.has(s.idx));
  const regionWeights = w.regions.map(
    (_, i) => w.organisations.filter((o) => o.regionIdx === i).length + 0.5,
  );

  const seminars: object[] = [];
  const requirements: object[] = [];
  for (let i = 0; i < plan.seminars; i++) {
    const whole = i === 0;
    const regionIdx = whole ? 0 : rng.weighted(regionWeights);
    const region = w.regions[regionIdx];
    const nearSpaces = spacesWithModules.filter((s) => s.regionIdx === null || s.regionIdx === regionIdx);
    const r = rng.next();
    const audience = whole ? 'organisations' : r < 0.5 ? 'region' : r < 0.8 ? 'organisations' : 'space';
    const space =
      audience === 'space' || rng.chance(0.3)
        ? rng.pick(nearSpaces.length ? nearSpaces : spacesWithModules)
        : null;
    let orgIds: string[] = [];
    if (whole) orgIds = w.organisations.map((o) => o.id);
    else if (audience === 'organisations') {
      const local = w.organisations.filter((o) => o.regionIdx === regionIdx);
      orgIds = rng.sample(local.length ? local : w.organisations, rng.int(1, 4)).map((o) => o.id);
      if (rng.chance(0.2)) orgIds = [...new Set([...orgIds, rng.pick(w.organisations).id])];
    }

    // Requirements: modules the audience can follow (its space's, or the national and regional ones), popular ones more often.
    let chosen: string[];
    if (whole) chosen = wholeRequirements;
    else {
      const inSpaces = (spaces: { idx: number }[]) => spaces.flatMap((s) => modulesBySpace.get(s.idx) ?? []);
      const near = audience === 'space' && space ? inSpaces([space]) : inSpaces(nearSpaces);
      const pool = near.length ? near : w.modules;
      const n = Math.min(pool.length, rng.int(1, 3));
      const left = [...pool];
      chosen = [];
      while (chosen.length < n) chosen.push(left.splice(rng.weighted(left.map((m) => m.weight)), 1)[0].id);
    }
    const minPercents = whole ? [50, 75, 100] : chosen.map(() => rng.pick(MIN_PERCENTS));
    const k = whole ? 2 : rng.int(1, chosen.length);

    const id = randomUUID();
    if (whole) w.wholeAudienceSeminarId = id;
    const startsAt = new Date(now + (whole ? 120 : rng.int(14, 180)) * day);
    startsAt.setUTCHours(rng.pick([8, 9, 13]), 0, 0, 0);
    const endsAt = new Date(startsAt.getTime() + rng.int(3, 8) * 3_600_000);
    const opensAt = new Date(now - rng.int(1, 20) * day);
    const online = rng.chance(0.2);
    const topic = rng.pick(SEMINAR_TOPICS);
    const staff = w.staff[regionIdx];
    seminars.push({
      id,
      region_id: region.id,
      space_id: space?.id ?? null,
      kind: topic.fr.startsWith('Atelier') ? 'workshop' : 'seminar',
      title: whole
        ? {
            fr: 'Forum national de la société civile',
            ar: 'المنتدى الوطني للمجتمع المدني',
            en: 'National civil society forum',
          }
        : {
            fr: `${topic.fr} – ${region.name}`,
            ar: `${topic.ar} – ${region.name}`,
            en: `${topic.en} – ${region.name}`,
          },
      description: {
        fr: 'Une journée de travail entre associations : exposés, ateliers en petits groupes et restitution.',
        ar: 'يوم عمل بين الجمعيات: مداخلات وورشات في مجموعات صغيرة.',
        en: 'A working day between associations: talks, small-group workshops and a wrap-up.',
      },
      original_language: rng.chance(0.7) ? 'fr' : rng.chance(0.85) ? 'ar' : 'en',
      venue: online ? null : `${rng.pick(VENUES)} de ${region.name}`,
      address: online ? null : `${rng.int(1, 120)} avenue Habib Bourguiba, ${region.name}`,
      online_url: online || rng.chance(0.1) ? `https://meet.pratique.tn/bench-${i}` : null,
      starts_at: startsAt.toISOString(),
      ends_at: endsAt.toISOString(),
      capacity: whole ? 60 : rng.int(20, 60),
      registration_opens_at: opensAt.toISOString(),
      registration_closes_at: new Date(startsAt.getTime() - day).toISOString(),
      audience,
      audience_organisation_ids: orgIds,
      requires_confirmation: !whole && rng.chance(0.2),
      status: 'open',
      rule_k: k,
      created_by: staff.id,
      created_at: new Date(opensAt.getTime() - rng.int(1, 10) * day).toISOString(),
      updated_at: opensAt.toISOString(),
    });
    chosen.forEach((moduleId, position) =>
      requirements.push({
        seminar_id: id,
        module_id: moduleId,
        min_percent: minPercents[position],
        position,
      }),
    );
  }

  await w.progress.phase('seminars, requirements', seminars.length + requirements.length, async (tick) => {
    await insertRecords(
      db,
      'seminar',
      [
        ['id', 'uuid'],
        ['region_id', 'uuid'],
        ['space_id', 'uuid'],
        ['kind', 'varchar'],
        ['title', 'jsonb'],
        ['description', 'jsonb'],
        ['original_language', 'varchar'],
        ['venue', 'varchar'],
        ['address', 'varchar'],
        ['online_url', 'varchar'],
        ['starts_at', 'timestamptz'],
        ['ends_at', 'timestamptz'],
        ['capacity', 'int'],
        ['registration_opens_at', 'timestamptz'],
        ['registration_closes_at', 'timestamptz'],
        ['audience', 'varchar'],
        ['audience_organisation_ids', 'uuid[]'],
        ['requires_confirmation', 'boolean'],
        ['status', 'varchar'],
        ['rule_k', 'int'],
        ['created_by', 'uuid'],
        ['created_at', 'timestamptz'],
        ['updated_at', 'timestamptz'],
      ],
      seminars,
      tick,
    );
    await insertRecords(
      db,
      'seminar_requirement',
      [
        ['seminar_id', 'uuid'],
        ['module_id', 'uuid'],
        ['min_percent', 'int'],
        ['position', 'int'],
      ],
      requirements,
      tick,
    );
  });
}
