export * from './lib/i18n';
export * from './lib/errors';
export * from './lib/pagination';
export * from './lib/accounts';
export * from './lib/directory';
export * from './lib/spaces';
export * from './lib/jobs';
export * from './lib/routes';
