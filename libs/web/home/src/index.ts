export * from './lib/home.routes';
export * from './lib/load-home';
