export * from './learning.module';
export { EFFECTIVE_PERCENT } from './modules/modules.repository';
export { unpackScormZip, ScormPackageError } from './scorm/scorm-package';
export { interpretScormCommit } from './scorm/cmi';
