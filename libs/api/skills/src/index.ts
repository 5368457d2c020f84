export * from './skills.module';
export { reasonsOf, scoreOf } from './matching/match-reasons';
