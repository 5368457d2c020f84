/**
 * Browser journey: the accessibility sweep. Seeds one of everything (a public space with a module,
 * a quiz, a certificate, a seminar with registrations, threads, resources, a directory profile,
 * skills offers, needs and sessions, notifications), then opens every routed page (the home page
 * aside: it has its own journey) as the persona who may see it, in French, Arabic and English.
 * On each page: axe (WCAG 2.0/2.1/2.2 A and AA, every violation fails), `<html lang dir>` of the
 * language, the skip link first in the tab order and moving focus to `<main>`, exactly one `<h1>`.
 * At 360 px wide nothing scrolls sideways (French and Arabic). Screenshots of every page in Arabic
 * and at 360 px in French land in test-output/screenshots/a11y-*.png. A last test tabs through the
 * sign-up form and the header menu (focus always visible) and submits the form empty (errors
 * announced, fields invalid and described by their message, focus on the first one).
 * Shares the run's database (factories with a unique suffix); no worker is needed.
 */
import {
  TEST_PASSWORD,
  TestServer,
  addToSpace,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSeminar,
  makeSkillOffer,
  makeSkillRequest,
  makeSkillSession,
  makeSpace,
  makeUser,
  startTestServer,
  uid,
} from '@pratique/api/testing';
import { Language, LessonKind, ResourceDetail, SpaceRole, ThreadDetail } from '@pratique/contracts';
import { resolve } from 'path';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { SHOTS, apiAs, expectAccessible, launchChromium, prepareWebBuild } from './learning-support';

type Persona = 'anonymous' | 'member' | 'animator' | 'staff' | 'admin';

/** One page of the sweep: where it is, who opens it. */
interface Stop {
  name: string;
  path: string;
  as: Persona;
}

const suffix = uid();
const LANGS: Language[] = ['fr', 'ar', 'en'];

