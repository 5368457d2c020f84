export * from './lib/members.routes';
