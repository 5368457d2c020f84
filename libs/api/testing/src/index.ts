export * from './test-app';
export * from './factories';
export * from './world';
export * from './learning-factories';
