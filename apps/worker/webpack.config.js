// Bundles the worker and the libs it imports for Node; node_modules stay external.
// Same shape as apps/api (the @nx/webpack:webpack executor watches without the Nx daemon).
const { composePlugins, withNx } = require('@nx/webpack');

module.exports = composePlugins(withNx({ target: 'node' }), (config) => {
  config.devtool = 'source-map';
  return config;
});
