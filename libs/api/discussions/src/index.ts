export * from './discussions.module';
export { DiscussionsPolicy } from './discussions.policy';
