export * from './lib/skills.routes';
