export * from './privacy.module';
export { PERSONAL_DATA, ACCOUNT, PersonalDataTable, Erasure } from './registry/personal-data.registry';
