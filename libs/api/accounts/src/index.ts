export * from './accounts.module';
export * from './authorization/actor';
export * from './authorization/policy';
export * from './authorization/authorize.decorator';
export * from './users/users.repository';
export * from './sessions/sessions.repository';
export { verifyPassword } from './auth/password';
export { ActorCache } from './users/actor-cache';
