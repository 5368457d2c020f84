export * from './resources.module';
export { ResourcePolicy } from './resource.policy';
