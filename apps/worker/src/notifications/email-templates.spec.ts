import { DomainEventType, LANGUAGES, NOTIFICATION_TYPES } from '@pratique/contracts';
import { renderEmail } from './email-templates';

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
