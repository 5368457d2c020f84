/**
 * The gate as SQL fragments, without Nest or TypeORM: for set-wise work outside the API (the
 * worker's reminders and "you became eligible" notices), so both apply the very same rule.
 */
export { IN_AUDIENCE, MEETS_RULE, PERCENT } from './eligibility/audience.sql';
