// A development-only extension: when code-server's extension host starts it with STRATEGY_INTEGRATION_SUITE (the
// bundled suite, out/integration/suite.cjs) and STRATEGY_INTEGRATION_RESULTS (a file path) in its environment, it
// runs the suite and writes the report there as JSON, first to a temporary name then renamed, so whoever waits for
// the file never reads half of it. A failure to load or run the suite is written as { "error": … }.
// test/integration/code-server.integration.ts installs it next to the packaged extension and waits for the file.
'use strict';
const fs = require('node:fs');

/** @param {import('vscode').ExtensionContext} _context */
function activate(_context) {
    const suite = process.env.STRATEGY_INTEGRATION_SUITE;
    const results = process.env.STRATEGY_INTEGRATION_RESULTS;
    if (!suite || !results) return;
    const write = report => {
        fs.writeFileSync(`${results}.tmp`, JSON.stringify(report, null, 2));
        fs.renameSync(`${results}.tmp`, results);
    };
    // Started after activation returned, so the workbench is not held up waiting for this extension.
    setTimeout(async () => {
        try {
            const { runSuite } = require(suite);
            write(await runSuite({ grep: process.env.STRATEGY_INTEGRATION_GREP || undefined }));
        } catch (error) {
            write({ error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error) });
        }
    }, 0);
}

function deactivate() {}

module.exports = { activate, deactivate };
