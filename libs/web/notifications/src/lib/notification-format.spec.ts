import {
  DomainEventType,
  LANGUAGES,
  NOTIFICATION_TYPES,
  NotificationChannel,
  NotificationDto,
  NotificationPreference,
} from '@pratique/contracts';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  TITLE_MARK,
  appendPage,
  changedPreferences,
  notificationLink,
  notificationSentence,
  notificationWhen,
  relativeTime,
  splitAtTitle,
  typeKey,
} from './notification-format';

const SEMINAR = '0b9f6a4e-3c1d-4c1e-9d2a-5f1e2d3c4b5a';
const MODULE = '7d3e2c1b-0a9f-4e8d-b7c6-5a4b3c2d1e0f';
const SESSION = '3c2b1a09-8f7e-4d6c-a5b4-1e2d3c4b5a69';

const note = (
  type: NotificationDto['type'],
  payload: NotificationDto['payload'] = {},
  id = '1',
): NotificationDto => ({ id, type, payload, createdAt: '2026-06-01T10:00:00Z', readAt: null });

describe('notification sentences and links', () => {
  it('puts the title in the reader’s language, else the original, and keeps its own direction', () => {
    const n = note(DomainEventType.RegistrationPromoted, {
      seminarId: SEMINAR,
      title: { fr: 'Plaidoyer local', ar: 'المناصرة المحلية' },
      originalLanguage: 'fr',
    });
    expect(notificationSentence(n, 'ar')).toEqual({
      key: 'notifications.type.registration.promoted.sentence',
      params: { title: TITLE_MARK },
      title: { text: 'المناصرة المحلية', lang: 'ar', dir: 'rtl' },
    });
    // No English title: the French one, marked French and left-to-right.
    expect(notificationSentence(n, 'en').title).toEqual({ text: 'Plaidoyer local', lang: 'fr', dir: 'ltr' });
  });

  it('says the type without a title when there is none (a deleted seminar)', () => {
    expect(notificationSentence(note(DomainEventType.SeminarChanged, { title: { fr: '  ' } }), 'fr')).toEqual(
      {
        key: 'notifications.type.seminar.changed.untitled',
        title: null,
      },
    );
  });

  it('says which role was granted, and where', () => {
    expect(notificationSentence(note(DomainEventType.RoleGranted, { role: 'admin' }), 'fr')).toEqual({
      key: 'notifications.roleGranted.admin',
      title: null,
    });
    expect(
      notificationSentence(note(DomainEventType.RoleGranted, { role: 'staff', title: { fr: 'Sfax' } }), 'en'),
    ).toMatchObject({ key: 'notifications.roleGranted.staff', title: { text: 'Sfax', lang: 'fr' } });
    expect(notificationSentence(note(DomainEventType.RoleGranted, { role: 'animator' }), 'en').key).toBe(
      'notifications.type.role.granted.untitled',
    );
  });

  it('cuts a translated sentence around the title', () => {
    expect(splitAtTitle(`Votre inscription à « ${TITLE_MARK} » est confirmée.`)).toEqual({
      before: 'Votre inscription à « ',
      after: ' » est confirmée.',
      hasTitle: true,
    });
    expect(splitAtTitle('Un séminaire a changé.')).toEqual({
      before: 'Un séminaire a changé.',
      after: '',
      hasTitle: false,
    });
    expect(splitAtTitle(`${TITLE_MARK} et ${TITLE_MARK}`).after).toBe(' et ');
  });

  it('tells of a skill session with its offer’s title, in the language it was written in', () => {
    const n = note(DomainEventType.SkillSessionProposed, {
      sessionId: SESSION,
      title: { ar: 'المحاسبة للجمعيات' },
      originalLanguage: 'ar',
      startsAt: '2026-07-03T13:00:00Z',
    });
    // A French reader: the Arabic title, kept right to left inside the French sentence.
    expect(notificationSentence(n, 'fr')).toEqual({
      key: 'notifications.type.skill-session.proposed.sentence',
      params: { title: TITLE_MARK },
      title: { text: 'المحاسبة للجمعيات', lang: 'ar', dir: 'rtl' },
    });
    expect(
      notificationSentence(note(DomainEventType.SkillSessionDone, { sessionId: SESSION }), 'en'),
    ).toEqual({
      key: 'notifications.type.skill-session.done.untitled',
      title: null,
    });
    expect(notificationLink(n.payload)).toEqual(['/skills', 'sessions']);
  });

  it('dates a skill session with the session’s time, for every session type, and not as a start', () => {
    for (const type of [
      DomainEventType.SkillSessionProposed,
      DomainEventType.SkillSessionAccepted,
      DomainEventType.SkillSessionDeclined,
      DomainEventType.SkillSessionCancelled,
      DomainEventType.SkillSessionDone,
    ])
      expect(notificationWhen(note(type, { sessionId: SESSION, startsAt: '2026-07-03T13:00:00Z' }))).toEqual({
        key: 'notifications.when.session',
        iso: '2026-07-03T13:00:00Z',
      });
    expect(notificationWhen(note(DomainEventType.SkillSessionDone, { sessionId: SESSION }))).toBeNull();
  });

  it('links to the seminar, else the module, else the space, else nowhere', () => {
    expect(notificationLink({ seminarId: SEMINAR, moduleId: MODULE })).toEqual(['/seminars', SEMINAR]);
    expect(notificationLink({ moduleId: MODULE, spaceId: 'x' })).toEqual(['/modules', MODULE]);
    expect(notificationLink({ spaceId: 'x', spaceSlug: 'gouvernance' })).toEqual(['/spaces', 'gouvernance']);
    expect(notificationLink({ role: 'admin' })).toBeNull();
  });

  it('shows the start of a seminar, or the registration deadline of a "closes soon" reminder', () => {
    expect(
      notificationWhen(note(DomainEventType.SeminarChanged, { startsAt: '2026-07-01T08:00:00Z' })),
    ).toEqual({
      key: 'notifications.when.starts',
      iso: '2026-07-01T08:00:00Z',
    });
    expect(
      notificationWhen(
        note(DomainEventType.SeminarRegistrationClosesSoon, {
          at: '2026-06-20T23:00:00Z',
          startsAt: '2026-07-01T08:00:00Z',
        }),
      ),
    ).toEqual({ key: 'notifications.when.closes', iso: '2026-06-20T23:00:00Z' });
    expect(notificationWhen(note(DomainEventType.ModulePublished, { moduleId: MODULE }))).toBeNull();
  });

  it('says when, relatively for a week, then as a date', () => {
    const now = new Date('2026-06-10T12:00:00Z');
    const ago = (s: number) => new Date(now.getTime() - s * 1000).toISOString();
    expect(relativeTime(ago(10), 'en', now)).toBe('now');
    expect(relativeTime(ago(5 * 60), 'en', now)).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), 'fr', now)).toBe('il y a 3 heures');
    expect(relativeTime(ago(26 * 3600), 'fr', now)).toBe('hier');
    expect(relativeTime(ago(5 * 60), 'ar', now)).toBe('قبل 5 دقائق');
    expect(relativeTime(ago(30 * 86400), 'en', now)).toBe('11 May 2026');
    expect(relativeTime('not a date', 'en', now)).toBe('');
  });
});

