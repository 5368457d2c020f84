export * from './lib/learning.routes';
export * from './lib/space-modules.component';
