#!/usr/bin/env node
'use strict';
// `npm start`: compiled by `npm install` (prepare) into dist/.
require('../dist/lib/local/main.js')
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
