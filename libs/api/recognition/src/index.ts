export * from './recognition.module';
