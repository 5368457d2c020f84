/**
 * Browser journey: an admin suspends a member from the roles page (reason, confirmation step);
 * the member's open browser is signed out on its next navigation, and signing in again says the
 * account is suspended. The admin reinstates the account and the member signs in again.
 */
import { makeRegion, makeUser, startTestServer, TEST_PASSWORD, TestServer } from '@pratique/api/testing';
import { randomBytes } from 'crypto';
import { resolve } from 'path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { expectAccessible, launchChromium, prepareWebBuild, SHOTS, signInThroughUi } from './learning-support';

const suffix = randomBytes(3).toString('hex');

describe('journey: an admin suspends and reinstates a member', () => {
  let server: TestServer;
  let browser: Browser;
  let adminContext: BrowserContext;
  let memberContext: BrowserContext;
  let admin: Page;
  let member: Page;
  let memberUser: { email: string };
  const memberName = `Nadia Suspendue ${suffix}`;

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const region = await makeRegion(server.dataSource, `Région ${suffix}`);
    const adminUser = await makeUser(server.dataSource, { regionId: region.id, admin: true, displayName: `Admin ${suffix}` });
    memberUser = await makeUser(server.dataSource, { regionId: region.id, displayName: memberName });
    browser = await launchChromium();
    adminContext = await browser.newContext({ locale: 'fr-FR' });
    memberContext = await browser.newContext({ locale: 'fr-FR' });
    admin = await adminContext.newPage();
    member = await memberContext.newPage();
    await signInThroughUi(admin, server.url, adminUser.email, '/admin/roles');
    await signInThroughUi(member, server.url, memberUser.email, '/notifications');
  });

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  it('suspends with a reason after confirming, ends the member’s session, refuses sign-in, then reinstates', async () => {
    await admin.goto(`${server.url}/admin/roles`);
    await admin.getByLabel('Rechercher une personne (nom ou e-mail)').fill(memberUser.email);
    await admin.getByRole('button', { name: 'Rechercher' }).click();
    const card = admin.locator('pq-user-roles', { hasText: memberUser.email });
    await card.waitFor();

    // No reason: the field says what is missing, nothing is sent.
    await card.getByRole('button', { name: `Suspendre le compte — ${memberName}` }).click();
    await card.getByText('Indiquez un motif d’au moins 3 caractères.').waitFor();
    await card.getByLabel('Motif de la suspension (conservé dans le journal d’audit)').fill('Messages abusifs signalés');
    await card.getByRole('button', { name: `Suspendre le compte — ${memberName}` }).click();
    await card.getByText(`${memberName} sera déconnecté·e de tous ses appareils`, { exact: false }).waitFor();
    await expectAccessible(admin, 'suspension confirmation');
    await card.getByRole('button', { name: 'Oui, suspendre' }).click();
    await card.getByText('Compte suspendu ; sessions fermées : 1.').waitFor();
    await card.getByTestId('suspended').waitFor();
    await card.getByText('Messages abusifs signalés').waitFor();
    await expectAccessible(admin, 'suspended account');
    await card.screenshot({ path: resolve(SHOTS, 'suspension-admin-fr.png') });

    // The member's open browser: the next navigation finds the session gone.
    await member.goto(`${server.url}/notifications`);
    await member.waitForURL(/\/sign-in\?returnUrl=/);
    await member.getByLabel('Adresse e-mail').fill(memberUser.email);
    await member.getByLabel('Mot de passe').fill(TEST_PASSWORD);
    await member.getByRole('button', { name: 'Se connecter' }).last().click();
    await member.getByText('Ce compte est suspendu.', { exact: false }).waitFor();
    await expectAccessible(member, 'sign-in of a suspended account');
    await member.screenshot({ path: resolve(SHOTS, 'suspension-member-sign-in-fr.png'), fullPage: true });

    // Reinstated: the member signs in again.
    await card.getByRole('button', { name: `Rétablir le compte — ${memberName}` }).click();
    await card.getByText('Compte rétabli', { exact: false }).waitFor();
    await member.getByRole('button', { name: 'Se connecter' }).last().click();
    await member.getByRole('button', { name: 'Se déconnecter' }).waitFor();
  });
});