describe('preferences and pages', () => {
  const saved: NotificationPreference[] = [
    { type: DomainEventType.SeminarChanged, channel: NotificationChannel.Email, isDefault: true },
    { type: DomainEventType.ModulePublished, channel: NotificationChannel.InApp, isDefault: false },
  ];

  it('sends only the rows the member changed', () => {
    expect(
      changedPreferences(saved, { [DomainEventType.SeminarChanged]: NotificationChannel.Email }),
    ).toEqual([]);
    expect(
      changedPreferences(saved, {
        [DomainEventType.SeminarChanged]: NotificationChannel.Off,
        [DomainEventType.ModulePublished]: NotificationChannel.InApp,
      }),
    ).toEqual([{ type: DomainEventType.SeminarChanged, channel: NotificationChannel.Off }]);
  });

  it('appends a page without repeating what new arrivals pushed down', () => {
    const a = note(DomainEventType.ModulePublished, {}, '3');
    const b = note(DomainEventType.ModulePublished, {}, '2');
    const c = note(DomainEventType.ModulePublished, {}, '1');
    expect(appendPage([a, b], [b, c]).map((n) => n.id)).toEqual(['3', '2', '1']);
  });
});

describe('translations of the notification types', () => {
  const root = join(__dirname, '../../../../../apps/web/public/i18n/notifications');
  const files = Object.fromEntries(
    LANGUAGES.map((lang) => [lang, JSON.parse(readFileSync(join(root, `${lang}.json`), 'utf8'))]),
  );
  const lookup = (tree: unknown, key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);

  it('has a label, a help text and both sentences for every type in every language', () => {
    const missing: string[] = [];
    for (const lang of LANGUAGES)
      for (const type of NOTIFICATION_TYPES)
        for (const text of ['label', 'help', 'sentence', 'untitled'] as const) {
          const key = typeKey(type, text).replace(/^notifications\./, '');
          const value = lookup(files[lang], key);
          if (typeof value !== 'string' || !value.trim()) missing.push(`${lang}: ${key}`);
          else if (text === 'sentence' && !value.includes('{{title}}'))
            missing.push(`${lang}: ${key} has no {{title}}`);
        }
    expect(missing).toEqual([]);
  });

  it('says every kind of date the list shows, in every language', () => {
    const missing: string[] = [];
    for (const lang of LANGUAGES)
      for (const kind of ['starts', 'closes', 'session'])
        if (!String(lookup(files[lang], `when.${kind}`) ?? '').includes('{{date}}'))
          missing.push(`${lang}: when.${kind}`);
    expect(missing).toEqual([]);
  });

  it('names every channel in every language', () => {
    for (const lang of LANGUAGES)
      for (const channel of Object.values(NotificationChannel))
        expect(typeof lookup(files[lang], `channel.${channel}.label`)).toBe('string');
  });
});
