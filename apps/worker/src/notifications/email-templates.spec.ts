import { DomainEventType, LANGUAGES, NOTIFICATION_TYPES } from '@pratique/contracts';
import { renderEmail } from './email-templates';

describe('renderEmail', () => {
  const base = {
    type: DomainEventType.RegistrationConfirmed,
    displayName: 'Amel <b>',
    payload: { seminarId: 'a1b2', title: { fr: 'Gouvernance & transparence', ar: 'الحوكمة' }, startsAt: '2030-05-02T08:00:00Z' },
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
