/**
 * The instant e-mail of each notification type, in the recipient's language (fr, ar, en), as
 * plain text and HTML. User-written text (titles, names) is escaped in HTML; Arabic HTML is
 * `dir="rtl"`, and a title written in another language keeps its own direction.
 */
import {
  directionOf,
  DomainEventType,
  FORMAT_LOCALES,
  GrantedRole,
  Language,
  LANGUAGES,
  NotificationPayload,
  notificationPath,
  NotificationType,
  pickLocalized,
} from '@pratique/contracts';

export interface EmailInput {
  type: NotificationType;
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

/** Plural forms, by `Intl.PluralRules` category: `other` always, the others as the language needs. */
export type PluralText = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface EmailStrings {
  /** `{name}`: the recipient's display name. */
  hello: string;
  subject: Record<NotificationType, string>;
  body: Record<NotificationType, string>;
  role: Record<GrantedRole, string>;
  when: string;
  open: string;
  footer: string;
  preferences: string;
  /** `{count}`: how many notifications the digest holds, in the language's digits. */
  digestSubject: PluralText;
  digestIntro: string;
}

/**
 * Every text of the e-mails, per language: a language or a key missing is a compile error, and
 * `tools/lint/i18n-server.spec.ts` checks that none is empty and that each uses the same
 * `{parameters}` in every language. `{title}` in a subject or body is replaced by the title of
 * what the event is about (module, seminar, thread, resource, skill offer, space or region),
 * `{role}` by the role's name, `{name}` by the recipient's name.
 */
export const EMAIL_STRINGS = {
  fr: {
    hello: 'Bonjour {name},',
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
      [DomainEventType.SeminarEligible]: 'Vous pouvez vous inscrire : {title}',
      [DomainEventType.SeminarStartsSoon]: 'Rappel : {title} commence bientôt',
      [DomainEventType.SeminarRegistrationClosesSoon]: 'Dernier jour pour vous inscrire : {title}',
      [DomainEventType.RoleGranted]: 'Nouveau rôle : {role}',
      [DomainEventType.ThreadCreated]: 'Nouvelle discussion : {title}',
      [DomainEventType.ReplyCreated]: 'Nouvelle réponse : {title}',
      [DomainEventType.AnswerAccepted]: 'Votre réponse est acceptée : {title}',
      [DomainEventType.ResourceApproved]: 'Votre ressource est publiée : {title}',
      [DomainEventType.ResourceRejected]: 'Votre ressource n’a pas été retenue : {title}',
      [DomainEventType.SkillSessionProposed]: 'Nouvelle proposition de séance : {title}',
      [DomainEventType.SkillSessionAccepted]: 'Séance acceptée : {title}',
      [DomainEventType.SkillSessionDeclined]: 'Séance déclinée : {title}',
      [DomainEventType.SkillSessionCancelled]: 'Séance annulée : {title}',
      [DomainEventType.SkillSessionDone]: 'Séance terminée, donnez votre avis : {title}',
    },
    body: {
      [DomainEventType.ModulePublished]: 'Un nouveau module est publié dans un de vos espaces : « {title} ».',
      [DomainEventType.ModuleCompleted]:
        'Bravo, vous avez terminé le module « {title} ». Votre certificat est disponible.',
      [DomainEventType.RegistrationConfirmed]: 'Votre inscription à « {title} » est confirmée.',
      [DomainEventType.RegistrationPending]:
        'Votre inscription à « {title} » attend la confirmation de l’équipe.',
      [DomainEventType.RegistrationWaitlisted]:
        'Le séminaire « {title} » est complet : vous êtes sur la liste d’attente.',
      [DomainEventType.RegistrationPromoted]:
        'Une place s’est libérée : votre inscription à « {title} » est confirmée.',
      [DomainEventType.RegistrationCancelled]: 'Votre inscription à « {title} » est annulée.',
      [DomainEventType.RegistrationDeclined]: 'Votre inscription à « {title} » n’a pas été retenue.',
      [DomainEventType.SeminarCancelled]: 'Le séminaire « {title} » est annulé.',
      [DomainEventType.SeminarChanged]:
        'Le séminaire « {title} » a changé (date, lieu ou lien) : vérifiez les détails.',
      [DomainEventType.SeminarEligible]:
        'Grâce à votre progression dans les modules en ligne, vous remplissez les conditions du séminaire « {title} ». Vous pouvez maintenant vous inscrire.',
      [DomainEventType.SeminarStartsSoon]:
        'Le séminaire « {title} », auquel vous êtes inscrit·e, commence bientôt.',
      [DomainEventType.SeminarRegistrationClosesSoon]:
        'Les inscriptions au séminaire « {title} » ferment dans moins de 24 h, et vous remplissez ses conditions.',
      [DomainEventType.RoleGranted]: 'Vous avez désormais le rôle « {role} » ({title}).',
      [DomainEventType.ThreadCreated]:
        'Une nouvelle discussion est ouverte dans un espace que vous suivez : « {title} ».',
      [DomainEventType.ReplyCreated]:
        'Une nouvelle réponse est publiée dans une discussion que vous suivez : « {title} ».',
      [DomainEventType.AnswerAccepted]:
        'Votre réponse à la question « {title} » a été acceptée. Merci pour votre aide !',
      [DomainEventType.ResourceApproved]:
        'L’équipe d’animation a publié votre ressource « {title} » dans la boîte à outils.',
      [DomainEventType.ResourceRejected]:
        'Votre ressource « {title} » n’a pas été retenue. Le motif est indiqué sur sa page : vous pouvez la corriger et la soumettre à nouveau.',
      [DomainEventType.SkillSessionProposed]:
        'Une séance de don de compétences vous est proposée autour de « {title} ». Consultez ses détails (date, format, message), puis acceptez-la ou déclinez-la.',
      [DomainEventType.SkillSessionAccepted]:
        'Votre proposition de séance autour de « {title} » est acceptée : la séance est programmée.',
      [DomainEventType.SkillSessionDeclined]:
        'Votre proposition de séance autour de « {title} » a été déclinée. Vous pouvez en proposer une autre.',
      [DomainEventType.SkillSessionCancelled]: 'La séance prévue autour de « {title} » est annulée.',
      [DomainEventType.SkillSessionDone]:
        'La séance « {title} » a eu lieu. Prenez une minute pour l’évaluer : votre avis aide toute la communauté.',
    },
    when: 'Date :',
    open: 'Voir sur Pratique',
    footer: 'Vous recevez cet e-mail selon vos préférences de notification.',
    preferences: 'Modifier mes préférences',
    role: {
      admin: 'administrateur·rice',
      staff: 'équipe du bureau régional',
      animator: 'animateur·rice d’espace',
    },
    digestSubject: {
      one: 'Votre résumé Pratique : {count} nouveauté',
      other: 'Votre résumé Pratique : {count} nouveautés',
    },
    digestIntro: 'Voici ce qui s’est passé pour vous sur Pratique :',
  },
  ar: {
    hello: 'مرحبًا {name}،',
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
      [DomainEventType.SeminarEligible]: 'يمكنك التسجيل الآن: {title}',
      [DomainEventType.SeminarStartsSoon]: 'تذكير: تبدأ {title} قريبًا',
      [DomainEventType.SeminarRegistrationClosesSoon]: 'آخر يوم للتسجيل: {title}',
      [DomainEventType.RoleGranted]: 'دور جديد: {role}',
      [DomainEventType.ThreadCreated]: 'نقاش جديد: {title}',
      [DomainEventType.ReplyCreated]: 'رد جديد: {title}',
      [DomainEventType.AnswerAccepted]: 'تم قبول إجابتك: {title}',
      [DomainEventType.ResourceApproved]: 'تم نشر موردك: {title}',
      [DomainEventType.ResourceRejected]: 'لم يُقبل موردك: {title}',
      [DomainEventType.SkillSessionProposed]: 'اقتراح جلسة جديدة: {title}',
      [DomainEventType.SkillSessionAccepted]: 'تم قبول الجلسة: {title}',
      [DomainEventType.SkillSessionDeclined]: 'لم تُقبل الجلسة: {title}',
      [DomainEventType.SkillSessionCancelled]: 'تم إلغاء الجلسة: {title}',
      [DomainEventType.SkillSessionDone]: 'انتهت الجلسة، شاركنا تقييمك: {title}',
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
      [DomainEventType.SeminarChanged]:
        'تغيرت الندوة «{title}» (الموعد أو المكان أو الرابط): يرجى مراجعة التفاصيل.',
      [DomainEventType.SeminarEligible]:
        'بفضل تقدمك في الوحدات الإلكترونية، أصبحت تستوفي شروط الندوة «{title}». يمكنك الآن التسجيل.',
      [DomainEventType.SeminarStartsSoon]: 'تبدأ الندوة «{title}» التي سجلت فيها قريبًا.',
      [DomainEventType.SeminarRegistrationClosesSoon]:
        'يُغلق التسجيل في الندوة «{title}» خلال أقل من 24 ساعة، وأنت تستوفي شروطها.',
      [DomainEventType.RoleGranted]: 'أصبح لديك الآن دور «{role}» ({title}).',
      [DomainEventType.ThreadCreated]: 'فُتح نقاش جديد في فضاء تتابعه: «{title}».',
      [DomainEventType.ReplyCreated]: 'نُشر رد جديد في نقاش تتابعه: «{title}».',
      [DomainEventType.AnswerAccepted]: 'تم قبول إجابتك على السؤال «{title}». شكرًا على مساعدتك!',
      [DomainEventType.ResourceApproved]: 'نشر فريق التنشيط موردك «{title}» في صندوق الأدوات.',
      [DomainEventType.ResourceRejected]:
        'لم يُقبل موردك «{title}». السبب مذكور في صفحته: يمكنك تعديله وإرساله من جديد.',
      [DomainEventType.SkillSessionProposed]:
        'اقتُرحت عليك جلسة تبرّع بالمهارات حول «{title}». اطّلع على تفاصيلها (الموعد والصيغة والرسالة)، ثم اقبلها أو اعتذر عنها.',
      [DomainEventType.SkillSessionAccepted]: 'تم قبول اقتراحك لجلسة حول «{title}»: الجلسة مبرمجة.',
      [DomainEventType.SkillSessionDeclined]: 'لم يُقبل اقتراحك لجلسة حول «{title}». يمكنك اقتراح جلسة أخرى.',
      [DomainEventType.SkillSessionCancelled]: 'تم إلغاء الجلسة المبرمجة حول «{title}».',
      [DomainEventType.SkillSessionDone]:
        'انعقدت الجلسة «{title}». خصّص دقيقة لتقييمها: رأيك يفيد المجتمع كله.',
    },
    when: 'الموعد:',
    open: 'عرض على منصة Pratique',
    footer: 'تصلك هذه الرسالة حسب تفضيلات الإشعارات الخاصة بك.',
    preferences: 'تعديل تفضيلاتي',
    role: { admin: 'مسؤول المنصة', staff: 'فريق المكتب الجهوي', animator: 'منشّط الفضاء' },
    digestSubject: {
      zero: 'ملخصك على Pratique: لا مستجدات',
      one: 'ملخصك على Pratique: مستجد واحد',
      two: 'ملخصك على Pratique: مستجدان',
      few: 'ملخصك على Pratique: {count} مستجدات',
      many: 'ملخصك على Pratique: {count} مستجدًا',
      other: 'ملخصك على Pratique: {count} مستجد',
    },
    digestIntro: 'إليك ما جدّ لك على منصة Pratique:',
  },
  en: {
    hello: 'Hello {name},',
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
      [DomainEventType.SeminarEligible]: 'You can register now: {title}',
      [DomainEventType.SeminarStartsSoon]: 'Reminder: {title} starts soon',
      [DomainEventType.SeminarRegistrationClosesSoon]: 'Last day to register: {title}',
      [DomainEventType.RoleGranted]: 'New role: {role}',
      [DomainEventType.ThreadCreated]: 'New discussion: {title}',
      [DomainEventType.ReplyCreated]: 'New reply: {title}',
      [DomainEventType.AnswerAccepted]: 'Your answer was accepted: {title}',
      [DomainEventType.ResourceApproved]: 'Your resource is published: {title}',
      [DomainEventType.ResourceRejected]: 'Your resource was not accepted: {title}',
      [DomainEventType.SkillSessionProposed]: 'New session proposal: {title}',
      [DomainEventType.SkillSessionAccepted]: 'Session accepted: {title}',
      [DomainEventType.SkillSessionDeclined]: 'Session declined: {title}',
      [DomainEventType.SkillSessionCancelled]: 'Session cancelled: {title}',
      [DomainEventType.SkillSessionDone]: 'Session done, please rate it: {title}',
    },
    body: {
      [DomainEventType.ModulePublished]: 'A new module was published in one of your spaces: “{title}”.',
      [DomainEventType.ModuleCompleted]:
        'Well done, you completed the module “{title}”. Your certificate is ready.',
      [DomainEventType.RegistrationConfirmed]: 'Your registration for “{title}” is confirmed.',
      [DomainEventType.RegistrationPending]:
        'Your registration for “{title}” awaits the team’s confirmation.',
      [DomainEventType.RegistrationWaitlisted]: '“{title}” is full: you are on the waiting list.',
      [DomainEventType.RegistrationPromoted]:
        'A seat became free: your registration for “{title}” is confirmed.',
      [DomainEventType.RegistrationCancelled]: 'Your registration for “{title}” is cancelled.',
      [DomainEventType.RegistrationDeclined]: 'Your registration for “{title}” was declined.',
      [DomainEventType.SeminarCancelled]: 'The seminar “{title}” is cancelled.',
      [DomainEventType.SeminarChanged]:
        'The seminar “{title}” changed (date, place or link): please check the details.',
      [DomainEventType.SeminarEligible]:
        'Thanks to your progress in the online modules, you meet the requirements of the seminar “{title}”. You can register now.',
      [DomainEventType.SeminarStartsSoon]: 'The seminar “{title}” you registered for starts soon.',
      [DomainEventType.SeminarRegistrationClosesSoon]:
        'Registration for the seminar “{title}” closes in less than 24 hours, and you meet its requirements.',
      [DomainEventType.RoleGranted]: 'You now have the role “{role}” ({title}).',
      [DomainEventType.ThreadCreated]: 'A new discussion started in a space you follow: “{title}”.',
      [DomainEventType.ReplyCreated]: 'A new reply was posted in a discussion you follow: “{title}”.',
      [DomainEventType.AnswerAccepted]:
        'Your answer to the question “{title}” was accepted. Thank you for your help!',
      [DomainEventType.ResourceApproved]: 'The animators published your resource “{title}” in the toolbox.',
      [DomainEventType.ResourceRejected]:
        'Your resource “{title}” was not accepted. The reason is on its page: you can correct it and submit it again.',
      [DomainEventType.SkillSessionProposed]:
        'A skills donation session was proposed to you for “{title}”. Check its details (date, format, message), then accept or decline it.',
      [DomainEventType.SkillSessionAccepted]:
        'Your session proposal for “{title}” was accepted: the session is scheduled.',
      [DomainEventType.SkillSessionDeclined]:
        'Your session proposal for “{title}” was declined. You can propose another one.',
      [DomainEventType.SkillSessionCancelled]: 'The session planned for “{title}” is cancelled.',
      [DomainEventType.SkillSessionDone]:
        'The session “{title}” took place. Please take a minute to rate it: your feedback helps the whole community.',
    },
    when: 'When:',
    open: 'Open in Pratique',
    footer: 'You receive this e-mail because of your notification preferences.',
    preferences: 'Change my preferences',
    role: { admin: 'administrator', staff: 'regional office staff', animator: 'space animator' },
    digestSubject: {
      one: 'Your Pratique digest: {count} update',
      other: 'Your Pratique digest: {count} updates',
    },
    digestIntro: 'Here is what happened for you on Pratique:',
  },
} as const satisfies Record<Language, EmailStrings>;

