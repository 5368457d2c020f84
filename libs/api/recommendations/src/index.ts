export * from './recommendations.module';
/** The cheapest ways to the gates, shared with the member's home (seminars within reach). */
export { CHEAPEST_WAYS_TO_GATES, TAKES_MY_REGISTRATION } from './recommendations.sql';
