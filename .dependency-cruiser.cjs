// The layer rules of DESIGN.md, checked on every `npm test`.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-is-pure',
      comment: 'core/ holds the rules as pure functions: no wx, no I/O, no other layer.',
      severity: 'error',
      from: { path: '^core/' },
      to: {
        path: '^(server|cloudfunctions|localcloud|miniprogram|cli|preview|bench)/|wx-server-sdk|better-sqlite3|^(fs|net|http|https|child_process|worker_threads|os|path)$|node:',
      },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      from: { path: '^core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'miniprogram-never-imports-server-code',
      severity: 'error',
      from: { path: '^miniprogram/' },
      to: { path: '^(core|server|cloudfunctions|localcloud|cli|preview|bench)/' },
    },
    {
      name: 'localcloud-is-a-general-emulator',
      comment: 'The local cloud never imports our domain.',
      severity: 'error',
      from: { path: '^localcloud/' },
      to: { path: '^(core|server|cloudfunctions|miniprogram|cli|preview)/' },
    },
    {
      name: 'server-only-talks-to-core-and-sdk',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^(localcloud|miniprogram|cli|preview|cloudfunctions)/' },
    },
    {
      name: 'functions-go-through-server',
      severity: 'error',
      from: { path: '^cloudfunctions/' },
      to: { path: '^(localcloud|miniprogram|cli|preview)/' },
    },
    {
      name: 'preview-does-not-know-the-domain',
      severity: 'error',
      from: { path: '^preview/' },
      to: { path: '^(core|server|cloudfunctions|cli)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|\\.tongti|artifacts)/|cloudfunctions/[^/]+/index\\.js$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] },
  },
};
