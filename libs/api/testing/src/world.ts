/** A small world with one actor per role, shared by the permission tests. */
import { Agent, signedIn, TestApp } from './test-app';
import { makeRegion, makeUser, MadeUser } from './factories';

export interface World {
  regionA: { id: string };
  regionB: { id: string };
  users: Record<'admin' | 'staffA' | 'staffB' | 'memberA' | 'memberB', MadeUser>;
  as: Record<'anonymous' | 'admin' | 'staffA' | 'staffB' | 'memberA' | 'memberB', Agent>;
}

export async function makeWorld(t: TestApp): Promise<World> {
  const db = t.dataSource;
  const regionA = await makeRegion(db);
  const regionB = await makeRegion(db);
  const users = {
    admin: await makeUser(db, { regionId: regionA.id, admin: true }),
    staffA: await makeUser(db, { regionId: regionA.id, staffOf: [regionA.id] }),
    staffB: await makeUser(db, { regionId: regionB.id, staffOf: [regionB.id] }),
    memberA: await makeUser(db, { regionId: regionA.id }),
    memberB: await makeUser(db, { regionId: regionB.id }),
  };
  const as = {
    anonymous: t.agent(),
    admin: await signedIn(t, users.admin),
    staffA: await signedIn(t, users.staffA),
    staffB: await signedIn(t, users.staffB),
    memberA: await signedIn(t, users.memberA),
    memberB: await signedIn(t, users.memberB),
  };
  return { regionA, regionB, users, as };
}
