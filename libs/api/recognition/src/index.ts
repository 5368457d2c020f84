export * from './recognition.module';
export { RecognitionRepository } from './recognition.repository';
