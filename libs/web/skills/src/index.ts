export * from './lib/skills.routes';
export * from './lib/for-you.component';
