export * from './learning.module';
export { EFFECTIVE_PERCENT } from './modules/modules.repository';
export { unpackScormZip, ScormPackageError } from './scorm/scorm-package';
export { interpretScormCommit } from './scorm/cmi';
// Upload checking and storage, reused by the toolbox (libs/api/resources).
export { checkUpload, sanitizeFilename, UploadError } from './files/file-check';
export type { CheckedUpload } from './files/file-check';
export type { MultipartFile } from './files/multipart-file';
export { FilesRepository } from './files/files.repository';
export { ModulesService } from './modules/modules.service';
// PDF text drawing (bidi runs, embedded DejaVu fonts), reused by the attestation (libs/api/recognition).
export {
  certificateFontPath,
  documentLanguage,
  fillWording,
  formatCertificateDate,
  visualRuns,
} from './certificates/certificate-pdf';
