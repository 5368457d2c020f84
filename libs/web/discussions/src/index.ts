export * from './lib/discussions.routes';
export * from './lib/space-discussions.component';
