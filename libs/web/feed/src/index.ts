export * from './lib/feed.routes';
