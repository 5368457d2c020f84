import { DomainEventType, LANGUAGES, NOTIFICATION_TYPES } from '@pratique/contracts';
import { EMAIL_STRINGS, EmailInput, renderDigest, renderEmail } from './email-templates';

describe('renderEmail', () => {
  const base = {
    type: DomainEventType.RegistrationConfirmed,
    displayName: 'Amel <b>',
    payload: {
      seminarId: 'a1b2',
      title: { fr: 'Gouvernance & transparence', ar: 'الحوكمة' },
      startsAt: '2030-05-02T08:00:00Z',
    },
    publicUrl: 'https://pratique.example.org',
  };

  it('writes every type in every language, text and HTML', () => {
    for (const language of LANGUAGES)
      for (const type of NOTIFICATION_TYPES) {
        const mail = renderEmail({ ...base, type, language });
        expect(mail.subject).not.toContain('{title}');
        expect(mail.text).not.toContain('{title}');
        expect(mail.html).toContain(`lang="${language}"`);
      }
  });

  it('writes Arabic right to left, with the Arabic title', () => {
    const mail = renderEmail({ ...base, language: 'ar' });
    expect(mail.subject).toBe('تم تأكيد التسجيل: الحوكمة');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.text).toContain('https://pratique.example.org/seminars/a1b2');
  });

  it('falls back to the original title and escapes user text in HTML', () => {
    const mail = renderEmail({ ...base, language: 'en' });
    expect(mail.subject).toBe('Registration confirmed: Gouvernance & transparence');
    expect(mail.html).toContain('dir="ltr"');
    expect(mail.html).toContain('Gouvernance &amp; transparence');
    expect(mail.html).toContain('Hello Amel &lt;b&gt;,');
    expect(mail.html).not.toContain('<b>');
  });
});

describe('renderEmail: skills donation sessions', () => {
  const SESSION_TYPES = [
    DomainEventType.SkillSessionProposed,
    DomainEventType.SkillSessionAccepted,
    DomainEventType.SkillSessionDeclined,
    DomainEventType.SkillSessionCancelled,
    DomainEventType.SkillSessionDone,
  ] as const;
  const session = {
    displayName: 'Sami',
    // An offer's title is plain text in its author's language.
    payload: {
      sessionId: '3c2b1a09-8f7e-4d6c-a5b4-1e2d3c4b5a69',
      title: { fr: 'Comptabilité associative' },
      originalLanguage: 'fr' as const,
      startsAt: '2030-05-02T13:00:00Z',
    },
    publicUrl: 'https://pratique.example.org',
  };

  it('says each change of a session in its own words, in every language', () => {
    for (const language of LANGUAGES) {
      const subjects = SESSION_TYPES.map((type) => renderEmail({ ...session, type, language }).subject);
      expect(new Set(subjects).size).toBe(SESSION_TYPES.length);
      for (const s of subjects) expect(s).toContain('Comptabilité associative');
    }
  });

  it('tells of a proposal with the offer’s title, the session’s date and a link to the sessions page', () => {
    const mail = renderEmail({ ...session, type: DomainEventType.SkillSessionProposed, language: 'fr' });
    expect(mail.subject).toBe('Nouvelle proposition de séance : Comptabilité associative');
    expect(mail.text).toContain('« Comptabilité associative »');
    expect(mail.text).toMatch(/Date : .*2030/);
    expect(mail.text).toContain('Voir sur Pratique: https://pratique.example.org/skills/sessions\n');
    expect(mail.html).toContain('href="https://pratique.example.org/skills/sessions"');
  });

  it('asks to rate a session that took place', () => {
    expect(renderEmail({ ...session, type: DomainEventType.SkillSessionDone, language: 'en' })).toMatchObject(
      {
        subject: 'Session done, please rate it: Comptabilité associative',
        text: expect.stringContaining('Please take a minute to rate it'),
      },
    );
    expect(
      renderEmail({ ...session, type: DomainEventType.SkillSessionDone, language: 'fr' }).text,
    ).toContain('Prenez une minute pour l’évaluer');
    expect(
      renderEmail({ ...session, type: DomainEventType.SkillSessionDone, language: 'ar' }).text,
    ).toContain('خصّص دقيقة لتقييمها');
  });

  it('keeps a French offer title left to right in an Arabic e-mail', () => {
    const mail = renderEmail({ ...session, type: DomainEventType.SkillSessionAccepted, language: 'ar' });
    expect(mail.subject).toBe('تم قبول الجلسة: Comptabilité associative');
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('<bdi lang="fr" dir="ltr">Comptabilité associative</bdi>');
  });
});

