import { Actor } from '@pratique/api/accounts';
import {
  attestationDisposition,
  attestationFilename,
  daysBetween,
  parseCalendarDate,
  periodBounds,
  RecognitionPolicy,
  toHalfHours,
} from './contribution-rules';

const actor = (over: Partial<Actor> = {}): Actor => ({
  id: 'me',
  email: 'me@x.tn',
  displayName: 'Me',
  preferredLanguage: 'fr',
  regionId: 'A',
  organisations: [],
  organisationRegionIds: ['A'],
  isAdmin: false,
  staffRegionIds: [],
  animatorSpaceIds: [],
  ...over,
});
const member = actor();
const other = actor({ id: 'other' });
const staff = actor({ id: 'staff', staffRegionIds: ['B'] });
const admin = actor({ id: 'admin', isAdmin: true });

describe('RecognitionPolicy', () => {
  const listed = { id: 'me', listed: true, gone: false };
  const unlisted = { id: 'me', listed: false, gone: false };
  const gone = { id: 'me', listed: true, gone: true };

  it('shows a listed contributor to every signed-in member, never to anonymous visitors', () => {
    expect([null, member, other, staff, admin].map((a) => RecognitionPolicy.view(a, listed))).toEqual([
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('shows an unlisted contributor to themself, staff and admins only', () => {
    expect([member, other, staff, admin].map((a) => RecognitionPolicy.view(a, unlisted))).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('shows a deleted or suspended member to nobody', () => {
    expect([member, other, staff, admin].map((a) => RecognitionPolicy.view(a, gone))).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('lets only the member and admins download the attestation', () => {
    expect([null, member, other, staff, admin].map((a) => RecognitionPolicy.attest(a, listed))).toEqual([
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(RecognitionPolicy.attest(admin, gone)).toBe(false);
  });
});

describe('toHalfHours', () => {
  it.each([
    [0, 0],
    [14 * 60, 0],
    [15 * 60, 0.5],
    [3600, 1],
    [3600 + 14 * 60, 1],
    [3600 + 15 * 60, 1.5],
    [2 * 3600 + 45 * 60, 3],
    [-60, 0],
  ])('%i seconds → %d h', (seconds, hours) => expect(toHalfHours(seconds)).toBe(hours));
});

describe('calendar dates and periods', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(parseCalendarDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    for (const bad of [
      '2025-02-29',
      '2025-13-01',
      '2025-1-01',
      '2025-01-01T00:00:00Z',
      '',
      undefined,
      20250101,
    ])
      expect(parseCalendarDate(bad)).toBeNull();
  });

  it('counts days between two dates, null when either is not a date', () => {
    expect(daysBetween('2025-01-01', '2025-01-01')).toBe(0);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2025-01-02', '2025-01-01')).toBe(-1);
    expect(daysBetween('nope', '2025-01-01')).toBeNull();
  });

  it('turns an inclusive period into a half-open instant range', () => {
    const { start, end } = periodBounds('2025-03-01', '2025-03-31');
    expect(start.toISOString()).toBe('2025-03-01T00:00:00.000Z');
    expect(end.toISOString()).toBe('2025-04-01T00:00:00.000Z');
  });
});

describe('attestation file name', () => {
  it('folds accents and punctuation for the plain name and keeps the period', () => {
    expect(attestationFilename('Amina El-Idrissi (Sfax)', '2025-01-01', '2025-12-31').ascii).toBe(
      'attestation-amina-el-idrissi-sfax-2025-01-01_2025-12-31.pdf',
    );
    expect(attestationFilename('Hélène Çelik', '2025-01-01', '2025-01-31').ascii).toBe(
      'attestation-helene-celik-2025-01-01_2025-01-31.pdf',
    );
  });

  it('keeps Arabic letters in the UTF-8 name and falls back to "membre" for the plain one', () => {
    const name = attestationFilename('أمينة الإدريسي', '2025-01-01', '2025-01-31');
    expect(name.ascii).toBe('attestation-membre-2025-01-01_2025-01-31.pdf');
    expect(name.utf8).toBe('attestation-أمينة-الإدريسي-2025-01-01_2025-01-31.pdf');
  });

  it('never lets a name break the header: quotes, slashes, controls and bidi overrides are dropped', () => {
    const header = attestationDisposition(
      'Evil"; filename=x.exe\r\n/..\\\u202Egpj',
      '2025-01-01',
      '2025-01-31',
    );
    expect(header).toMatch(
      /^attachment; filename="attestation-[a-z0-9-]+-2025-01-01_2025-01-31\.pdf"; filename\*=UTF-8''[A-Za-z0-9%._~!*()-]+$/,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1])).not.toMatch(/["/\\\r\n\u202E]/);
  });
});
