'use strict';
// Shared by the launchers: runs a compiled main(argv) and exits with the code it returns.
module.exports = function runMain(main) {
  // The AWS SDK warns on every command that its releases after January 2027 will need Node 22; the
  // pinned release runs on the Node 20.19+ the README asks for (the Lambda runs on 22), so the
  // warning is noise here. A user who sets the variable keeps their own choice.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
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
