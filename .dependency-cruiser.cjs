/**
 * Import rules of the tree (issue 9): layers as folders, imports pointing inward only.
 * functions/ -> lib/lambda; lib/lambda | lib/cli | lib/local -> lib/use-cases -> lib/detect | report | text | sketch | store.
 * lambda, cli and local do not import each other, except that the local stack runs the Lambda handler.
 * Type-only imports count (tsPreCompilationDeps), so a type cycle fails like any other.
 */

/** A forbidden import: from modules whose path matches `from` to those matching `to` (pathNot excepts). */
const forbid = (name, comment, from, to) => ({ name, severity: 'error', comment, from, to });

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    forbid(
      'no-circular',
      'Modules that import each other, directly or through others (type-only imports included).',
      {},
      { circular: true },
    ),
    forbid(
      'core-imports-no-entry-layer',
      'The core and its adapters never import an entry layer.',
      { path: '^lib/', pathNot: '^lib/(lambda|cli|local)/' },
      { path: '^lib/(lambda|cli|local)/' },
    ),
    forbid(
      'lambda-imports-no-cli-or-local',
      'The Lambda layer stands alone.',
      { path: '^lib/lambda/' },
      { path: '^lib/(cli|local)/' },
    ),
    forbid(
      'cli-imports-no-lambda-or-local',
      'The CLI reaches the cloud through lib/store and the use cases.',
      { path: '^lib/cli/' },
      { path: '^lib/(lambda|local)/' },
    ),
    forbid(
      'local-imports-no-cli',
      'The local stack may run the Lambda handler, never the CLI.',
      { path: '^lib/local/' },
      { path: '^lib/cli/' },
    ),
    forbid(
      'lower-layers-import-no-use-cases',
      'Use cases sit above detect, report, text, sketch and store.',
      { path: '^lib/(detect|report|text|sketch|store)/' },
      { path: '^lib/use-cases/' },
    ),
    forbid(
      'pure-core-imports-no-adapters',
      'text, sketch and detect are pure: no storage, reports or AWS SDK.',
      { path: '^lib/(detect|text|sketch)/' },
      { path: '^lib/(report|store)/|@aws-sdk' },
    ),
    forbid(
      'functions-import-only-lambda',
      'A function file is a one-line factory over lib/lambda.',
      { path: '^functions/' },
      { path: '^lib/', pathNot: '^lib/lambda/' },
    ),
    forbid(
      'not-to-unresolvable',
      'An import that resolves to nothing would hide an edge from every rule.',
      {},
      { couldNotResolve: true },
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.d.ts', '.json'] },
    exclude: { path: '^(dist|node_modules|coverage)/' },
  },
};
