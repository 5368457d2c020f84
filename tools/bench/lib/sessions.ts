/**
 * Signed-in sessions for thousands of members without thousands of password hashes: the admin
 * signs in through the real route, and the session row express-session and passport wrote is
 * copied for each member under a new id, with its signed cookie.
 */
import { createHmac, randomBytes } from 'crypto';
import { Client } from 'pg';

export const SESSION_COOKIE = 'pratique.sid';

function signedCookie(sid: string, secret: string): string {
  const mac = createHmac('sha256', secret).update(sid).digest('base64').replace(/=+$/, '');
  return `${SESSION_COOKIE}=${encodeURIComponent(`s:${sid}.${mac}`)}`;
}

/** Signs in through the API; returns the Cookie header. */
export async function signIn(apiUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${apiUrl}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const raw = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  if (!raw) throw new Error('the sign-in set no session cookie');
  return raw.split(';')[0];
}

/** A Cookie header per user id, in order, cloned from the signed-in `template` cookie. */
export async function cloneSessions(db: Client, template: string, secret: string, userIds: string[]): Promise<string[]> {
  const value = decodeURIComponent(template.slice(SESSION_COOKIE.length + 1));
  const templateSid = value.slice(2, value.lastIndexOf('.'));
  const sids = userIds.map(() => randomBytes(24).toString('base64url'));
  const { rowCount } = await db.query(
    `INSERT INTO "session" (sid, sess, expire)
     SELECT x.sid, jsonb_set(s.sess::jsonb, '{passport,user}', to_jsonb(x.user_id))::json, s.expire
       FROM "session" s, unnest($2::text[], $3::text[]) AS x(sid, user_id)
      WHERE s.sid = $1`,
    [templateSid, sids, userIds],
  );
  if (rowCount !== userIds.length) throw new Error(`cloned ${rowCount} sessions of ${userIds.length}: the template session was not found`);
  return sids.map((sid) => signedCookie(sid, secret));
}
