const { composePlugins, withNx } = require('@nx/webpack');

// Bundles the API and the libs it imports; node_modules stay external.
module.exports = composePlugins(withNx({ target: 'node' }), (config) => {
  config.devtool = 'source-map';
  return config;
});
