export * from './seminars.module';
export { evaluateRule, checkRule } from './eligibility/rule';
export { RegistrationsService } from './registrations/registrations.service';
export { EligibilityService } from './eligibility/eligibility.service';
export { SeminarsService } from './seminars/seminars.service';
