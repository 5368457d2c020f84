export * from './feed.module';