const STRINGS: Readonly<Record<Language, EmailStrings>> = EMAIL_STRINGS;

/** `{name}` → `values.name` (each placeholder once or more; an unknown one is left as is). */
export function interpolate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? values[key] : whole));
}

/** The plural form of `n` in `lang`, `{count}` written with the language's digits and separators. */
function plural(forms: PluralText, n: number, lang: Language): string {
  const locale = FORMAT_LOCALES[lang];
  const form = forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;
  return interpolate(form, { count: new Intl.NumberFormat(locale).format(n) });
}

const hello = (s: EmailStrings, name: string) => interpolate(s.hello, { name });

const TIME_ZONE = 'Africa/Tunis';

interface Filled {
  /** The sentence as plain text. */
  text: string;
  /** The same sentence as HTML, the title isolated in its own language and direction. */
  html: string;
}

/** A subject or body of `type` with `{title}` and `{role}` filled in, in text and HTML. */
function fill(template: string, lang: Language, payload: NotificationPayload): Filled {
  const s = STRINGS[lang];
  const title = pickLocalized(payload.title, lang, payload.originalLanguage ?? 'fr');
  const role = payload.role ? s.role[payload.role] : '';
  // A role granted without a place (admin) has no "({title})".
  const t = title.text ? template : template.replace(/\s*\(\{title\}\)/, '');
  const titleText = title.text || '—';
  return {
    // Replacement functions, so a `$&` in a title is written as is.
    text: interpolate(t, { title: titleText, role }),
    html: interpolate(escapeHtml(t), {
      title: `<bdi lang="${title.lang}" dir="${title.dir}">${escapeHtml(titleText)}</bdi>`,
      role: escapeHtml(role),
    }),
  };
}

