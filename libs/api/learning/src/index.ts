export * from './learning.module';
export { EFFECTIVE_PERCENT } from './modules/modules.repository';
