/**
 * Signed-in sessions for many members without a thousand password hashes: one member signs in
 * through the real route, and its session row (what express-session and passport wrote) is copied
 * for each other member with their id, under a new session id and its signed cookie.
 */
import { AppConfig, SESSION_COOKIE } from '@pratique/api/platform';
import { MadeUser, TestApp } from '@pratique/api/testing';
import { ApiRoutes } from '@pratique/contracts';
import { createHmac, randomBytes } from 'crypto';

/** express-session's cookie value: `s:` + id + `.` + HMAC-SHA256 (cookie-signature), URL-encoded. */
function signedCookie(sid: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${sid}.${mac}`)}`;
}

/** A Cookie header per member id, in order; the sessions live in the app's database. */
export async function sessionsFor(t: TestApp, signer: MadeUser, userIds: string[]): Promise<string[]> {
  const res = await t.agent().post(ApiRoutes.auth.signIn).send({ email: signer.email, password: signer.password });
  if (res.status !== 200) throw new Error(`sign-in of ${signer.email} failed: ${res.status}`);
  const raw = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!raw) throw new Error('the sign-in set no session cookie');
  const value = decodeURIComponent(raw.split(';')[0].slice(SESSION_COOKIE.length + 1));
  const template = value.slice(2, value.lastIndexOf('.'));
  const sids = userIds.map(() => randomBytes(24).toString('base64url'));
  await t.dataSource.query(
    `INSERT INTO "session" (sid, sess, expire)
     SELECT x.sid, jsonb_set(s.sess::jsonb, '{passport,user}', to_jsonb(x.user_id))::json, s.expire
       FROM "session" s, unnest($2::text[], $3::text[]) AS x(sid, user_id)
      WHERE s.sid = $1`,
    [template, sids, userIds],
  );
  const secret = t.app.get(AppConfig).get('SESSION_SECRET');
  return sids.map((sid) => signedCookie(sid, secret));
}
