export * from './lib/seminars.routes';
export * from './lib/space-seminars.component';
