export * from './test-app';
export * from './factories';
export * from './world';
export * from './learning-factories';
export * from './scorm-demo/build-demo-package';
export * from './seminar-factories';
export * from './test-worker';
export * from './own-database';
