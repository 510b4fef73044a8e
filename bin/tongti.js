#!/usr/bin/env node
// The `tongti` command runs from TypeScript sources through tsx, so there is no separate CLI build.
require('tsx/cjs');
require('../cli/index.ts')
  .main(process.argv)
  .then((code) => {
    if (typeof code === 'number') process.exitCode = code;
  })
  .catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