describe('journey: accessibility sweep — every page, three languages, keyboard, 360 px', () => {
  let server: TestServer;
  let browser: Browser;
  const emails = {} as Record<Exclude<Persona, 'anonymous'>, string>;
  const ids = {} as Record<Exclude<Persona, 'anonymous'>, string>;
  let stops: Stop[] = [];
  const pageErrors: string[] = [];
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    prepareWebBuild();
    server = await startTestServer();
    const db = server.dataSource;
    const region = await makeRegion(db, `Kairouan ${suffix}`);
    const org = await makeOrganisation(db, region.id, `Association Jasmin ${suffix}`);
    const person = (displayName: string, extra: Partial<Parameters<typeof makeUser>[1]> = {}) =>
      makeUser(db, { regionId: region.id, organisationId: org.id, displayName, ...extra });
    const member = await person(`Amira Membre ${suffix}`);
    const animator = await person(`Nadia Animatrice ${suffix}`);
    const staff = await person(`Sami Bureau ${suffix}`, { staffOf: [region.id] });
    const admin = await person(`Hela Admin ${suffix}`, { admin: true });
    for (const [k, u] of Object.entries({ member, animator, staff, admin }) as [
      keyof typeof ids,
      typeof member,
    ][]) {
      emails[k] = u.email;
      ids[k] = u.id;
    }

    // A public space: the member and the animator in it, a module (a page and a quiz), a second
    // module the member completes (their certificate), threads, resources, a seminar.
    const space = await makeSpace(db, { title: `Gouvernance locale ${suffix}` });
    await addToSpace(db, space.id, member.id);
    await addToSpace(db, space.id, staff.id);
    await addToSpace(db, space.id, animator.id, SpaceRole.Animator);
    const mod = await makeModule(db, space.id, {
      title: `Le budget participatif ${suffix}`,
      lessons: [
        { kind: LessonKind.Page, title: 'Introduction' },
        { kind: LessonKind.Quiz, title: 'Quiz' },
      ],
    });
    const done = await makeModule(db, space.id, { title: `Les bases ${suffix}`, lessons: [{}] });
    const asMember = await apiAs(server.url, member.email);
    const asAnimator = await apiAs(server.url, animator.email);
    await asMember.json('POST', `/api/lessons/${mod.lessonIds[0]}/complete`, {});
    await asMember.json('POST', `/api/lessons/${done.lessonIds[0]}/complete`, {});
    const [{ certificate_code: code }] = await db.query(
      `SELECT certificate_code FROM enrollment WHERE user_id = $1 AND module_id = $2`,
      [member.id, done.id],
    );
    if (!code) throw new Error('the completed module gave no certificate');

    const thread = await asMember.json<ThreadDetail>('POST', `/api/spaces/${space.slug}/threads`, {
      kind: 'question',
      title: `Comment préparer une assemblée générale ? ${suffix}`,
      body: 'Quelles étapes, et dans quel ordre ?',
    });
    await asAnimator.json('POST', `/api/threads/${thread.id}/replies`, {
      body: 'D’abord la convocation, quinze jours avant.',
    });
    const resource = await asAnimator.json<ResourceDetail>('POST', `/api/spaces/${space.slug}/resources`, {
      kind: 'link',
      title: `Guide de l’assemblée générale ${suffix}`,
      description: 'Un guide pas à pas.',
      language: 'fr',
      url: 'https://example.org/guide',
    });
    await asMember.json('POST', `/api/spaces/${space.slug}/resources`, {
      kind: 'link',
      title: `Modèle de procès-verbal ${suffix}`,
      language: 'fr',
      url: 'https://example.org/pv',
    });

    const seminar = await makeSeminar(db, { regionId: region.id, spaceId: space.id, startsInDays: 12 });
    await asMember.json('POST', `/api/seminars/${seminar.id}/registrations`, {});

    // The member's directory entry, skills offer, their organisation's need and a session.
    await asMember.json('PUT', '/api/me/profile', {
      bio: 'Trésorière d’une association de quartier.',
      skills: ['budget', 'plaidoyer'],
      listed: true,
      showRegion: true,
      showOrganisations: true,
      showSkills: true,
      showSpaces: true,
    });
    const offer = await makeSkillOffer(db, {
      authorId: member.id,
      skills: ['budget', 'plaidoyer'],
      title: `Accompagnement budgétaire ${suffix}`,
      regionId: region.id,
    });
    const request = await makeSkillRequest(db, {
      organisationId: org.id,
      authorId: member.id,
      skills: ['budget'],
      title: `Construire notre premier budget ${suffix}`,
      regionId: region.id,
    });
    await makeSkillSession(db, { offerId: offer.id, requestId: request.id, status: 'proposed' });

    // Two notifications of the member, as the worker writes them.
    for (const [i, [type, payload]] of (
      [
        [
          'registration.confirmed',
          { seminarId: seminar.id, title: { fr: 'Séminaire de test' }, originalLanguage: 'fr' },
        ],
        [
          'role.granted',
          {
            role: 'animator',
            spaceSlug: space.slug,
            title: { fr: 'Gouvernance locale' },
            originalLanguage: 'fr',
          },
        ],
      ] as const
    ).entries())
      await db.query(`INSERT INTO notification (user_id, outbox_id, type, payload) VALUES ($1, $2, $3, $4)`, [
        member.id,
        -2_000_000_000 - i - Math.floor(Math.random() * 1e6) * 10,
        type,
        JSON.stringify(payload),
      ]);

    const s = `/spaces/${space.slug}`;
    stops = [
      // Anyone.
      { name: 'sign-in', path: '/sign-in', as: 'anonymous' },
      { name: 'sign-up', path: '/sign-up', as: 'anonymous' },
      { name: 'spaces', path: '/spaces', as: 'anonymous' },
      { name: 'space', path: s, as: 'anonymous' },
      { name: 'discussions', path: `${s}/discussions`, as: 'anonymous' },
      { name: 'thread', path: `/discussions/${thread.id}`, as: 'anonymous' },
      { name: 'toolbox', path: `${s}/toolbox`, as: 'anonymous' },
      { name: 'resource', path: `/resources/${resource.id}`, as: 'anonymous' },
      { name: 'module', path: `/modules/${mod.id}`, as: 'anonymous' },
      { name: 'certificate', path: `/certificates/${code}`, as: 'anonymous' },
      { name: 'not-found', path: `/nowhere-${suffix}`, as: 'anonymous' },
      { name: 'forbidden', path: '/forbidden', as: 'anonymous' },
      // A member.
      { name: 'my-spaces', path: '/my-spaces', as: 'member' },
      { name: 'space-member', path: s, as: 'member' },
      { name: 'my-modules', path: '/my-modules', as: 'member' },
      { name: 'module-member', path: `/modules/${mod.id}`, as: 'member' },
      { name: 'lesson-page', path: `/modules/${mod.id}/lessons/${mod.lessonIds[0]}`, as: 'member' },
      { name: 'lesson-quiz', path: `/modules/${mod.id}/lessons/${mod.lessonIds[1]}`, as: 'member' },
      { name: 'seminars', path: '/seminars', as: 'member' },
      { name: 'seminar', path: `/seminars/${seminar.id}`, as: 'member' },
      { name: 'check-in', path: `/seminars/${seminar.id}/check-in`, as: 'member' },
      { name: 'thread-member', path: `/discussions/${thread.id}`, as: 'member' },
      { name: 'thread-new', path: `${s}/discussions/new`, as: 'member' },
      { name: 'contribute', path: `${s}/toolbox/new`, as: 'member' },
      { name: 'members', path: '/members', as: 'member' },
      { name: 'member', path: `/members/${member.id}`, as: 'member' },
      { name: 'member-edit', path: '/members/me/edit', as: 'member' },
      { name: 'skills', path: '/skills', as: 'member' },
      { name: 'offer', path: `/skills/offers/${offer.id}`, as: 'member' },
      { name: 'offer-new', path: '/skills/offers/new', as: 'member' },
      { name: 'offer-edit', path: `/skills/offers/${offer.id}/edit`, as: 'member' },
      { name: 'request', path: `/skills/requests/${request.id}`, as: 'member' },
      { name: 'request-new', path: '/skills/requests/new', as: 'member' },
      { name: 'request-edit', path: `/skills/requests/${request.id}/edit`, as: 'member' },
      { name: 'skill-sessions', path: '/skills/sessions', as: 'member' },
      { name: 'contributor', path: `/skills/contributors/${member.id}`, as: 'member' },
      { name: 'flagged-refused', path: '/skills/flagged', as: 'member' },
      { name: 'feed', path: '/feed', as: 'member' },
      { name: 'notifications', path: '/notifications', as: 'member' },
      { name: 'notification-preferences', path: '/notifications/preferences', as: 'member' },
      { name: 'profile', path: '/profile', as: 'member' },
      // An animator of the space.
      { name: 'space-animator', path: s, as: 'animator' },
      { name: 'moderation', path: `${s}/toolbox/moderation`, as: 'animator' },
      { name: 'module-animator', path: `/modules/${mod.id}`, as: 'animator' },
      // Regional staff.
      { name: 'seminar-new', path: '/seminars/new', as: 'staff' },
      { name: 'seminar-edit', path: `/seminars/${seminar.id}/edit`, as: 'staff' },
      { name: 'seminar-dashboard', path: `/seminars/${seminar.id}/dashboard`, as: 'staff' },
      { name: 'flagged', path: '/skills/flagged', as: 'staff' },
      { name: 'region-feed', path: `/feed?region=${region.id}`, as: 'staff' },
      { name: 'new-space', path: '/admin/spaces/new', as: 'staff' },
      // An admin.
      { name: 'admin-regions', path: '/admin/regions', as: 'admin' },
      { name: 'admin-organisations', path: '/admin/organisations', as: 'admin' },
      { name: 'admin-roles', path: '/admin/roles', as: 'admin' },
      { name: 'admin-queues', path: '/admin/queues', as: 'admin' },
      { name: 'admin-audit-log', path: '/admin/audit-log', as: 'admin' },
      // Refused: a member on a staff page.
      { name: 'forbidden-redirect', path: '/seminars/new', as: 'member' },
    ];
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  /** A browser context of the persona in the language: its session cookie, and the language stored on the device. */
  async function openAs(who: Persona, lang: Language, width = 1280): Promise<Page> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'fr-FR' });
    contexts.push(context);
    await context.addInitScript((l) => localStorage.setItem('pratique.language', l), lang);
    if (who !== 'anonymous') {
      // The user's preferred language wins once signed in: set it to the language of the sweep.
      const api = await apiAs(server.url, emails[who]);
      await api.json('PATCH', '/api/auth/me', { preferredLanguage: lang });
      const res = await fetch(`${server.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: emails[who], password: TEST_PASSWORD }),
      });
      const host = new URL(server.url).hostname;
      await context.addCookies(
        res.headers.getSetCookie().map((c) => {
          const [pair] = c.split(';');
          const at = pair.indexOf('=');
          return {
            name: pair.slice(0, at),
            value: pair.slice(at + 1),
            domain: host,
            path: '/',
            httpOnly: true,
          };
        }),
      );
    }
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('pageerror', (err) => pageErrors.push(`${who}/${lang}: ${String(err)}`));
    return page;
  }

  /** Opens the page and waits until it has drawn: its h1, the network quiet, the language applied. */
  async function visit(page: Page, stop: Stop, lang: Language): Promise<void> {
    await page.goto(`${server.url}${stop.path}`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForFunction((l) => document.documentElement.lang === l, lang);
    await page.waitForTimeout(250);
  }

  /** What is wrong on the page, as sentences (empty when all is well). */
  async function checkPage(page: Page, stop: Stop, lang: Language): Promise<string[]> {
    const where = `${stop.name} (${lang})`;
    const problems: string[] = [];
    const html = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      dir: document.documentElement.dir,
      h1: document.querySelectorAll('h1').length,
    }));
    if (html.lang !== lang) problems.push(`${where}: <html lang="${html.lang}">`);
    const wantDir = lang === 'ar' ? 'rtl' : 'ltr';
    if (html.dir !== wantDir) problems.push(`${where}: <html dir="${html.dir}">`);
    if (html.h1 !== 1) problems.push(`${where}: ${html.h1} h1`);

    // The first Tab from the top lands on the skip link; Enter moves focus to <main>.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      const box = a?.getBoundingClientRect();
      return {
        skip: !!a?.matches('a.skip-link'),
        visible: !!box && box.width > 1 && box.height > 1 && box.top >= 0,
      };
    });
    if (!first.skip) problems.push(`${where}: the first Tab does not reach the skip link`);
    else {
      if (!first.visible) problems.push(`${where}: the focused skip link is not visible`);
      await page.keyboard.press('Enter');
      const inMain = await page.evaluate(() => document.activeElement?.id === 'main');
      if (!inMain) problems.push(`${where}: the skip link does not move focus to main`);
    }

    try {
      await expectAccessible(page, where);
    } catch (e) {
      problems.push(
        String((e as Error).message)
          .split('\n')
          .filter((l) => l.includes(where))
          .join('\n') || `${where}: axe`,
      );
    }
    return problems;
  }

  for (const lang of LANGS) {
    it(`every page in ${lang}: axe, lang and dir, skip link, one h1`, async () => {
      const problems: string[] = [];
      const pages = new Map<Persona, Page>();
      for (const stop of stops) {
        let page = pages.get(stop.as);
        if (!page) pages.set(stop.as, (page = await openAs(stop.as, lang)));
        try {
          await visit(page, stop, lang);
        } catch (e) {
          problems.push(
            `${stop.name} (${lang}): did not draw — ${String((e as Error).message).split('\n')[0]}`,
          );
          continue;
        }
        if (stop.name === 'forbidden-redirect') expect(new URL(page.url()).pathname).toBe('/forbidden');
        problems.push(...(await checkPage(page, stop, lang)));
        if (lang === 'ar')
          await page.screenshot({ path: resolve(SHOTS, `a11y-${stop.name}-ar.png`), fullPage: true });
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }

  for (const lang of ['fr', 'ar'] as const) {
    it(`every page at 360 px in ${lang}: nothing scrolls sideways`, async () => {
      const problems: string[] = [];
      const pages = new Map<Persona, Page>();
      for (const stop of stops) {
        let page = pages.get(stop.as);
        if (!page) pages.set(stop.as, (page = await openAs(stop.as, lang, 360)));
        try {
          await visit(page, stop, lang);
        } catch {
          problems.push(`${stop.name} (${lang}, 360 px): did not draw`);
          continue;
        }
        const widths = await page.evaluate(() => {
          const wide = Array.from(document.querySelectorAll<HTMLElement>('body *'))
            .filter((el) => {
              const r = el.getBoundingClientRect();
              return r.width > 0 && (r.right > innerWidth + 1 || r.left < -1);
            })
            .filter((el) => {
              // Inside a scroller (a wide table's wrapper) is fine: that part scrolls, not the page.
              for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
                if (getComputedStyle(p).overflowX !== 'visible') return false;
              return !el.closest('.skip-link');
            })
            .slice(0, 5)
            .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
          return { scroll: document.documentElement.scrollWidth, inner: innerWidth, wide };
        });
        if (widths.scroll > widths.inner)
          problems.push(
            `${stop.name} (${lang}, 360 px): scrollWidth ${widths.scroll} > ${widths.inner} — ${widths.wide.join(', ')}`,
          );
        if (lang === 'fr')
          await page.screenshot({ path: resolve(SHOTS, `a11y-${stop.name}-360-fr.png`), fullPage: true });
      }
      expect(problems).toEqual([]);
    }, 600_000);
  }

  it('keyboard: focus is visible through the sign-up form and the menu; an invalid submit announces its errors', async () => {
    const page = await openAs('anonymous', 'fr');
    await page.goto(`${server.url}/sign-up`);
    await page.locator('main h1').waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);

    // Tab through everything (header menu, language, form, footer): each stop shows its focus.
    const seen: string[] = [];
    const invisible: string[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        const shadow = s.boxShadow !== 'none';
        const label = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ')[0] : ''} ${(el.textContent ?? '').trim().slice(0, 30)}`;
        return { label, visible: el.matches(':focus-visible') && (outline || shadow) };
      });
      if (!f) break;
      if (seen.includes(f.label)) break;
      seen.push(f.label);
      if (!f.visible) invisible.push(f.label);
    }
    expect(seen.length).toBeGreaterThan(8);
    expect(seen.some((l) => l.includes('/spaces') || l.startsWith('a'))).toBe(true);
    expect(seen.some((l) => l.startsWith('select#pq-language'))).toBe(true);
    expect(seen.some((l) => l.startsWith('input'))).toBe(true);
    expect(invisible).toEqual([]);

    // Submitting the form empty: the summary is announced, focus goes to the first invalid field,
    // which is described by its message.
    await page.locator('main form button[type="submit"]').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('[aria-invalid="true"]').first().waitFor();
    await page.waitForTimeout(100);
    const state = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement;
      const invalid = Array.from(document.querySelectorAll<HTMLElement>('main [aria-invalid="true"]'));
      const described = invalid.map((el) => {
        const idsOf = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
        return idsOf.some((id) => (document.getElementById(id)?.textContent ?? '').trim().length > 0);
      });
      const live = Array.from(document.querySelectorAll('main [role="alert"], main [aria-live]')).map((el) =>
        (el.textContent ?? '').trim(),
      );
      return {
        focusedInvalid: focused.getAttribute('aria-invalid') === 'true',
        focusedIsFirst: focused === invalid[0],
        invalid: invalid.length,
        described,
        announced: live.filter((t) => t.length > 0),
      };
    });
    expect(state.invalid).toBeGreaterThan(0);
    expect(state.focusedInvalid).toBe(true);
    expect(state.focusedIsFirst).toBe(true);
    expect(state.described.every(Boolean)).toBe(true);
    expect(state.announced.length).toBeGreaterThan(0);
    await expectAccessible(page, 'sign-up with errors');
    await page.screenshot({ path: resolve(SHOTS, 'a11y-sign-up-errors-fr.png'), fullPage: true });

    // The header menu by keyboard, signed in: every link reachable and visibly focused.
    const member = await openAs('member', 'ar');
    await member.goto(`${server.url}/my-spaces`);
    await member.locator('main h1').waitFor();
    const nav = await member.locator('nav.main-nav a').count();
    const navFocus: string[] = [];
    await member.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < nav + 4; i++) {
      await member.keyboard.press('Tab');
      const f = await member.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const s = getComputedStyle(el);
        return {
          inNav: !!el.closest('nav.main-nav'),
          href: el.getAttribute('href'),
          visible:
            el.matches(':focus-visible') &&
            ((s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none'),
        };
      });
      if (f.inNav) navFocus.push(`${f.href}:${f.visible}`);
    }
    expect(navFocus.length).toBe(nav);
    expect(navFocus.filter((f) => f.endsWith(':false'))).toEqual([]);
    // Enter on a menu link goes there, and focus lands on the new page's heading.
    await member.locator('nav.main-nav a[href="/seminars"]').focus();
    await member.keyboard.press('Enter');
    await member.waitForURL(/\/seminars$/);
    await member.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(pageErrors).toEqual([]);
  }, 120_000);
});
