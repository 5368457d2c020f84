/** 3. Recording lesson progress: the progress upsert and the module percent refresh, in one transaction. */
import { assertClean, pick, queriesPerRequest, ratioResult, Scenario } from '../lib/context';
import { loadBesideBaseline } from './baselines';
import { short } from './eligibility';

export const progress: Scenario = async (ctx) => {
  const lessons = ctx.manifest.sampleLessons.map((l) => ({
    ...l,
    cookie: ctx.memberCookies.get(l.userId) ?? '',
  }));
  const request = (l: (typeof lessons)[number]) => ({
    method: 'POST' as const,
    path: `/api/lessons/${l.lessonId}/complete`,
    headers: { cookie: l.cookie },
    body: '{}',
  });
  ctx.step(`Progress: "mark as done" on ${lessons.length} member × lesson pairs`);
  const { result: r, reference, basis } = await loadBesideBaseline(ctx, () => request(pick(lessons)));
  assertClean('progress', r);
  const q = await queriesPerRequest(ctx, lessons.slice(0, 20).map(request));
  return {
    ...ratioResult('3', 'Recording lesson progress', r, reference, 0.5, basis),
    queriesPerRequest: { min: q.min, max: q.max },
    notes: [`Queries: ${q.sample.map(short).join(' · ')}.`],
  };
};
