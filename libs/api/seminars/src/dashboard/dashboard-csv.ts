/**
 * The words of the eligibility dashboard's CSV export (column headers and the values of the
 * status columns), in the reader's language. Numbers stay plain digits so a spreadsheet reads
 * them as numbers. A language or a key missing is a compile error; `tools/lint/i18n-server.spec.ts`
 * checks that none is empty and that each has the same `{parameters}` in every language.
 */
import {
  DashboardStatus,
  Language,
  LocalizedText,
  pickLocalized,
  RegistrationStatus,
} from '@pratique/contracts';

export interface DashboardCsvWording {
  columns: {
    name: string;
    organisations: string;
    status: string;
    met: string;
    oneAway: string;
    registration: string;
  };
  /** `{title}`: the module's title; `{min}`: the percentage it requires. */
  moduleColumn: string;
  status: Record<DashboardStatus, string>;
  registration: Record<RegistrationStatus, string>;
  yes: string;
  no: string;
}

export const DASHBOARD_CSV_WORDING = {
  fr: {
    columns: {
      name: 'Nom',
      organisations: 'Organisations',
      status: 'Statut',
      met: 'Conditions remplies',
      oneAway: 'À une condition près',
      registration: 'Inscription',
    },
    moduleColumn: '{title} (%, min {min})',
    status: { eligible: 'Éligible', in_progress: 'En cours', not_started: 'Pas commencé' },
    registration: {
      pending: 'En attente de confirmation',
      confirmed: 'Confirmée',
      waitlisted: 'Liste d’attente',
      cancelled: 'Annulée',
      declined: 'Non retenue',
      attended: 'Présent·e',
      no_show: 'Absent·e',
    },
    yes: 'oui',
    no: 'non',
  },
  ar: {
    columns: {
      name: 'الاسم',
      organisations: 'المنظمات',
      status: 'الحالة',
      met: 'الشروط المستوفاة',
      oneAway: 'ينقصه شرط واحد',
      registration: 'التسجيل',
    },
    moduleColumn: '{title} (٪، الحد الأدنى {min})',
    status: { eligible: 'مؤهل', in_progress: 'قيد التقدم', not_started: 'لم يبدأ' },
    registration: {
      pending: 'في انتظار التأكيد',
      confirmed: 'مؤكد',
      waitlisted: 'قائمة الانتظار',
      cancelled: 'ملغى',
      declined: 'غير مقبول',
      attended: 'حاضر',
      no_show: 'غائب',
    },
    yes: 'نعم',
    no: 'لا',
  },
  en: {
    columns: {
      name: 'Name',
      organisations: 'Organisations',
      status: 'Status',
      met: 'Requirements met',
      oneAway: 'One requirement away',
      registration: 'Registration',
    },
    moduleColumn: '{title} (%, min {min})',
    status: { eligible: 'Eligible', in_progress: 'In progress', not_started: 'Not started' },
    registration: {
      pending: 'Awaiting confirmation',
      confirmed: 'Confirmed',
      waitlisted: 'Waiting list',
      cancelled: 'Cancelled',
      declined: 'Declined',
      attended: 'Attended',
      no_show: 'No-show',
    },
    yes: 'yes',
    no: 'no',
  },
} as const satisfies Record<Language, DashboardCsvWording>;

export interface DashboardCsvColumn {
  moduleId: string;
  title: LocalizedText;
  originalLanguage: Language;
  minPercent: number;
}

export interface DashboardCsvRow {
  displayName: string;
  organisations: string[];
  status: DashboardStatus;
  met: number;
  oneAway: boolean;
  percents: { moduleId: string; percent: number }[];
  registration: RegistrationStatus | string | null;
}

/** The header line's cells, in `lang`. */
export function dashboardCsvHeader(columns: DashboardCsvColumn[], lang: Language): string[] {
  const w: DashboardCsvWording = DASHBOARD_CSV_WORDING[lang];
  const module = (c: DashboardCsvColumn) =>
    w.moduleColumn.replace(/\{(\w+)\}/g, (whole, key: string) =>
      key === 'title'
        ? pickLocalized(c.title, lang, c.originalLanguage).text
        : key === 'min'
          ? String(c.minPercent)
          : whole,
    );
  const { name, organisations, status, met, oneAway, registration } = w.columns;
  return [name, organisations, status, met, oneAway, ...columns.map(module), registration];
}

/** One member's cells, in `lang` (a percentage the member has not started is 0). */
export function dashboardCsvCells(
  r: DashboardCsvRow,
  modules: string[],
  lang: Language,
): (string | number)[] {
  const w: DashboardCsvWording = DASHBOARD_CSV_WORDING[lang];
  const percents = new Map(r.percents.map((p) => [p.moduleId, p.percent]));
  const registration = r.registration
    ? (w.registration[r.registration as RegistrationStatus] ?? r.registration)
    : '';
  return [
    r.displayName,
    r.organisations.join('; '),
    w.status[r.status] ?? r.status,
    r.met,
    r.oneAway ? w.yes : w.no,
    ...modules.map((m) => percents.get(m) ?? 0),
    registration,
  ];
}
