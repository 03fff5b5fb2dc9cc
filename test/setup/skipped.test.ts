import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { missingNeeds, needs, report } from '../../scripts/system-needs.mjs';

const root = new URL('../../', import.meta.url);

function runFixture(ci: boolean) {
    const env = { ...process.env };
    delete env.CI;
    if (ci) env.CI = 'true';
    return spawnSync(process.execPath, [
        'node_modules/mocha/bin/mocha.js', '--no-config', '-n', 'import=tsx', '--reporter', 'spec', '--exit',
        'test/fixtures/skips/missing.fixture.ts'
    ], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
}

// What the tests need from the system is said before anything runs, and a test that cannot run is named, never just
// counted as pending.
describe('tests that cannot run here', () => {
    it('are named with the reason after the summary, outside CI', () => {
        const run = runFixture(false);
        assert.equal(run.status, 0, run.stdout + run.stderr);
        const afterSummary = run.stdout.slice(run.stdout.indexOf('pending'));
        assert.match(afterSummary, /skipped on this machine/);
        assert.match(afterSummary, /a suite that needs a missing tool \(2 tests\): no frobnicator at \/usr\/bin\/frobnicate; apt-get install frobnicator/);
        assert.match(afterSummary, /tests of their own needs a missing device: no \/dev\/frob/);
        assert.doesNotMatch(afterSummary, /needs nothing/);
    });

    it('fail in CI, saying what is missing', () => {
        const run = runFixture(true);
        assert.notEqual(run.status, 0);
        assert.match(run.stdout, /no frobnicator at \/usr\/bin\/frobnicate; apt-get install frobnicator \(CI must provide it/);
        assert.doesNotMatch(run.stdout, /skipped on this machine/);
    });
});

describe('the system check that npm test starts with', () => {
    it('is the first step of npm test', () => {
        const manifest = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
        assert.equal(manifest.scripts.test, 'node scripts/node22.mjs -- npm run test:steps');
        assert.match(manifest.scripts['test:steps']!, /^node scripts\/system-needs\.mjs && /);
    });

    it('finds Chromium and the krb5 headers missing on a bare system', () => {
        assert.deepEqual(missingNeeds(() => false).map(need => need.apt), ['chromium', 'libkrb5-dev']);
        assert.deepEqual(missingNeeds(() => true), []);
    });

    it('fails in CI naming the apt packages, and elsewhere says which tests will be skipped', () => {
        const inCi = report(needs, true);
        assert.equal(inCi.status, 1);
        assert.match(inCi.text, /install them with: apt-get install -y --no-install-recommends chromium libkrb5-dev/);
        const outside = report(needs, false);
        assert.equal(outside.status, 0);
        assert.match(outside.text, /without chromium: the preview tests in Chromium/);
        assert.match(outside.text, /without libkrb5-dev: the tests in a real VS Code/);
        assert.deepEqual(report([], true), { status: 0, text: '' });
    });
});
