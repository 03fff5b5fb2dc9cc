#!/usr/bin/env node
// The `strategy` command: runs the bundled CLI (out/cli.cjs, built by `npm run build`).
//
// Node 20 has no compile cache of its own (22 has), and compiling the 1.5 MB bundle is a tenth of a short run:
// the compiled code is kept beside the bundle in V8's code cache and reused while the bundle is unchanged. V8 checks
// only the source's length before it takes a cache, so the cache starts with a digest of the bundle it was made
// from: a rebuild of the same length must not run the old code.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const vm = require('node:vm');

const bundle = path.resolve(__dirname, '..', 'out', 'cli.cjs');
const cacheFile = `${bundle}.v8-cache`;

let source;
try {
    source = fs.readFileSync(bundle, 'utf8');
} catch {
    process.stderr.write(`strategy: not built yet; run \`npm run build\` in ${path.resolve(__dirname, '..')}\n`);
    process.exit(2);
}

const digest = crypto.createHash('sha256').update(source).digest();
let cachedData;
try {
    const file = fs.readFileSync(cacheFile);
    cachedData = file.subarray(0, digest.length).equals(digest) ? file.subarray(digest.length) : undefined;
} catch {
    cachedData = undefined;
}

const script = new vm.Script(Module.wrap(source), { filename: bundle, cachedData });
const cli = new Module(bundle, module);
cli.filename = bundle;
cli.paths = Module._nodeModulePaths(path.dirname(bundle));

process.once('exit', () => {
    if (cachedData && !script.cachedDataRejected) return;
    try {
        // Written whole then renamed, so a concurrent run never reads half a cache.
        const partial = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(partial, Buffer.concat([digest, script.createCachedData()]));
        fs.renameSync(partial, cacheFile);
    } catch {
        // A read-only install simply runs without the cache.
    }
});

script.runInThisContext()(cli.exports, Module.createRequire(bundle), cli, bundle, path.dirname(bundle));
