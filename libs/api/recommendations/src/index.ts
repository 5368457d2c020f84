export * from './recommendations.module';
