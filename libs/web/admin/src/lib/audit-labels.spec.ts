/**
 * The audit log page names every action in fr, ar and en: an `AuditAction` added to the contracts
 * fails here until it has its label (`admin.audit.actions.<action>`), like its targets and details.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { AUDIT_ACTIONS, AUDIT_DETAILS, AUDIT_TARGETS } from './audit-labels';

const I18N = join(__dirname, '../../../../../apps/web/public/i18n');
const at = (tree: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);

describe('audit log labels', () => {
  for (const lang of ['fr', 'ar', 'en']) {
    it(`names every action, target and detail in ${lang}`, () => {
      const tree = JSON.parse(readFileSync(join(I18N, `${lang}.json`), 'utf8'));
      const keys = [
        ...AUDIT_ACTIONS.map((a) => `admin.audit.actions.${a}`),
        ...AUDIT_TARGETS.map((t) => `admin.audit.targets.${t}`),
        ...AUDIT_DETAILS.map((d) => `admin.audit.details.${d}`),
      ];
      const missing = keys.filter((k) => typeof at(tree, k) !== 'string' || !(at(tree, k) as string).trim());
      expect(missing).toEqual([]);
    });
  }
});
