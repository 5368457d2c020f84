export * from './lib/spaces.routes';
