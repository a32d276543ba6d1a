#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is compiled to dist/ by `npm install` (the prepare script).
require('./run-main.js')(require('../dist/lib/cli/main.js').main);