function formatWhen(lang: Language, payload: NotificationPayload): string | null {
  if (!payload.startsAt) return null;
  const date = new Date(payload.startsAt);
  if (Number.isNaN(date.getTime())) return null;
  // The language's own locale (digits, month names, order), a 24-hour clock, the country's time.
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], {
    dateStyle: 'full',
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone: TIME_ZONE,
  }).format(date);
}

const languageOf = (language: Language): Language => (LANGUAGES.includes(language) ? language : 'fr');

function layout(
  lang: Language,
  subject: string,
  displayName: string,
  content: string,
  publicUrl: string,
): string {
  const s = STRINGS[lang];
  const dir = directionOf(lang);
  const prefs = `${publicUrl}/notifications/preferences`;
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body dir="${dir}" style="font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a;">
<p>${escapeHtml(hello(s, displayName))}</p>
${content}
<hr>
<p style="font-size: 0.85em; color: #555;">${escapeHtml(s.footer)} <a href="${escapeHtml(prefs)}">${escapeHtml(s.preferences)}</a></p>
</body>
</html>
`;
}

export function renderEmail(input: EmailInput): RenderedEmail {
  const lang = languageOf(input.language);
  const s = STRINGS[lang];
  const link = `${input.publicUrl}${linkPath(input.payload)}`;
  const when = formatWhen(lang, input.payload);
  const subject = fill(s.subject[input.type], lang, input.payload).text;
  const body = fill(s.body[input.type], lang, input.payload);
  const text = [
    hello(s, input.displayName),
    '',
    body.text,
    ...(when ? ['', `${s.when} ${when}`] : []),
    '',
    `${s.open}: ${link}`,
    '',
    '--',
    s.footer,
    `${s.preferences}: ${input.publicUrl}/notifications/preferences`,
  ].join('\n');
  const content = `<p>${body.html}</p>
${when ? `<p><strong>${escapeHtml(s.when)}</strong> ${escapeHtml(when)}</p>\n` : ''}<p><a href="${escapeHtml(link)}">${escapeHtml(s.open)}</a></p>`;
  return { subject, text, html: layout(lang, subject, input.displayName, content, input.publicUrl) };
}

export interface DigestInput {
  language: Language;
  displayName: string;
  publicUrl: string;
  items: { type: NotificationType; payload: NotificationPayload }[];
}

/** One e-mail for a day's notifications: one line (the notification's subject) and link each. */
export function renderDigest(input: DigestInput): RenderedEmail {
  const lang = languageOf(input.language);
  const s = STRINGS[lang];
  const subject = plural(s.digestSubject, input.items.length, lang);
  const lines = input.items.map((item) => {
    const sentence = fill(s.subject[item.type], lang, item.payload);
    const when = formatWhen(lang, item.payload);
    return { sentence, when, link: `${input.publicUrl}${linkPath(item.payload)}` };
  });
  const text = [
    hello(s, input.displayName),
    '',
    s.digestIntro,
    '',
    ...lines.map((l) => `- ${l.sentence.text}${l.when ? ` (${l.when})` : ''}\n  ${l.link}`),
    '',
    '--',
    s.footer,
    `${s.preferences}: ${input.publicUrl}/notifications/preferences`,
  ].join('\n');
  const content = `<p>${escapeHtml(s.digestIntro)}</p>
<ul>
${lines
  .map(
    (l) =>
      `<li><a href="${escapeHtml(l.link)}">${l.sentence.html}</a>${l.when ? ` <span>(${escapeHtml(l.when)})</span>` : ''}</li>`,
  )
  .join('\n')}
</ul>`;
  return { subject, text, html: layout(lang, subject, input.displayName, content, input.publicUrl) };
}

function linkPath(p: NotificationPayload): string {
  const [route, id] = notificationPath(p) ?? ['/notifications'];
  return id ? `${route}/${encodeURIComponent(id)}` : route;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}
