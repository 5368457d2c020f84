export * from './seminars.module';
export { evaluateRule, checkRule } from './eligibility/rule';
export { RegistrationsService } from './registrations/registrations.service';
export { EligibilityService } from './eligibility/eligibility.service';
/** The gate as SQL fragments, for set-wise work elsewhere (the worker's reminders and notices). */
export { IN_AUDIENCE, MEETS_RULE, PERCENT } from './eligibility/audience.sql';
