export * from './skills.module';