describe('renderEmail and renderDigest: each language in its own words and formats', () => {
  const mail: Omit<EmailInput, 'language'> = {
    type: DomainEventType.SeminarStartsSoon,
    displayName: 'Amel',
    payload: {
      seminarId: 'a1b2',
      title: { fr: 'Gouvernance', ar: 'الحوكمة', en: 'Governance' },
      startsAt: '2030-05-02T08:00:00Z',
    },
    publicUrl: 'https://pratique.example.org',
  };
  const ARABIC = /[\u0600-\u06FF]/;
  /** The fixed words of a template (without its placeholders), to spot them in another language's e-mail. */
  const words = (template: string) =>
    template
      .split(/\{\w+\}/)
      .map((s) => s.trim())
      .filter((s) => s.length > 3);

  it('writes the date with the language’s locale, in Tunisia’s time, on a 24-hour clock', () => {
    expect(renderEmail({ ...mail, language: 'fr' }).text).toContain('Date : jeudi 2 mai 2030 à 09:00');
    expect(renderEmail({ ...mail, language: 'en' }).text).toContain('When: Thursday, 2 May 2030 at 09:00');
    // ar-TN: Arabic day and Maghreb month names, Latin digits as written in Tunisia.
    expect(renderEmail({ ...mail, language: 'ar' }).text).toContain('الموعد: الخميس، 2 ماي 2030 في 09:00');
    expect(renderEmail({ ...mail, language: 'ar' }).html).toContain('2 ماي 2030');
  });

  it('writes an Arabic e-mail in Arabic around the title, right to left', () => {
    const ar = renderEmail({ ...mail, language: 'ar' });
    const withoutUserText = ar.text
      .replace(/https?:\S+/g, '')
      .replace('Amel', '')
      .replace('الحوكمة', '')
      .replace(/Pratique/g, '');
    expect(withoutUserText).toMatch(ARABIC);
    expect(withoutUserText).not.toMatch(/[A-Za-z]{3,}/);
    expect(ar.html).toContain('<body dir="rtl"');
  });

  it('never falls back to another language’s text: no e-mail holds words of the other languages’ templates', () => {
    for (const type of NOTIFICATION_TYPES)
      for (const language of LANGUAGES) {
        const { subject, text } = renderEmail({ ...mail, type, language });
        for (const other of LANGUAGES.filter((l) => l !== language)) {
          const s = EMAIL_STRINGS[other];
          for (const w of [...words(s.subject[type]), ...words(s.body[type]), s.footer, s.preferences])
            expect(`${type} ${language}: ${subject}\n${text}`).not.toContain(w);
        }
        if (language === 'ar') expect(subject.replace('الحوكمة', '')).toMatch(ARABIC);
      }
  });

  it('counts a digest with the language’s plural forms and digits', () => {
    const digest = (language: 'fr' | 'ar' | 'en', n: number) =>
      renderDigest({
        language,
        displayName: 'Amel',
        publicUrl: mail.publicUrl,
        items: Array.from({ length: n }, () => ({ type: mail.type, payload: mail.payload })),
      }).subject;
    expect(digest('fr', 1)).toBe('Votre résumé Pratique : 1 nouveauté');
    expect(digest('fr', 1200)).toBe('Votre résumé Pratique : 1\u202f200 nouveautés');
    expect(digest('en', 2)).toBe('Your Pratique digest: 2 updates');
    expect([1, 2, 3, 11, 100].map((n) => digest('ar', n))).toEqual([
      'ملخصك على Pratique: مستجد واحد',
      'ملخصك على Pratique: مستجدان',
      'ملخصك على Pratique: 3 مستجدات',
      'ملخصك على Pratique: 11 مستجدًا',
      'ملخصك على Pratique: 100 مستجد',
    ]);
  });

  it('writes a title holding `$&` as is', () => {
    const { subject } = renderEmail({
      ...mail,
      language: 'en',
      payload: { ...mail.payload, title: { en: 'A $& B' }, originalLanguage: 'en' },
    });
    expect(subject).toBe('Reminder: A $& B starts soon');
  });
});
