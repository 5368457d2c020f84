/**
 * The instant e-mail of each notification type, in the recipient's language (fr, ar, en), as
 * plain text and HTML. User-written text (titles, names) is escaped in HTML; Arabic HTML is
 * `dir="rtl"`, and a title written in another language keeps its own direction.
 */
import {
  directionOf,
  DomainEventType,
  Language,
  LANGUAGES,
  NotificationPayload,
  pickLocalized,
} from '@pratique/contracts';

export interface EmailInput {
  type: DomainEventType;
  language: Language;
  displayName: string;
  payload: NotificationPayload;
  /** The web app's address, without a trailing slash. */
  publicUrl: string;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

interface Strings {
  hello: (name: string) => string;
  subject: Record<DomainEventType, string>;
  body: Record<DomainEventType, string>;
  when: string;
  open: string;
  footer: string;
  preferences: string;
}

/** `{title}` in a subject or body is replaced by the module's or seminar's title. */
const STRINGS: Record<Language, Strings> = {
  fr: {
    hello: (name) => `Bonjour ${name},`,
    subject: {
      [DomainEventType.ModulePublished]: 'Nouveau module : {title}',
      [DomainEventType.ModuleCompleted]: 'Module terminé : {title}',
      [DomainEventType.RegistrationConfirmed]: 'Inscription confirmée : {title}',
      [DomainEventType.RegistrationPending]: 'Inscription en attente de confirmation : {title}',
      [DomainEventType.RegistrationWaitlisted]: "Vous êtes sur la liste d'attente : {title}",
      [DomainEventType.RegistrationPromoted]: 'Une place vous est attribuée : {title}',
      [DomainEventType.RegistrationCancelled]: 'Inscription annulée : {title}',
      [DomainEventType.RegistrationDeclined]: 'Inscription non retenue : {title}',
      [DomainEventType.SeminarCancelled]: 'Séminaire annulé : {title}',
      [DomainEventType.SeminarChanged]: 'Séminaire modifié : {title}',
    },
    body: {
      [DomainEventType.ModulePublished]: 'Un nouveau module est publié dans un de vos espaces : « {title} ».',
      [DomainEventType.ModuleCompleted]: 'Bravo, vous avez terminé le module « {title} ». Votre certificat est disponible.',
      [DomainEventType.RegistrationConfirmed]: 'Votre inscription à « {title} » est confirmée.',
      [DomainEventType.RegistrationPending]: 'Votre inscription à « {title} » attend la confirmation de l’équipe.',
      [DomainEventType.RegistrationWaitlisted]: 'Le séminaire « {title} » est complet : vous êtes sur la liste d’attente.',
      [DomainEventType.RegistrationPromoted]: 'Une place s’est libérée : votre inscription à « {title} » est confirmée.',
      [DomainEventType.RegistrationCancelled]: 'Votre inscription à « {title} » est annulée.',
      [DomainEventType.RegistrationDeclined]: 'Votre inscription à « {title} » n’a pas été retenue.',
      [DomainEventType.SeminarCancelled]: 'Le séminaire « {title} » est annulé.',
      [DomainEventType.SeminarChanged]: 'Le séminaire « {title} » a changé (date, lieu ou lien) : vérifiez les détails.',
    },
    when: 'Date :',
    open: 'Voir sur Pratique',
    footer: 'Vous recevez cet e-mail selon vos préférences de notification.',
    preferences: 'Modifier mes préférences',
  },
  ar: {
    hello: (name) => `مرحبًا ${name}،`,
    subject: {
      [DomainEventType.ModulePublished]: 'وحدة جديدة: {title}',
      [DomainEventType.ModuleCompleted]: 'أتممت الوحدة: {title}',
      [DomainEventType.RegistrationConfirmed]: 'تم تأكيد التسجيل: {title}',
      [DomainEventType.RegistrationPending]: 'التسجيل في انتظار التأكيد: {title}',
      [DomainEventType.RegistrationWaitlisted]: 'أنت في قائمة الانتظار: {title}',
      [DomainEventType.RegistrationPromoted]: 'حصلت على مقعد: {title}',
      [DomainEventType.RegistrationCancelled]: 'تم إلغاء التسجيل: {title}',
      [DomainEventType.RegistrationDeclined]: 'لم يُقبل التسجيل: {title}',
      [DomainEventType.SeminarCancelled]: 'تم إلغاء الندوة: {title}',
      [DomainEventType.SeminarChanged]: 'تم تعديل الندوة: {title}',
    },
    body: {
      [DomainEventType.ModulePublished]: 'نُشرت وحدة جديدة في أحد فضاءاتك: «{title}».',
      [DomainEventType.ModuleCompleted]: 'تهانينا، لقد أتممت الوحدة «{title}». شهادتك متاحة.',
      [DomainEventType.RegistrationConfirmed]: 'تم تأكيد تسجيلك في «{title}».',
      [DomainEventType.RegistrationPending]: 'تسجيلك في «{title}» في انتظار تأكيد الفريق.',
      [DomainEventType.RegistrationWaitlisted]: 'الندوة «{title}» مكتملة: أنت في قائمة الانتظار.',
      [DomainEventType.RegistrationPromoted]: 'تحرر مقعد: تم تأكيد تسجيلك في «{title}».',
      [DomainEventType.RegistrationCancelled]: 'تم إلغاء تسجيلك في «{title}».',
      [DomainEventType.RegistrationDeclined]: 'لم يُقبل تسجيلك في «{title}».',
      [DomainEventType.SeminarCancelled]: 'تم إلغاء الندوة «{title}».',
      [DomainEventType.SeminarChanged]: 'تغيرت الندوة «{title}» (الموعد أو المكان أو الرابط): يرجى مراجعة التفاصيل.',
    },
    when: 'الموعد:',
    open: 'عرض على منصة Pratique',
    footer: 'تصلك هذه الرسالة حسب تفضيلات الإشعارات الخاصة بك.',
    preferences: 'تعديل تفضيلاتي',
  },
  en: {
    hello: (name) => `Hello ${name},`,
    subject: {
      [DomainEventType.ModulePublished]: 'New module: {title}',
      [DomainEventType.ModuleCompleted]: 'Module completed: {title}',
      [DomainEventType.RegistrationConfirmed]: 'Registration confirmed: {title}',
      [DomainEventType.RegistrationPending]: 'Registration awaiting confirmation: {title}',
      [DomainEventType.RegistrationWaitlisted]: 'You are on the waiting list: {title}',
      [DomainEventType.RegistrationPromoted]: 'A seat is yours: {title}',
      [DomainEventType.RegistrationCancelled]: 'Registration cancelled: {title}',
      [DomainEventType.RegistrationDeclined]: 'Registration declined: {title}',
      [DomainEventType.SeminarCancelled]: 'Seminar cancelled: {title}',
      [DomainEventType.SeminarChanged]: 'Seminar changed: {title}',
    },
    body: {
      [DomainEventType.ModulePublished]: 'A new module was published in one of your spaces: “{title}”.',
      [DomainEventType.ModuleCompleted]: 'Well done, you completed the module “{title}”. Your certificate is ready.',
      [DomainEventType.RegistrationConfirmed]: 'Your registration for “{title}” is confirmed.',
      [DomainEventType.RegistrationPending]: 'Your registration for “{title}” awaits the team’s confirmation.',
      [DomainEventType.RegistrationWaitlisted]: '“{title}” is full: you are on the waiting list.',
      [DomainEventType.RegistrationPromoted]: 'A seat became free: your registration for “{title}” is confirmed.',
      [DomainEventType.RegistrationCancelled]: 'Your registration for “{title}” is cancelled.',
      [DomainEventType.RegistrationDeclined]: 'Your registration for “{title}” was declined.',
      [DomainEventType.SeminarCancelled]: 'The seminar “{title}” is cancelled.',
      [DomainEventType.SeminarChanged]: 'The seminar “{title}” changed (date, place or link): please check the details.',
    },
    when: 'When:',
    open: 'Open in Pratique',
    footer: 'You receive this e-mail because of your notification preferences.',
    preferences: 'Change my preferences',
  },
};

const TIME_ZONE = 'Africa/Tunis';

export function renderEmail(input: EmailInput): RenderedEmail {
  const lang = LANGUAGES.includes(input.language) ? input.language : 'fr';
  const s = STRINGS[lang];
  const dir = directionOf(lang);
  const title = pickLocalized(input.payload.title, lang, input.payload.originalLanguage ?? 'fr');
  const titleText = title.text || '—';
  const link = `${input.publicUrl}${linkPath(input.payload)}`;
  const prefs = `${input.publicUrl}/notifications/preferences`;
  const when = input.payload.startsAt
    ? new Intl.DateTimeFormat(lang === 'ar' ? 'ar-TN' : lang, { dateStyle: 'full', timeStyle: 'short', timeZone: TIME_ZONE }).format(
        new Date(input.payload.startsAt),
      )
    : null;

  const subject = s.subject[input.type].replace('{title}', titleText);
  const bodyText = s.body[input.type].replace('{title}', titleText);
  const text = [
    s.hello(input.displayName),
    '',
    bodyText,
    ...(when ? ['', `${s.when} ${when}`] : []),
    '',
    `${s.open}: ${link}`,
    '',
    '--',
    s.footer,
    `${s.preferences}: ${prefs}`,
  ].join('\n');

  const titleHtml = `<bdi lang="${title.lang}" dir="${title.dir}">${escapeHtml(titleText)}</bdi>`;
  const bodyHtml = escapeHtml(s.body[input.type]).replace('{title}', titleHtml);
  const html = `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body dir="${dir}" style="font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a;">
<p>${escapeHtml(s.hello(input.displayName))}</p>
<p>${bodyHtml}</p>
${when ? `<p><strong>${escapeHtml(s.when)}</strong> ${escapeHtml(when)}</p>\n` : ''}<p><a href="${escapeHtml(link)}">${escapeHtml(s.open)}</a></p>
<hr>
<p style="font-size: 0.85em; color: #555;">${escapeHtml(s.footer)} <a href="${escapeHtml(prefs)}">${escapeHtml(s.preferences)}</a></p>
</body>
</html>
`;
  return { subject, text, html };
}

function linkPath(p: NotificationPayload): string {
  if (p.seminarId) return `/seminars/${encodeURIComponent(p.seminarId)}`;
  if (p.moduleId) return `/modules/${encodeURIComponent(p.moduleId)}`;
  return '/notifications';
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
