import { readFileSync } from 'fs';
import { join } from 'path';
import { unpackScormZip } from '@pratique/api/learning';
import { buildDemoScormPackage, DEMO_PACKAGE_DIR } from './build-demo-package';

describe('buildDemoScormPackage', () => {
  it('builds a SCORM 1.2 package that the upload check accepts', async () => {
    const zip = await buildDemoScormPackage();
    const pkg = await unpackScormZip(zip);
    expect(pkg.version).toBe('1.2');
    expect(pkg.title).toBe('La redevabilité des associations');
    expect(pkg.launchPath).toBe('index.html');
    expect(pkg.assets.map((a) => a.path).sort()).toEqual([
      'course.css',
      'course.js',
      'imsmanifest.xml',
      'index.html',
    ]);
    expect(pkg.assets.find((a) => a.path === 'course.js')?.contentType).toMatch(/javascript/);
  });

  it('is deterministic', async () => {
    expect((await buildDemoScormPackage()).equals(await buildDemoScormPackage())).toBe(true);
  });

  describe('the course', () => {
    const html = readFileSync(join(DEMO_PACKAGE_DIR, 'index.html'), 'utf8');
    const js = readFileSync(join(DEMO_PACKAGE_DIR, 'course.js'), 'utf8');

    it('runs under script-src self: no inline script, no inline handler, no external resource', () => {
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html).not.toMatch(/javascript:/i);
      expect(html + js).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
      expect(html).toMatch(/<script src="course.js" defer><\/script>/);
    });

    it('is in French, accessible (headings, legends, live regions)', () => {
      expect(html).toMatch(/<html lang="fr"/);
      expect((html.match(/<h2 /g) ?? []).length).toBe(4);
      expect((html.match(/<legend>/g) ?? []).length).toBe(2);
      expect(html).toMatch(/aria-live="polite"/);
    });

    it('speaks SCORM 1.2: discovery through parent and opener, initialise, passed, commit, finish', () => {
      expect(js).toMatch(/win\.parent/);
      expect(js).toMatch(/window\.opener/);
      for (const call of ["'LMSInitialize', ''", "'LMSCommit', ''", "'LMSFinish', ''"])
        expect(js).toContain(call);
      expect(js).toContain("set('cmi.core.lesson_status', passed ? 'passed' : 'failed')");
      expect(js).toContain("set('cmi.core.score.raw', score)");
    });
  });
});
