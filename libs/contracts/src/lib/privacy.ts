/**
 * Privacy (after Moodle's privacy API): a member downloads everything the platform keeps about
 * them, and can delete their account. What each table holds and what deletion does with it is
 * written once, in the API's registry (libs/api/privacy/src/registry/personal-data.registry.ts).
 */
import { AuditAction } from './audit';
import { Language } from './i18n';

/** `GET /api/me/data-export`: the member's account row and, per table, their rows. */
export interface DataExport {
  format: 'pratique-data-export';
  version: 1;
  exportedAt: string;
  /** The `app_user` row, without the password hash. */
  account: Record<string, unknown>;
  /** One entry per table that refers to the member, named after the table (empty when none). */
  tables: Record<string, Record<string, unknown>[]>;
}

/** `DELETE /api/me`: the member confirms with their password. */
export interface DeleteAccountRequest {
  password: string;
}

/**
 * The name a deleted account keeps: discussions, resources and reviews it wrote stay, shown as by
 * a deleted member. Stored once, in the platform's default language (French).
 */
export const DELETED_MEMBER_NAME: Readonly<Record<Language, string>> = {
  fr: 'Membre supprimé',
  ar: 'عضو محذوف',
  en: 'Deleted member',
};

/** The e-mail a deleted account keeps: unique, on a reserved domain, so the address is free again. */
export const deletedMemberEmail = (userId: string): string => `deleted-${userId}@invalid`;

/** `GET /api/admin/audit-log` query (plus `page`, `pageSize`). */
export interface AuditLogQuery {
  action?: AuditAction;
  page?: number;
  pageSize?: number;
}

/** The file name of a data export made on that day (`pratique-data-2026-03-01.json`). */
export const dataExportFileName = (at: Date): string => `pratique-data-${at.toISOString().slice(0, 10)}.json`;
