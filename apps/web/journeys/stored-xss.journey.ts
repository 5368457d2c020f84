/**
 * Browser journey: stored XSS. Every payload of `xss-payloads.ts` (OWASP / PortSwigger style,
 * each calling `__xss(<id>)` if it ever ran) is stored in every text field people write and the
 * web app shows — display names, directory profiles, organisation and region names, spaces,
 * modules, lessons (markdown), quiz questions, seminars, threads, replies and their history,
 * resources, reviews, rejection and report reasons, notifications, the activity feed — through
 * the real API where it takes them, straight into the database where it refuses them (the test is
 * about rendering). Then the production web build, served by the real API, opens every page that
 * shows them in Debian's Chromium, signed in as the role that sees them.
 *
 * The pages are opened with the Content-Security-Policy switched off in the browser
 * (`bypassCSP`), so that only the rendering (server sanitising, Angular's bindings) stands
 * between a payload and its execution; each response must still carry the CSP header, and a last
 * pass with the CSP on checks that no script was even attempted (no `securitypolicyviolation`).
 * On each page: no `__xss` call from any frame, no `window.__pwned`, no dialog, no live vector in
 * the DOM (event-handler attribute, javascript:/data:/vbscript: URL, script/iframe/object/embed/
 * base/meta/form element carrying a payload), and the plain-text fields show the payload text as
 * written. Screenshots in test-output/screenshots/stored-xss-*.png.
 *
 * It has its own database (./own-database, imported first): the hostile names, titles and
 * skills it stores must not show up in the searches and listings of the tests running beside it.
 */
