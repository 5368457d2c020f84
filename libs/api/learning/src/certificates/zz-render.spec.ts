import { writeFileSync } from 'fs';
import { renderCertificatePdf } from './certificate-pdf';
it('renders samples', async () => {
  const base = { completedAt: new Date('2025-03-12T10:00:00Z'), code: 'PRQ-7K4M-2X9D', verifyUrl: 'https://pratique.example.org/certificats/PRQ-7K4M-2X9D' };
  writeFileSync('test-output/certificate-fr.pdf', await renderCertificatePdf({ ...base, language: 'fr', holderName: 'Amina El Idrissi', moduleTitle: 'La redevabilité des associations : rendre compte à ses membres et à ses bailleurs', spaceTitle: 'Gouvernance associative' }));
  writeFileSync('test-output/certificate-ar.pdf', await renderCertificatePdf({ ...base, language: 'ar', holderName: 'أمينة الإدريسي', moduleTitle: 'مساءلة الجمعيات (المستوى 2) وتقرير 2025', spaceTitle: 'الحكامة الجمعوية' }));
  writeFileSync('test-output/certificate-ar-mixed.pdf', await renderCertificatePdf({ ...base, language: 'ar', holderName: 'Jean Dupont', moduleTitle: 'Budget participatif: الميزانية التشاركية 2025 — دليل عملي للجمعيات المحلية في تتبع وتقييم المشاريع التنموية مع الشركاء والسلطات المحلية', spaceTitle: 'Gouvernance' }));
  writeFileSync('test-output/certificate-en.pdf', await renderCertificatePdf({ ...base, language: 'en', holderName: 'محمد بن علي', moduleTitle: 'Accountability of associations', spaceTitle: 'Governance' }));
});
