#!/usr/bin/env node
'use strict';
// `npm start`: compiled by `npm install` (prepare) into dist/.
require('./run-main.js')(require('../dist/lib/local/main.js').main);
