import { DEFAULT_PAGE_SIZE } from '@pratique/contracts';
import { filterParams, filtersFromParams, hasFilters, searchQueryOf } from './member-filters';

const REGION = '0b9a3c1e-5d2f-4a6b-8c7d-112233445566';
const ORG = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';

describe('directory filters ↔ query string', () => {
  it('reads every filter from the URL', () => {
    expect(
      filtersFromParams({
        q: '  Amira  ben ',
        skill: ' Plaidoyer ',
        regionId: REGION,
        organisationId: ORG,
        followed: 'true',
        page: '3',
      }),
    ).toEqual({
      q: 'Amira ben',
      skill: 'Plaidoyer',
      regionId: REGION,
      organisationId: ORG,
      followed: true,
      page: 3,
    });
  });

  it('gives the empty directory for no params', () => {
    const f = filtersFromParams({});
    expect(f).toEqual({ q: '', skill: '', regionId: '', organisationId: '', followed: false, page: 1 });
    expect(hasFilters(f)).toBe(false);
  });

  it('drops what the API would refuse in a hand-edited link', () => {
    const f = filtersFromParams({
      regionId: 'tunis',
      organisationId: '42',
      followed: 'yes',
      page: '-2',
      skill: 'x'.repeat(60),
      q: 'y'.repeat(150),
    });
    expect(f.regionId).toBe('');
    expect(f.organisationId).toBe('');
    expect(f.followed).toBe(false);
    expect(f.page).toBe(1);
    expect(f.skill).toHaveLength(40);
    expect(f.q).toHaveLength(100);
    expect(filtersFromParams({ page: '1.5' }).page).toBe(1);
  });

  it('makes the API query, leaving empty filters out', () => {
    expect(searchQueryOf(filtersFromParams({ skill: 'budget', followed: 'true', page: '2' }))).toEqual({
      q: undefined,
      skill: 'budget',
      regionId: undefined,
      organisationId: undefined,
      followed: true,
      page: 2,
      pageSize: DEFAULT_PAGE_SIZE,
    });
  });

  it('writes changes back: empty removes the param, booleans are "true" or absent, page resets', () => {
    expect(filterParams({ q: ' amira ', skill: '' })).toEqual({ q: 'amira', skill: null, page: null });
    expect(filterParams({ followed: true })).toEqual({ followed: 'true', page: null });
    expect(filterParams({ followed: false, regionId: REGION })).toEqual({
      followed: null,
      regionId: REGION,
      page: null,
    });
  });

  it('round-trips through the URL', () => {
    const params = filterParams({ q: 'Amira', skill: 'plaidoyer', regionId: REGION, followed: true });
    const back = filtersFromParams(
      Object.fromEntries(Object.entries(params).filter(([, v]) => v !== null)) as Record<string, string>,
    );
    expect(back).toEqual({
      q: 'Amira',
      skill: 'plaidoyer',
      regionId: REGION,
      organisationId: '',
      followed: true,
      page: 1,
    });
  });
});
