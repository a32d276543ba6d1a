/**
 * esbuild options, in one place: serverless-esbuild loads this file (custom.esbuild.config in
 * serverless.yml) and bench/measure-bundle.ts builds with the same `esbuildOptions`.
 */

/** The Lambda Node.js 22 runtime ships AWS SDK v3, so it is never bundled nor packaged. */
const RUNTIME_PROVIDED = ['@aws-sdk/*'];

/** Plain esbuild build options (what serverless-esbuild hands to esbuild, minus entry/outdir). */
const esbuildOptions = Object.freeze({
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  minify: true,
  // Off unless SOURCE_MAPS=true: a .js.map beside each bundle helps only with NODE_OPTIONS=--enable-source-maps
  // on the function, which slows its cold start, so both are enabled on purpose together.
  sourcemap: process.env.SOURCE_MAPS === 'true',
  external: RUNTIME_PROVIDED,
});

/**
 * serverless-esbuild options. `exclude` (not a dependency in package.json: the SDK stays a
 * devDependency) keeps the plugin from running an `npm install` of externals, which would need
 * the network; the plugin passes `exclude` on to esbuild's `external`.
 */
function serverlessEsbuildOptions() {
  return { ...esbuildOptions, external: [], exclude: RUNTIME_PROVIDED, packager: 'npm' };
}

module.exports = serverlessEsbuildOptions;
module.exports.esbuildOptions = esbuildOptions;
