#!/usr/bin/env node
// The `strategy` command: the bundled CLI, built by `npm run build`.
try {
    require.resolve('../out/cli.cjs');
} catch {
    process.stderr.write('strategy: not built yet; run `npm run build` in ' + require('node:path').resolve(__dirname, '..') + '\n');
    process.exit(2);
}
require('../out/cli.cjs');
