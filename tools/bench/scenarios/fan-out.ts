/**
 * 6. Fan-out: a module published in the 20,000-member space, from the outbox row to the last
 * in-app notification (relay → queue → worker's INSERT … SELECT), against one raw bulk insert
 * of the same notification rows in the same run (in a transaction rolled back afterwards).
 */
import { medianMs, Scenario, waitForIdleWorker } from '../lib/context';

export const fanOut: Scenario = async (ctx) => {
  const { db, options } = ctx;
  const spaceId = ctx.manifest.bigSpaceId;
  ctx.step('Fan-out: waiting until the worker has finished the earlier scenarios’ events');
  const drainedMs = await waitForIdleWorker(ctx);
  const {
    rows: [{ n: expected }],
  } = await db.query(
    `SELECT count(*)::int AS n FROM space_member sm JOIN app_user u ON u.id = sm.user_id
      WHERE sm.space_id = $1 AND u.deleted_at IS NULL AND u.suspended_at IS NULL`,
    [spaceId],
  );
  ctx.step(
    `Fan-out: raw bulk insert of ${expected.toLocaleString('en')} notification rows (×${options.repeats}, rolled back)`,
  );
  const rawMs = await medianMs(options.repeats, async () => {
    await db.query('BEGIN');
    try {
      await db.query(
        `INSERT INTO notification (user_id, outbox_id, type, payload, channel)
         SELECT sm.user_id, 0, 'module.published', jsonb_build_object('spaceId', $1::text, 'title', '{"fr":"Brut"}'::jsonb), 'in_app'
           FROM space_member sm JOIN app_user u ON u.id = sm.user_id
          WHERE sm.space_id = $1::uuid AND u.deleted_at IS NULL AND u.suspended_at IS NULL`,
        [spaceId],
      );
    } finally {
      await db.query('ROLLBACK');
    }
  });

  const {
    rows: [mod],
  } = await db.query(
    `INSERT INTO module (space_id, title, original_language, status) VALUES ($1, '{"fr":"Module banc d’essai : diffusion"}', 'fr', 'published') RETURNING id`,
    [spaceId],
  );
  ctx.step(`Fan-out: one module.published event to ${expected.toLocaleString('en')} members`);
  const t0 = Date.now();
  const {
    rows: [event],
  } = await db.query(`INSERT INTO outbox (type, payload) VALUES ('module.published', $1) RETURNING id`, [
    JSON.stringify({ moduleId: mod.id, spaceId, publishedBy: null }),
  ]);
  let notified = 0;
  for (;;) {
    notified = (
      await db.query(`SELECT count(*)::int AS n FROM notification WHERE outbox_id = $1`, [event.id])
    ).rows[0].n;
    if (notified >= expected) break;
    if (Date.now() - t0 > 300_000)
      throw new Error(`the fan-out did not finish in 5 minutes (${notified} of ${expected} notified)`);
    await new Promise((r) => setTimeout(r, 20));
  }
  const fanOutMs = Date.now() - t0;
  const ratio = Math.round((fanOutMs / rawMs) * 100) / 100;
  return {
    id: '6',
    name: `Fan-out of one event to ${expected.toLocaleString('en')} members`,
    ratio,
    goal: { max: 5 },
    met: ratio <= 5 && notified === expected,
    basis: `${fanOutMs} ms from the outbox row to the last notification (polled every 20 ms) against ${rawMs} ms for one raw INSERT … SELECT of the same rows`,
    outcome: { expected, notified },
    notes: [
      `${notified.toLocaleString('en')} notifications written, ${Math.round((notified / fanOutMs) * 1000).toLocaleString('en')} per second.`,
      `Started once the worker was idle (${(drainedMs / 1000).toFixed(1)} s spent finishing the earlier scenarios' events).`,
    ],
  };
};
