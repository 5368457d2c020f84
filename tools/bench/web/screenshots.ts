/**
 * `npm run bench:web -- --screenshots`: the README's pictures of the three homes, taken on the
 * demo data the Lighthouse run seeds — each demo person's `/` at 1280 px, in French, full page.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium } from 'playwright-core';

export const HOME_SHOTS = [
  { who: 'member', email: 'membre@pratique.tn' },
  { who: 'animator', email: 'animatrice@pratique.tn' },
  { who: 'staff', email: 'staff.tunis@pratique.tn' },
] as const;

/** `cookieFor(email)` signs in through the API and returns the `Cookie` header value. */
export async function takeHomeScreenshots(
  baseUrl: string,
  cookieFor: (email: string) => Promise<string>,
  dir: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
    args: ['--headless=new', '--no-sandbox'],
  });
  const written: string[] = [];
  try {
    for (const { who, email } of HOME_SHOTS) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      const url = new URL(baseUrl);
      const cookies = (await cookieFor(email)).split('; ').map((pair) => {
        const at = pair.indexOf('=');
        return { name: pair.slice(0, at), value: pair.slice(at + 1), domain: url.hostname, path: '/' };
      });
      await context.addCookies(cookies);
      await context.addInitScript(() => localStorage.setItem('pratique.language', 'fr'));
      const page = await context.newPage();
      await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
      await page.locator('.home-grid').waitFor();
      await page.waitForLoadState('networkidle');
      const file = join(dir, `home-${who}.png`);
      await page.screenshot({ path: file, fullPage: true });
      written.push(file);
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return written;
}
