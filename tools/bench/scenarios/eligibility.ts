/** 2. Eligibility of one member for one seminar (the gate's explanation), many members at once. */
import { assertClean, pick, queriesPerRequest, ratioResult, Scenario } from '../lib/context';
import { loadBesideBaseline } from './baselines';

export const eligibility: Scenario = async (ctx) => {
  const pairs = ctx.manifest.sampleMembers.flatMap((m) =>
    m.seminarIds.map((seminarId) => ({ cookie: ctx.memberCookies.get(m.userId) ?? '', seminarId })),
  );
  const request = (p: (typeof pairs)[number]) => ({
    path: `/api/seminars/${p.seminarId}/eligibility`,
    headers: { cookie: p.cookie },
  });
  ctx.step(`Eligibility: ${pairs.length} member × seminar pairs`);
  const { result: r, reference, basis } = await loadBesideBaseline(ctx, () => request(pick(pairs)));
  assertClean('eligibility', r);
  const q = await queriesPerRequest(ctx, pairs.slice(0, 20).map(request));
  const base = ratioResult('2', 'Eligibility of one member for one seminar', r, reference, 0.8, basis);
  const p99Met = r.p99 <= 25;
  return {
    ...base,
    met: base.met && p99Met,
    queriesPerRequest: { min: q.min, max: q.max },
    notes: [
      `p99 ${r.p99} ms against the 25 ms limit (${p99Met ? 'met' : 'NOT met'}).`,
      `Queries: ${q.sample.map(short).join(' · ')}.`,
    ],
  };
};

export const short = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 48);
