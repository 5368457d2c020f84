import { RegistrationStatus } from '@pratique/contracts';
import { dashboardCsvCells, dashboardCsvHeader } from './dashboard-csv';

describe('dashboard CSV wording', () => {
  const columns = [
    {
      moduleId: 'm1',
      title: { fr: 'Budget', ar: 'الميزانية' },
      originalLanguage: 'fr' as const,
      minPercent: 50,
    },
  ];
  const row = {
    displayName: 'Amel',
    organisations: ['Nour', 'Jeunesse'],
    status: 'eligible' as const,
    met: 1,
    oneAway: false,
    percents: [{ moduleId: 'm1', percent: 80 }],
    registration: RegistrationStatus.Waitlisted,
  };

  it('writes the headers and the status values in the reader’s language, numbers as plain digits', () => {
    expect(dashboardCsvHeader(columns, 'fr')).toEqual([
      'Nom',
      'Organisations',
      'Statut',
      'Conditions remplies',
      'À une condition près',
      'Budget (%, min 50)',
      'Inscription',
    ]);
    expect(dashboardCsvHeader(columns, 'ar')).toEqual([
      'الاسم',
      'المنظمات',
      'الحالة',
      'الشروط المستوفاة',
      'ينقصه شرط واحد',
      'الميزانية (٪، الحد الأدنى 50)',
      'التسجيل',
    ]);
    expect(dashboardCsvCells(row, ['m1'], 'en')).toEqual([
      'Amel',
      'Nour; Jeunesse',
      'Eligible',
      1,
      'no',
      80,
      'Waiting list',
    ]);
    expect(dashboardCsvCells({ ...row, registration: null, oneAway: true }, ['m1', 'm2'], 'ar')).toEqual([
      'Amel',
      'Nour; Jeunesse',
      'مؤهل',
      1,
      'نعم',
      80,
      0,
      '',
    ]);
  });
});
