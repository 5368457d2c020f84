/** 7. The member's home: their modules with percent and their upcoming seminars with eligibility. */
import { assertClean, pick, queriesPerRequest, ratioResult, Scenario } from '../lib/context';
import { loadBesideBaseline } from './baselines';
import { short } from './eligibility';

export const memberHome: Scenario = async (ctx) => {
  const cookies = ctx.manifest.sampleMembers.map((m) => ctx.memberCookies.get(m.userId) ?? '');
  const request = (cookie: string) => ({ path: '/api/me/home', headers: { cookie } });
  ctx.step(`Member home: ${cookies.length} members`);
  const { result: r, reference, basis } = await loadBesideBaseline(ctx, () => request(pick(cookies)));
  assertClean('member home', r);
  const q = await queriesPerRequest(ctx, cookies.slice(0, 20).map(request));
  return {
    ...ratioResult('7', 'Member home (my modules, my seminars with eligibility)', r, reference, 0.5, basis),
    queriesPerRequest: { min: q.min, max: q.max },
    notes: [`Queries: ${q.sample.map(short).join(' · ')}.`],
  };
};
