'use strict';
// Shared by the launchers: runs a compiled main(argv) and exits with the code it returns.
module.exports = function runMain(main) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
};
