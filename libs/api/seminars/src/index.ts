export * from './seminars.module';
export { evaluateRule, checkRule } from './eligibility/rule';
