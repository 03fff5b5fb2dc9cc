import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// bin/strategy.cjs keeps V8's code cache of the bundle beside it. V8 takes a cache for any source of the same
// length, so a rebuild that keeps the bundle's length must still run the new bundle, not the cached old one.

const launcher = fileURLToPath(new URL('../../bin/strategy.cjs', import.meta.url));

describe('strategy launcher: code cache', () => {
    let folder: string;
    before(() => {
        folder = mkdtempSync(join(tmpdir(), 'strategy-cache-'));
        mkdirSync(join(folder, 'bin'));
        mkdirSync(join(folder, 'out'));
        copyFileSync(launcher, join(folder, 'bin', 'strategy.cjs'));
    });
    after(() => rmSync(folder, { recursive: true, force: true }));

    const run = (word: string) => {
        writeFileSync(join(folder, 'out', 'cli.cjs'), `process.stdout.write(${JSON.stringify(word)});\n`);
        return spawnSync(process.execPath, [join(folder, 'bin', 'strategy.cjs')], { encoding: 'utf8' });
    };

    it('runs a rebuilt bundle of the same length, not the code cached from the old one', () => {
        assert.equal(run('first').stdout, 'first');
        assert.ok(existsSync(join(folder, 'out', 'cli.cjs.v8-cache')), 'the first run leaves a cache');
        assert.equal(run('first').stdout, 'first', 'the cache is read back');
        assert.equal(run('again').stdout, 'again');
    });
});
