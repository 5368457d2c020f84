import { visualRuns } from './certificate-pdf';
it('debug', () => {
  for (const s of ['مساءلة (المستوى 2) وتقرير 2025', 'Budget participatif: الميزانية التشاركية 2025', 'ضمن فضاء «الحكامة الجمعوية»'])
    process.stdout.write(JSON.stringify(visualRuns(s, 'rtl')) + '\n');
});