import { createOwnDatabase, dropOwnDatabase } from './own-database';
import { renderMarkdown } from '@pratique/api/platform';
import {
  TEST_PASSWORD,
  TestServer,
  addToSpace,
  makeModule,
  makeOrganisation,
  makeRegion,
  makeSpace,
  makeUser,
  setPercent,
  startTestServer,
  uid,
} from '@pratique/api/testing';
import { ModuleStatus, LessonKind, SpaceRole, ThreadDetail, ResourceDetail } from '@pratique/contracts';
import { resolve } from 'path';
import { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import { SHOTS, apiAs, expectAccessible, launchChromium, prepareWebBuild } from './learning-support';
import { XSS_PAYLOADS, XssPayload, asShownText, payloadsUpTo } from './xss-payloads';

jest.setTimeout(300_000);

const suffix = uid();
const P = XSS_PAYLOADS;
const byId = (id: number) => P[id - 1];
/** The interpolation payload the viewer is named after: greeted by it on the home page. */
const TEMPLATE_NAME = P.find((p) => p.text.startsWith('{{constructor')) ?? P[0];
/** The payloads that fit in a field of `max` characters, `count` of them, starting at `from` (cycling). */
function slice(max: number, from: number, count: number): XssPayload[] {
  const fit = payloadsUpTo(max);
  return Array.from({ length: Math.min(count, fit.length) }, (_, i) => fit[(from + i) % fit.length]);
}

/**
 * A payload that leaves an element open (`<svg …>` with no `</svg>`) makes the sanitiser drop
 * everything after it in the same markdown text, so batched markdown fields would not render the
 * payloads that follow. Each batch holds every other payload and at most one of these, last.
 */
const swallowsRest = (p: XssPayload) => !renderMarkdown(`${p.text}\n\nFIN-${p.id}`).includes(`FIN-${p.id}`);
function markdownBatches(payloads: readonly XssPayload[]): XssPayload[][] {
  const swallowers = payloads.filter(swallowsRest);
  const rest = payloads.filter((p) => !swallowers.includes(p));
  return swallowers.length ? swallowers.map((s) => [...rest, s]) : [rest];
}
/** `payloads` shared between `count` markdown texts, each ending with at most one payload that swallows the rest. */
function spreadMarkdown(payloads: readonly XssPayload[], count: number): XssPayload[][] {
  const out: XssPayload[][] = Array.from({ length: count }, () => []);
  const swallowers = payloads.filter(swallowsRest);
  payloads.filter((p) => !swallowers.includes(p)).forEach((p, i) => out[i % count].push(p));
  swallowers.forEach((p, i) => out[i % count].push(p));
  return out;
}
const joinMarkdown = (ps: readonly XssPayload[]) => ps.map((p) => `${p.text}\n\nFin ${p.id}.`).join('\n\n');
/** The payloads stored in a field so far. */
const idsOf = (field: string) => [...(stored.get(field) ?? [])].map((id) => byId(id));
const joinText = (ps: readonly XssPayload[], sep = '\n') => ps.map((p) => p.text).join(sep);

/** What was stored where: field → payload ids, and field → pages that showed it. */
const stored = new Map<string, Set<number>>();
const shownOn = new Map<string, Set<string>>();
function store(field: string, ps: readonly XssPayload[]): void {
  const set = stored.get(field) ?? new Set<number>();
  for (const p of ps) set.add(p.id);
  stored.set(field, set);
}

/**
 * axe on the page, leaving out the blocks of HTML that people wrote (rendered markdown): what a
 * hostile author writes there (an empty link, a heading out of order) is theirs, not the app's.
 */
function expectAccessibleAroundUserHtml(page: Page, name: string): Promise<void> {
  return expectAccessible(page, name, { exclude: ['.markdown', '.description', '.page-content'] });
}

interface Hit {
  id: unknown;
  url: string;
}

describe('journey: stored XSS — every payload in every user text field, none runs', () => {
  let server: TestServer;
  let db: DataSource;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const hits: Hit[] = [];
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const documentsWithoutCsp: string[] = [];
  let documentsSeen = 0;

  // Actors and objects (filled in beforeAll).
  const users: Record<
    'admin' | 'staff' | 'animator' | 'author' | 'viewer' | 'profile',
    { id: string; email: string }
  > = {} as never;
  let nameUsers: { id: string; payload: XssPayload }[] = [];
  let regionId = '';
  let regionPayloads: XssPayload[] = [];
  let orgPayloads: XssPayload[] = [];
  let space = { id: '', slug: '' };
  let otherSpaces: { id: string; slug: string; payload: XssPayload }[] = [];
  let moduleId = '';
  let lessonIds: string[] = [];
  let quizLessonId = '';
  let seminarId = '';
  let threads: ThreadDetail[] = [];
  let listThreads: XssPayload[] = [];
  let resources: string[] = [];
  let rejectedId = '';
  let pendingTitles: XssPayload[] = [];
  let reportReasons: XssPayload[] = [];

  const open = async (who: keyof typeof users, options: { csp?: boolean } = {}): Promise<Page> => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'fr-FR',
      bypassCSP: !options.csp,
    });
    contexts.push(context);
    // Every frame (srcdoc, about:blank, same-origin documents) can call it; it reports to the test.
    await context.exposeBinding('__xss', ({ frame }, id: unknown) => {
      hits.push({ id, url: frame.url() });
    });
    await context.addInitScript(() => {
      const w = window as unknown as { __xss: (id: unknown) => void };
      Object.defineProperty(window, '__pwned', {
        configurable: false,
        get: () => undefined,
        set: (v: unknown) => w.__xss(`__pwned=${String(v)}`),
      });
      document.addEventListener('securitypolicyviolation', (e) => {
        if (/^script-src|^object-src|^frame-src|^default-src/.test(e.violatedDirective))
          w.__xss(`csp:${e.violatedDirective}:${e.blockedURI}:${e.sample}`);
      });
    });
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: users[who].email, password: TEST_PASSWORD }),
    });
    expect(res.status).toBe(200);
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
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (err) => pageErrors.push(String(err)));
    page.on('response', (r) => {
      if (r.request().resourceType() !== 'document' || r.frame() !== page.mainFrame()) return;
      documentsSeen++;
      if (!r.headers()['content-security-policy']) documentsWithoutCsp.push(r.url());
    });
    return page;
  };

  /** Live vectors left in a frame's DOM: what could run if a user clicked, hovered or a script adopted it. */
  const liveVectors = (frame: Frame) =>
    frame.evaluate(() => {
      const found: string[] = [];
      const urlAttrs = [
        'href',
        'src',
        'action',
        'formaction',
        'data',
        'xlink:href',
        'srcdoc',
        'content',
        'poster',
        'background',
        'values',
        'to',
        'from',
        'by',
        'style',
      ];
      const dangerousTags = [
        'SCRIPT',
        'IFRAME',
        'OBJECT',
        'EMBED',
        'BASE',
        'META',
        'FORM',
        'FRAME',
        'FRAMESET',
        'APPLET',
        'LINK',
        'STYLE',
      ];
      const all = document.querySelectorAll('*');
      for (const el of Array.from(all)) {
        const outer = () => el.outerHTML.slice(0, 200);
        // The element's own attributes (and a script's or style's own text), not its descendants.
        const own = Array.from(el.attributes)
          .map((a) => `${a.name}=${a.value}`)
          .join(' ');
        const text = el.tagName === 'SCRIPT' || el.tagName === 'STYLE' ? (el.textContent ?? '') : '';
        if (dangerousTags.includes(el.tagName.toUpperCase()) && /__xss|__pwned/.test(own + text))
          found.push(`element ${el.tagName}: ${outer()}`);
        for (const a of Array.from(el.attributes)) {
          const name = a.name.toLowerCase();
          const value = a.value;
          if (name.startsWith('on') && /__xss|__pwned|\\u005f|&#/.test(value))
            found.push(`handler ${name}: ${outer()}`);
          else if (
            urlAttrs.includes(name) &&
            /^(javascript|vbscript|data:text\/html)/i.test(
              [...value].filter((c) => c.charCodeAt(0) > 0x20).join(''),
            )
          )
            found.push(`url ${name}: ${outer()}`);
          else if (name === 'style' && /expression\(|javascript:/i.test(value))
            found.push(`style: ${outer()}`);
        }
      }
      // A shadow of a payload in a <template> would run once adopted.
      for (const t of Array.from(document.querySelectorAll('template')))
        if (/__xss/.test(t.innerHTML)) found.push(`template: ${t.innerHTML.slice(0, 200)}`);
      return found;
    });

  /**
   * Opens `path`, waits for `ready`, lets late handlers (img onerror, animations, focus) fire,
   * then checks: no execution, no dialog, no live vector; each of `texts` shown as written.
   */
  async function visit(
    page: Page,
    path: string,
    o: {
      ready: string;
      name: string;
      fields: string[];
      texts?: readonly XssPayload[] | readonly string[];
      shot?: boolean;
      axe?: boolean;
      within?: string;
    },
  ): Promise<void> {
    const before = hits.length;
    const dialogsBefore = dialogs.length;
    await page.goto(`${server.url}${path}`);
    await settle(page, o.ready);
    await checkPage(page, o, before, dialogsBefore);
  }

  async function settle(page: Page, ready: string): Promise<void> {
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.waitForTimeout(400);
  }

  async function checkPage(
    page: Page,
    o: {
      name: string;
      fields: string[];
      texts?: readonly XssPayload[] | readonly string[];
      shot?: boolean;
      axe?: boolean;
      within?: string;
    },
    before: number,
    dialogsBefore: number,
  ): Promise<void> {
    const vectors: string[] = [];
    for (const frame of page.frames()) vectors.push(...(await liveVectors(frame).catch(() => [])));
    expect({ page: o.name, vectors }).toEqual({ page: o.name, vectors: [] });
    expect({ page: o.name, executions: hits.slice(before) }).toEqual({ page: o.name, executions: [] });
    expect({ page: o.name, dialogs: dialogs.slice(dialogsBefore) }).toEqual({ page: o.name, dialogs: [] });
    if (o.texts?.length) {
      const shown = asShownText(
        (await page
          .locator(o.within ?? 'main')
          .first()
          .evaluate((el) => (el as HTMLElement).innerText)) ?? '',
      );
      const want = o.texts.map((t) => asShownText(typeof t === 'string' ? t : t.text));
      const missing = want.filter((t) => !shown.includes(t));
      expect({ page: o.name, missing }).toEqual({ page: o.name, missing: [] });
    }
    for (const f of o.fields) {
      expect(stored.has(f)).toBe(true);
      const set = shownOn.get(f) ?? new Set<string>();
      set.add(o.name);
      shownOn.set(f, set);
    }
    if (o.shot)
      await page.screenshot({
        path: resolve(SHOTS, `stored-xss-${o.name}.png`),
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: 3000 },
      });
    if (o.axe) await expectAccessibleAroundUserHtml(page, o.name);
  }

  beforeAll(async () => {
    prepareWebBuild();
    await createOwnDatabase();
    server = await startTestServer();
    db = server.dataSource;

    // Regions and organisations: admins name them; the names show on cards, profiles and admin pages.
    regionPayloads = slice(120, 0, 8);
    const regions = [];
    for (const p of regionPayloads) regions.push(await makeRegion(db, p.text));
    regionId = regions[0].id;
    store('region.name', regionPayloads);
    orgPayloads = slice(200, 8, 10);
    const orgs = [];
    for (const p of orgPayloads) orgs.push(await makeOrganisation(db, regionId, p.text));
    store('organisation.name', orgPayloads);

    const org = orgs[0].id;
    const make = async (displayName: string, extra: Parameters<typeof makeUser>[1] = { regionId }) =>
      makeUser(db, { organisationId: org, ...extra, regionId, displayName });
    users.admin = await make(`Admin XSS ${suffix}`, { regionId, admin: true });
    users.staff = await make(`Staff XSS ${suffix}`, { regionId, staffOf: [regionId] });
    users.animator = await make(`Animatrice XSS ${suffix}`);
    users.author = await make(`Autrice XSS ${suffix}`);
    // The viewer's own name is an interpolation payload: the home page and the bell greet them by it.
    users.viewer = await make(TEMPLATE_NAME.text);
    users.profile = await make(slice(80, 40, 1)[0].text);
    store('user.displayName', [TEMPLATE_NAME, slice(80, 40, 1)[0]]);

    // One member per display-name payload (≤ 80 characters): directory, authors, learners, dashboard.
    nameUsers = [];
    for (const [i, p] of payloadsUpTo(80).entries()) {
      const u = await makeUser(db, {
        regionId,
        organisationId: orgs[i % orgs.length].id,
        displayName: p.text,
      });
      nameUsers.push({ id: u.id, payload: p });
    }
    store(
      'user.displayName',
      nameUsers.map((u) => u.payload),
    );
    // Their directory entries: skills and interests (≤ 40 characters each), listed.
    const tags = payloadsUpTo(40);
    await db.query(
      `INSERT INTO member_profile (user_id, bio, skills, interests)
       SELECT u, b, ARRAY[s1, s2]::varchar(40)[], ARRAY[i1]::varchar(40)[]
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(u, b, s1, s2, i1)`,
      [
        nameUsers.map((u) => u.id),
        nameUsers.map((u) => u.payload.text),
        nameUsers.map((_, i) => tags[(2 * i) % tags.length].text),
        nameUsers.map((_, i) => tags[(2 * i + 1) % tags.length].text),
        nameUsers.map((_, i) => tags[(i + 7) % tags.length].text),
      ],
    );
    store('profile.skills', tags);
    store('profile.interests', tags);
    store(
      'profile.bio',
      nameUsers.map((u) => u.payload),
    );

    // The profile member: a bio of many payloads (1000 characters), every short skill and interest,
    // a member of every organisation, shown with its region.
    const bio: XssPayload[] = [];
    for (const p of P) if (joinText([...bio, p]).length <= 1000) bio.push(p);
    const api = (email: string) => apiAs(server.url, email);
    const profileApi = await api(users.profile.email);
    await profileApi.json('PUT', '/api/me/profile', {
      bio: joinText(bio),
      skills: ['plaidoyer'],
      listed: true,
      showRegion: true,
      showOrganisations: true,
      showSkills: true,
      showSpaces: true,
    });
    // More tags than the API takes (20), and as written (the API lower-cases them): straight in the database.
    await db.query(
      `UPDATE member_profile SET skills = $2::varchar(40)[], interests = $3::varchar(40)[] WHERE user_id = $1`,
      [users.profile.id, tags.slice(0, 37).map((p) => p.text), tags.slice(37).map((p) => p.text)],
    );
    await db.query(
      `INSERT INTO membership (user_id, organisation_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [users.profile.id, orgs.slice(1).map((o) => o.id)],
    );
    store('profile.bio', bio);

    // Spaces: the main one (title in three languages, description of every payload), and spaces
    // whose titles are payloads, each with the profile member in it.
    space = await makeSpace(db, { title: `XSS ${suffix}` });
    const titles = slice(120, 20, 3);
    await db.query(`UPDATE space SET title = $2, description = $3 WHERE id = $1`, [
      space.id,
      JSON.stringify({ fr: titles[0].text, ar: titles[1].text, en: titles[2].text }),
      JSON.stringify({ fr: joinText(P) }),
    ]);
    store('space.title', [titles[0]]);
    store('space.description', P);
    for (const u of [users.author, users.viewer, users.profile]) await addToSpace(db, space.id, u.id);
    await addToSpace(db, space.id, users.animator.id, SpaceRole.Animator);
    for (const u of nameUsers) await addToSpace(db, space.id, u.id);
    otherSpaces = [];
    for (const p of slice(120, 60, 8)) {
      const s = await makeSpace(db, { title: p.text });
      await db.query(`UPDATE space SET description = $2 WHERE id = $1`, [
        s.id,
        JSON.stringify({ fr: p.text }),
      ]);
      await addToSpace(db, s.id, users.profile.id);
      otherSpaces.push({ ...s, payload: p });
    }
    store(
      'space.title',
      otherSpaces.map((s) => s.payload),
    );

    // A module: payload title, summary of every payload; page lessons whose markdown holds every
    // payload (in batches, see markdownBatches), a quiz whose questions, choices and feedback are payloads.
    const batches = markdownBatches(P);
    const pages = batches.slice(0, 2);
    const lessonTitles = slice(200, 90, pages.length + 1);
    const quizPayloads = slice(2000, 100, 30);
    const quiz = {
      passingScore: 50,
      attemptsAllowed: 0,
      questions: quizPayloads.slice(0, 10).map((p, i) => ({
        id: `q${i}`,
        text: { fr: p.text },
        multiple: i % 2 === 1,
        choices: [
          {
            id: 'a',
            text: { fr: quizPayloads[10 + i].text },
            correct: true,
            feedback: { fr: quizPayloads[20 + i].text },
          },
          { id: 'b', text: { fr: `Non ${i}` }, correct: false },
        ],
      })),
    };
    const made = await makeModule(db, space.id, {
      status: ModuleStatus.Published,
      title: slice(200, 30, 1)[0].text,
      lessons: [
        ...pages.map((b, i) => ({
          kind: LessonKind.Page,
          title: lessonTitles[i].text,
          content: { markdown: { fr: joinMarkdown(b) } },
        })),
        { kind: LessonKind.Quiz, title: lessonTitles[pages.length].text, content: quiz },
      ],
    });
    moduleId = made.id;
    lessonIds = made.lessonIds.slice(0, pages.length);
    quizLessonId = made.lessonIds[pages.length];
    await db.query(`UPDATE module SET summary = $2 WHERE id = $1`, [
      moduleId,
      JSON.stringify({ fr: joinText(P) }),
    ]);
    store('module.title', slice(200, 30, 1));
    store('module.summary', P);
    store('lesson.title', lessonTitles);
    store('lesson.markdown', pages.flat());
    store('quiz.question', quizPayloads.slice(0, 10));
    store('quiz.choice', quizPayloads.slice(10, 20));
    store('quiz.feedback', quizPayloads.slice(20, 30));
    // Learners: the name members have progress, so the animator's learners list and the dashboard show them.
    await setPercent(
      db,
      moduleId,
      nameUsers.map((u) => u.id),
      50,
    );

    // A seminar of the region: payload title, description of every payload, venue, address, and an
    // online link the API would refuse (javascript:), written in the database.
    const seminarTitle = slice(200, 45, 1)[0];
    const venue = slice(200, 46, 1)[0];
    const address = slice(500, 47, 1)[0];
    const day = 86_400_000;
    const [sem] = await db.query(
      `INSERT INTO seminar (region_id, space_id, kind, title, description, original_language, venue, address, online_url,
                            starts_at, ends_at, capacity, registration_opens_at, registration_closes_at, audience, status, rule_k)
       VALUES ($1, $2, 'seminar', $3, $4, 'fr', $5, $6, $7, $8, $9, 500, $10, $11, 'region', 'open', 1) RETURNING id`,
      [
        regionId,
        space.id,
        JSON.stringify({ fr: seminarTitle.text }),
        JSON.stringify({ fr: joinText(P) }),
        venue.text,
        address.text,
        `javascript:__xss(${byId(39).id})`,
        new Date(Date.now() + 10 * day),
        new Date(Date.now() + 10 * day + 4 * 3600_000),
        new Date(Date.now() - day),
        new Date(Date.now() + 8 * day),
      ],
    );
    seminarId = sem.id;
    await db.query(
      `INSERT INTO seminar_requirement (seminar_id, module_id, min_percent, position) VALUES ($1, $2, 50, 0)`,
      [seminarId, moduleId],
    );
    store('seminar.title', [seminarTitle]);
    store('seminar.description', P);
    store('seminar.venue', [venue]);
    store('seminar.address', [address]);
    store('seminar.onlineUrl', [byId(39)]);

    // Discussions, through the API: two threads whose bodies batch the payloads, one edit (history),
    // one reply per payload (by the member of that name, cycling), and threads titled by payloads.
    const authorApi = await api(users.author.email);
    const viewerApi = await api(users.viewer.email);
    threads = [];
    for (const [i, b] of batches.slice(0, 2).entries()) {
      const t = await authorApi.json<ThreadDetail>('POST', `/api/spaces/${space.slug}/threads`, {
        kind: i === 0 ? 'question' : 'discussion',
        title: slice(200, 50 + i, 1)[0].text,
        body: joinMarkdown(b),
      });
      threads.push(t);
    }
    await authorApi.json('PATCH', `/api/threads/${threads[0].id}`, {
      body: joinMarkdown(batches[1] ?? batches[0]),
    });
    store('thread.title', slice(200, 50, 2));
    store('thread.body', P);
    const replyRows = P.map((p, i) => ({
      thread: threads[i < 100 ? 0 : 1].id,
      author: nameUsers[i % nameUsers.length].id,
      body: p.text,
    }));
    await db.query(
      `INSERT INTO discussion_reply (thread_id, author_id, body, body_html, created_at)
       SELECT t, a, b, h, now() + (n || ' milliseconds')::interval
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[]) AS x(t, a, b, h, n)`,
      [
        replyRows.map((r) => r.thread),
        replyRows.map((r) => r.author),
        replyRows.map((r) => r.body),
        replyRows.map((r) => renderMarkdown(r.body)),
        replyRows.map((_, i) => i),
      ],
    );
    await viewerApi.json('POST', `/api/threads/${threads[1].id}/replies`, { body: joinMarkdown(batches[0]) });
    store('reply.body', P);
    listThreads = slice(200, 70, 20);
    for (const [i, p] of listThreads.entries())
      await db.query(
        `INSERT INTO discussion_thread (space_id, author_id, kind, title, body, body_html) VALUES ($1, $2, 'discussion', $3, $4, $5)`,
        [space.id, nameUsers[i].id, p.text, p.text, renderMarkdown(p.text)],
      );
    store('thread.title', listThreads);

    // The toolbox: published links whose descriptions batch the payloads and whose reviews carry
    // them (one review per member, 20 shown per resource), titles and tags as payloads; a rejected
    // contribution with a reason; pending ones and reports for the moderation queue.
    const animatorApi = await api(users.animator.email);
    // The first resource's 20 reviews share every payload between them; the second's hold one each.
    const reviewBodies = [spreadMarkdown(P, 20).map(joinMarkdown), slice(2000, 60, 20).map((p) => p.text)];
    resources = [];
    const resourceTitles = slice(200, 110, reviewBodies.length);
    const tagPayloads = slice(40, 0, 20); // at most 10 tags a resource (CHECK in the schema)
    for (const [i, bodies] of reviewBodies.entries()) {
      const r = await animatorApi.json<ResourceDetail>('POST', `/api/spaces/${space.slug}/resources`, {
        kind: 'link',
        title: resourceTitles[i].text,
        description: joinMarkdown(batches[i % batches.length]),
        language: 'fr',
        url: `https://example.org/ressource-${i}`,
      });
      resources.push(r.id);
      // Tags and an address the API would clean or refuse, as written.
      await db.query(`UPDATE resource SET tags = $2, url = $3 WHERE id = $1`, [
        r.id,
        tagPayloads.slice(i * 10, i * 10 + 10).map((p) => p.text),
        `https://example.org/"><svg onload=__xss(${byId(82).id})>`,
      ]);
      await db.query(
        `INSERT INTO resource_review (resource_id, user_id, rating, body)
         SELECT $1, unnest($2::uuid[]), 4, unnest($3::text[])`,
        [r.id, bodies.map((_, j) => nameUsers[j].id), bodies],
      );
      await db.query(
        `UPDATE resource SET rating_count = (SELECT count(*) FROM resource_review WHERE resource_id = $1), rating_avg = 4 WHERE id = $1`,
        [r.id],
      );
    }
    store('resource.title', resourceTitles);
    store('resource.description', P);
    store('resource.tags', tagPayloads);
    store('resource.url', [byId(82)]);
    store('review.body', P);
    const rejectedReason = P.filter((p) => p.text.length < 60).slice(0, 15);
    const rejected = await authorApi.json<ResourceDetail>('POST', `/api/spaces/${space.slug}/resources`, {
      kind: 'link',
      title: slice(200, 130, 1)[0].text,
      description: 'Une contribution refusée.',
      language: 'fr',
      url: 'https://example.org/refusee',
    });
    rejectedId = rejected.id;
    await animatorApi.json('POST', `/api/resources/${rejectedId}/reject`, {
      reason: joinText(rejectedReason),
    });
    store('resource.rejectionReason', rejectedReason);
    store('resource.title', slice(200, 130, 1));
    pendingTitles = slice(200, 135, 6);
    for (const p of pendingTitles)
      await authorApi.json('POST', `/api/spaces/${space.slug}/resources`, {
        kind: 'link',
        title: p.text,
        description: p.text,
        language: 'fr',
        url: 'https://example.org/en-attente',
      });
    store('resource.title', pendingTitles);
    reportReasons = slice(1000, 140, 10);
    for (const [i, p] of reportReasons.entries())
      await db.query(`INSERT INTO resource_report (resource_id, reporter_id, reason) VALUES ($1, $2, $3)`, [
        resources[0],
        nameUsers[i].id,
        p.text,
      ]);
    store('report.reason', reportReasons);

    // Notifications of the author (as the worker writes them): titles are payloads, one per type.
    const types = [
      'reply.created',
      'thread.created',
      'answer.accepted',
      'resource.approved',
      'resource.rejected',
      'module.published',
      'module.completed',
      'registration.confirmed',
      'registration.waitlisted',
      'seminar.changed',
      'seminar.cancelled',
      'seminar.eligible',
      'role.granted',
    ];
    const notificationPayloads = slice(2000, 0, 20);
    for (const [i, p] of notificationPayloads.entries()) {
      const type = types[i % types.length];
      const payload: Record<string, unknown> = { title: { fr: p.text }, originalLanguage: 'fr' };
      if (type.startsWith('seminar') || type.startsWith('registration')) payload['seminarId'] = seminarId;
      else if (type.startsWith('module')) payload['moduleId'] = moduleId;
      else if (type.startsWith('resource')) payload['resourceId'] = resources[0];
      else if (type === 'role.granted') Object.assign(payload, { role: 'animator', spaceSlug: space.slug });
      else payload['threadId'] = threads[0].id;
      await db.query(`INSERT INTO notification (user_id, outbox_id, type, payload) VALUES ($1, $2, $3, $4)`, [
        users.author.id,
        -1_000_000 - i - Math.floor(Math.random() * 1e6) * 100,
        type,
        JSON.stringify(payload),
      ]);
    }
    store('notification.title', notificationPayloads);

    // The activity feed of the space: payload titles, done by the name members.
    const feedPayloads = slice(2000, 20, 20);
    for (const [i, p] of feedPayloads.entries())
      await db.query(
        `INSERT INTO activity (kind, actor_id, space_id, region_id, subject_id, title, original_language, dedupe_key)
         VALUES ('module.published', $1, $2, $3, $4, $5, 'fr', $6)`,
        [nameUsers[i].id, space.id, regionId, moduleId, JSON.stringify({ fr: p.text }), `xss-${suffix}-${i}`],
      );
    store('activity.title', feedPayloads);

    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
    await dropOwnDatabase();
  });

  it('stores more than 100 payloads, of every kind', () => {
    expect(P.length).toBeGreaterThanOrEqual(100);
    expect(new Set(P.map((p) => p.text)).size).toBe(P.length);
    expect(P.filter((p) => !p.callsHook).map((p) => p.id)).toEqual([]);
    expect(new Set(P.map((p) => p.category)).size).toBe(13);
  });

  it('members: the home page, the directory, a profile and the profile form', async () => {
    const viewer = await open('viewer');
    await visit(viewer, '/', {
      ready: 'h1',
      name: 'home',
      fields: ['user.displayName'],
      texts: [TEMPLATE_NAME],
    });

    // The directory, page by page: every name (and its skills) shows as written on some page.
    const names = new Set<string>();
    let pages = 1;
    for (let n = 1; n <= pages; n++) {
      await visit(viewer, `/members?page=${n}`, {
        ready: 'pq-member-card',
        name: `directory-${n}`,
        fields: ['user.displayName', 'profile.skills', 'organisation.name', 'region.name'],
        shot: n === 1,
        axe: n === 1,
      });
      if (n === 1) {
        const count = (await viewer.getByText(/Membres trouvés : \d+/).innerText()).match(/(\d+)/);
        pages = Math.ceil(Number(count?.[1]) / 20);
        expect(pages).toBeGreaterThanOrEqual(Math.ceil(nameUsers.length / 20));
      }
      for (const t of await viewer.locator('pq-member-card').allInnerTexts()) names.add(asShownText(t));
    }
    const cards = [...names].join(' | ');
    expect(nameUsers.map((u) => asShownText(u.payload.text)).filter((t) => !cards.includes(t))).toEqual([]);

    await visit(viewer, `/members/${users.profile.id}`, {
      ready: 'h1',
      name: 'member-page',
      fields: [
        'user.displayName',
        'profile.bio',
        'profile.skills',
        'profile.interests',
        'organisation.name',
        'region.name',
        'space.title',
      ],
      texts: [
        slice(80, 40, 1)[0],
        ...payloadsUpTo(40),
        ...orgPayloads,
        regionPayloads[0],
        ...otherSpaces.map((s) => s.payload),
      ],
      shot: true,
      axe: true,
    });
    // A name member's page: their bio (one payload) as written.
    for (const u of nameUsers.slice(0, 1))
      await visit(viewer, `/members/${u.id}`, {
        ready: 'h1',
        name: `member-${u.payload.id}`,
        fields: ['user.displayName', 'profile.bio'],
        texts: [u.payload],
      });

    const profile = await open('profile');
    await visit(profile, '/profile', {
      ready: 'h1',
      name: 'profile',
      fields: ['user.displayName', 'organisation.name'],
      texts: orgPayloads,
    });
    await visit(profile, '/members/me/edit', {
      ready: 'h1',
      name: 'directory-edit',
      fields: ['profile.skills', 'profile.interests'],
      texts: payloadsUpTo(40).slice(0, 10),
    });
  });

  it('spaces, modules, lessons and the quiz', async () => {
    const viewer = await open('viewer');
    await visit(viewer, '/spaces', { ready: 'h1', name: 'spaces-list', fields: ['space.title'], shot: true });
    await visit(viewer, `/spaces/${space.slug}`, {
      ready: 'h1',
      name: 'space-about',
      fields: ['space.title', 'space.description'],
      texts: P,
      shot: true,
      axe: true,
    });
    for (const tab of ['Membres', 'Modules', 'Séminaires', 'Discussions']) {
      const before = hits.length;
      const d = dialogs.length;
      await viewer.getByRole('tab', { name: tab }).click();
      await viewer.waitForLoadState('networkidle').catch(() => undefined);
      await viewer.waitForTimeout(800);
      await checkPage(
        viewer,
        {
          name: `space-tab-${tab}`,
          fields:
            tab === 'Membres'
              ? ['user.displayName']
              : tab === 'Modules'
                ? ['module.title', 'module.summary']
                : tab === 'Séminaires'
                  ? ['seminar.title']
                  : ['thread.title'],
        },
        before,
        d,
      );
    }
    await visit(viewer, `/modules/${moduleId}`, {
      ready: 'h1',
      name: 'module',
      fields: ['module.title', 'module.summary', 'lesson.title'],
      texts: [slice(200, 30, 1)[0], ...P],
      shot: true,
      axe: true,
    });
    for (const [i, id] of lessonIds.entries())
      await visit(viewer, `/modules/${moduleId}/lessons/${id}`, {
        ready: '.markdown, .lesson-content, article',
        name: `lesson-page-${i + 1}`,
        fields: ['lesson.title', 'lesson.markdown'],
        shot: i === 0,
        axe: i === 0,
      });
    await visit(viewer, `/modules/${moduleId}/lessons/${quizLessonId}`, {
      ready: '.q-text',
      name: 'lesson-quiz',
      fields: ['lesson.title', 'quiz.question', 'quiz.choice'],
      texts: [...idsOf('quiz.question'), ...idsOf('quiz.choice')],
      shot: true,
    });
    // Answer every question with its first (right) choice: the feedback payloads show.
    for (const fieldset of await viewer.locator('fieldset').all())
      await fieldset.locator('input').first().check();
    const before = hits.length;
    const d = dialogs.length;
    await viewer
      .getByRole('button', { name: /Valider|Envoyer|Soumettre/ })
      .first()
      .click();
    await viewer.waitForTimeout(1000);
    await checkPage(
      viewer,
      {
        name: 'lesson-quiz-feedback',
        fields: ['quiz.feedback'],
        texts: idsOf('quiz.feedback'),
        shot: true,
      },
      before,
      d,
    );

    const animator = await open('animator');
    await visit(animator, `/modules/${moduleId}`, {
      ready: '#learners-title',
      name: 'module-learners',
      fields: ['user.displayName'],
      shot: true,
    });
  });

  it('seminars: the list, the seminar page and the staff dashboard', async () => {
    const viewer = await open('viewer');
    await visit(viewer, '/seminars', { ready: 'h1', name: 'seminars-list', fields: ['seminar.title'] });
    await visit(viewer, `/seminars/${seminarId}`, {
      ready: 'h1',
      name: 'seminar',
      fields: [
        'seminar.title',
        'seminar.description',
        'seminar.venue',
        'seminar.address',
        'seminar.onlineUrl',
        'module.title',
      ],
      texts: [...P, ...idsOf('seminar.venue'), ...idsOf('seminar.address'), ...idsOf('seminar.title')],
      shot: true,
      axe: true,
    });
    // The online link is not followable as a script.
    const href = await viewer
      .locator('a[target="_blank"]', { hasText: 'javascript:' })
      .first()
      .getAttribute('href');
    expect(href).not.toMatch(/^javascript:/i);
    const staff = await open('staff');
    await visit(staff, `/seminars/${seminarId}/dashboard`, {
      ready: 'h1',
      name: 'seminar-dashboard',
      fields: ['user.displayName', 'seminar.title'],
      shot: true,
    });
  });

  it('discussions: the list, threads, replies and their history', async () => {
    const viewer = await open('viewer');
    await visit(viewer, `/spaces/${space.slug}/discussions`, {
      ready: '.thread-item',
      name: 'discussions-list',
      fields: ['thread.title', 'user.displayName'],
      texts: listThreads,
      shot: true,
    });
    for (const [i, t] of threads.entries()) {
      await visit(viewer, `/discussions/${t.id}`, {
        ready: 'article.reply',
        name: `thread-${i + 1}`,
        fields: ['thread.title', 'thread.body', 'reply.body', 'user.displayName'],
        texts: [slice(200, 50 + i, 1)[0]],
        shot: true,
        axe: i === 0,
      });
      if (i === 0) {
        const before = hits.length;
        const d = dialogs.length;
        await viewer.getByRole('button', { name: 'Historique des modifications' }).click();
        await viewer.locator('.history .version').first().waitFor();
        await viewer.waitForTimeout(600);
        await checkPage(viewer, { name: 'thread-history', fields: ['thread.body'] }, before, d);
      }
    }
  });

  it('the toolbox: list, resources with reviews, a rejected one, moderation', async () => {
    const viewer = await open('viewer');
    await visit(viewer, `/spaces/${space.slug}/toolbox`, {
      ready: 'h1',
      name: 'toolbox',
      fields: ['resource.title', 'resource.tags'],
      shot: true,
    });
    for (const [i, id] of resources.entries())
      await visit(viewer, `/resources/${id}`, {
        ready: '.review',
        name: `resource-${i + 1}`,
        fields: [
          'resource.title',
          'resource.description',
          'resource.tags',
          'resource.url',
          'review.body',
          'user.displayName',
        ],
        shot: i === 0,
        axe: i === 0,
      });
    const author = await open('author');
    await visit(author, `/resources/${rejectedId}`, {
      ready: 'h1',
      name: 'resource-rejected',
      fields: ['resource.title', 'resource.rejectionReason'],
      texts: [asShownText(joinText(idsOf('resource.rejectionReason')))],
      shot: true,
    });
    const animator = await open('animator');
    await visit(animator, `/spaces/${space.slug}/toolbox/moderation`, {
      ready: 'h1',
      name: 'moderation',
      fields: ['resource.title', 'report.reason', 'user.displayName'],
      texts: [...pendingTitles, ...reportReasons],
      shot: true,
      axe: true,
    });
  });

  it('notifications and the activity feed', async () => {
    const author = await open('author');
    await visit(author, '/notifications', {
      ready: '.notification',
      name: 'notifications',
      fields: ['notification.title'],
      texts: idsOf('notification.title'),
      shot: true,
      axe: true,
    });
    await visit(author, '/feed', {
      ready: '.feed-title',
      name: 'feed',
      fields: ['activity.title', 'user.displayName', 'space.title'],
      texts: idsOf('activity.title'),
      shot: true,
    });
  });

  it('admin pages: regions, organisations, roles', async () => {
    const admin = await open('admin');
    await visit(admin, '/admin/regions', {
      ready: 'h1',
      name: 'admin-regions',
      fields: ['region.name'],
      texts: regionPayloads,
      shot: true,
    });
    await visit(admin, '/admin/organisations', {
      ready: 'h1',
      name: 'admin-organisations',
      fields: ['organisation.name'],
      texts: orgPayloads,
      shot: true,
    });
    await visit(admin, '/admin/roles', { ready: 'h1', name: 'admin-roles', fields: ['user.displayName'] });
  });

  it('with the CSP on, the heaviest pages attempt no script at all', async () => {
    const viewer = await open('viewer', { csp: true });
    for (const [path, ready] of [
      [`/discussions/${threads[0].id}`, 'article.reply'],
      [`/modules/${moduleId}/lessons/${lessonIds[0]}`, 'h1'],
      [`/resources/${resources[0]}`, '.review'],
      [`/spaces/${space.slug}`, 'h1'],
    ] as const)
      await visit(viewer, path, { ready, name: `csp-on${path.replace(/\W+/g, '-')}`, fields: [] });
  });

  it('every payload was rendered in at least one field, every field on at least one page', () => {
    expect(hits).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(documentsSeen).toBeGreaterThan(20);
    expect(documentsWithoutCsp).toEqual([]);
    const rendered = new Set<number>();
    const rows: string[] = [];
    for (const [field, ids] of stored) {
      const pages = shownOn.get(field);
      expect({ field, pages: pages?.size ?? 0 }).not.toEqual({ field, pages: 0 });
      for (const id of ids) rendered.add(id);
      rows.push(`${field.padEnd(26)} ${String(ids.size).padStart(4)} payloads × ${pages?.size ?? 0} pages`);
    }
    expect(P.filter((p) => !rendered.has(p.id)).map((p) => p.id)).toEqual([]);
    const pairs = [...shownOn.values()].reduce((n, s) => n + s.size, 0);
    console.log(
      `stored XSS: ${P.length} payloads, ${stored.size} fields, ${pairs} field × page pairs, 0 executions\n` +
        rows.join('\n'),
    );
    expect(pageErrors).toEqual([]);
  });
});
