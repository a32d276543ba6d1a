/**
 * Import rules of the tree (issue 9): layers as folders, imports pointing inward only.
 * functions/ -> lib/lambda; lib/lambda | lib/cli | lib/local -> lib/use-cases -> lib/detect | report | text | sketch | store.
 * lambda, cli and local do not import each other, except that the local stack runs the Lambda handler.
 * Type-only imports count (tsPreCompilationDeps), so a type cycle fails like any other.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Two modules that import each other, directly or through others (type-only imports included).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'core-imports-no-entry-layer',
      severity: 'error',
      comment: 'The core and its adapters never import an entry layer (lambda, cli, local).',
      from: { path: '^lib/', pathNot: '^lib/(lambda|cli|local)/' },
      to: { path: '^lib/(lambda|cli|local)/' },
    },
    {
      name: 'lambda-imports-no-cli-or-local',
      severity: 'error',
      from: { path: '^lib/lambda/' },
      to: { path: '^lib/(cli|local)/' },
    },
    {
      name: 'cli-imports-no-lambda-or-local',
      severity: 'error',
      comment: 'The CLI reaches the cloud through lib/store (createCloudAdapters) and the use cases, not the Lambda layer.',
      from: { path: '^lib/cli/' },
      to: { path: '^lib/(lambda|local)/' },
    },
    {
      name: 'local-imports-no-cli',
      severity: 'error',
      comment: 'The local stack may run the Lambda handler (lib/lambda), never the CLI.',
      from: { path: '^lib/local/' },
      to: { path: '^lib/cli/' },
    },
    {
      name: 'lower-layers-import-no-use-cases',
      severity: 'error',
      comment: 'Use cases sit above detect, report, text, sketch and store.',
      from: { path: '^lib/(detect|report|text|sketch|store)/' },
      to: { path: '^lib/use-cases/' },
    },
    {
      name: 'pure-core-imports-no-adapters',
      severity: 'error',
      comment: 'text, sketch and detect are pure: no storage, no reports, no AWS SDK.',
      from: { path: '^lib/(detect|text|sketch)/' },
      to: { path: '^lib/(report|store)/|@aws-sdk' },
    },
    {
      name: 'functions-import-only-lambda',
      severity: 'error',
      comment: 'A function file is a one-line factory over lib/lambda.',
      from: { path: '^functions/' },
      to: { path: '^lib/', pathNot: '^lib/lambda/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing would hide an edge from every rule above.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.d.ts', '.json'] },
    exclude: { path: '^(dist|node_modules|coverage)/' },
  },
};
