/**
 * 5. The staff dashboard of a seminar whose audience is every member: one page of it over HTTP,
 * against one raw GROUP BY scan of the progress table in the same run; then the CSV export of
 * the whole audience, streamed, with the API's resident memory sampled while it flows.
 */
import { request } from 'undici';
import { medianMs, Scenario } from '../lib/context';

export const staffDashboard: Scenario = async (ctx) => {
  const { db, api, adminCookie, options } = ctx;
  const seminarId = ctx.manifest.wholeAudienceSeminarId;
  const page = async () => {
    const res = await request(`${api.url}/api/seminars/${seminarId}/dashboard?page=1&pageSize=50&sort=status`, { headers: { cookie: adminCookie } });
    const body = (await res.body.json()) as { total?: number };
    if (res.statusCode !== 200) throw new Error(`the dashboard answered ${res.statusCode}: ${JSON.stringify(body)}`);
    return body.total ?? 0;
  };
  ctx.step('Staff dashboard: warm-up');
  const audience = await page();
  await page();
  await db.query(`SELECT user_id, count(*) FILTER (WHERE status = 'completed') FROM lesson_progress GROUP BY user_id`);
  ctx.step(`Staff dashboard: ${options.repeats} pages over an audience of ${audience.toLocaleString('en')}, and ${options.repeats} raw scans`);
  const dashboardMs = await medianMs(options.repeats, page);
  const scanMs = await medianMs(options.repeats, () => db.query(`SELECT user_id, count(*) FILTER (WHERE status = 'completed') AS completed, count(*) AS rows FROM lesson_progress GROUP BY user_id`));
  const ratio = Math.round((dashboardMs / scanMs) * 100) / 100;

  ctx.step('Staff dashboard: CSV export of the whole audience');
  const before = api.rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, api.rssMb())), 20);
  const t0 = Date.now();
  const res = await request(`${api.url}/api/seminars/${seminarId}/dashboard.csv`, { headers: { cookie: adminCookie } });
  if (res.statusCode !== 200) throw new Error(`the CSV export answered ${res.statusCode}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of res.body) {
    bytes += (chunk as Buffer).length;
    for (const c of chunk as Buffer) if (c === 10) lines++;
  }
  const csvMs = Date.now() - t0;
  clearInterval(sampler);
  const growth = peak - before;
  const csvMb = bytes / 1024 / 1024;
  return {
    id: '5',
    name: `Staff dashboard over ${audience.toLocaleString('en')} members`,
    ratio,
    goal: { max: 3 },
    met: ratio <= 3,
    basis: `one dashboard page ${dashboardMs} ms (median of ${options.repeats}) against ${scanMs} ms for one raw GROUP BY scan of lesson_progress`,
    outcome: { audience, csvRows: Math.max(0, lines - 1), csvMb: Math.round(csvMb * 10) / 10, rssGrowthMb: growth, csvMs },
    notes: [
      `CSV export: ${(lines - 1).toLocaleString('en')} rows, ${csvMb.toFixed(1)} MB in ${(csvMs / 1000).toFixed(1)} s; the API's resident memory went from ${before} MB to a peak of ${peak} MB (+${growth} MB) while it streamed.`,
    ],
  };
};
