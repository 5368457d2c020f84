import { safeReturnUrl } from './safe-return-url';

describe('safeReturnUrl', () => {
  it('keeps paths inside the app', () => {
    expect(safeReturnUrl('/spaces/gouvernance?tab=members')).toBe('/spaces/gouvernance?tab=members');
  });
  it('refuses other sites and falls back', () => {
    expect(safeReturnUrl('//evil.example/x')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(undefined, '/spaces')).toBe('/spaces');
  });
});
