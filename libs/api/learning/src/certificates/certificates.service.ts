import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor } from '@pratique/api/accounts';
import { CertificateVerification, Language, pickLocalized } from '@pratique/contracts';
import { DataSource } from 'typeorm';
import { notFound } from '../modules/modules.service';
import { renderCertificatePdf } from './certificate-pdf';

interface CertificateRow {
  code: string;
  completed_at: Date;
  holder: string;
  module_title: Record<string, string>;
  module_language: Language;
  space_title: Record<string, string>;
  space_language: Language;
}

const CERTIFICATE_SQL = `
  SELECT e.certificate_code AS code, e.completed_at, u.display_name AS holder,
         m.title AS module_title, m.original_language AS module_language,
         s.title AS space_title, s.original_language AS space_language
    FROM enrollment e
    JOIN app_user u ON u.id = e.user_id
    JOIN module m ON m.id = e.module_id
    JOIN space s ON s.id = m.space_id
   WHERE e.completed_at IS NOT NULL`;

@Injectable()
export class CertificatesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The member's own certificate for a completed module, as a PDF in their language. */
  async pdf(actor: Actor, moduleId: string, publicBaseUrl: string): Promise<{ code: string; data: Buffer }> {
    const [row]: CertificateRow[] = await this.db.query(`${CERTIFICATE_SQL} AND e.user_id = $1 AND e.module_id = $2`, [actor.id, moduleId]);
    if (!row) throw notFound('moduleId', 'has no certificate for you yet: complete the module first');
    const lang = actor.preferredLanguage;
    const data = await renderCertificatePdf({
      holderName: row.holder,
      moduleTitle: pickLocalized(row.module_title, lang, row.module_language).text,
      spaceTitle: pickLocalized(row.space_title, lang, row.space_language).text,
      completedAt: new Date(row.completed_at),
      code: row.code,
      verifyUrl: `${publicBaseUrl}/certificates/${row.code}`,
      language: lang,
    });
    return { code: row.code, data };
  }

  /** Public check of a code printed on a certificate. */
  async verify(code: string): Promise<CertificateVerification> {
    const normalised = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{6,16}$/.test(normalised)) return { valid: false, code: normalised.slice(0, 16) };
    const [row]: CertificateRow[] = await this.db.query(`${CERTIFICATE_SQL} AND e.certificate_code = $1`, [normalised]);
    if (!row) return { valid: false, code: normalised };
    return {
      valid: true,
      code: normalised,
      holderName: row.holder,
      moduleTitle: row.module_title,
      spaceTitle: row.space_title,
      completedAt: new Date(row.completed_at).toISOString(),
    };
  }
}
