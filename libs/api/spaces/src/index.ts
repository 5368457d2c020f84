export * from './spaces.module';
