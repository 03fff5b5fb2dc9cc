import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strategy } from './run-strategy.js';

// `strategy check --max-warnings N`, as eslint's: more than N warnings exit 1; errors exit 1 whatever N; a bad N is
// bad usage (exit 2) before anything is read.
describe('strategy check --max-warnings', () => {
    let dir: string;
    const today = '2026-11-23';
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-max-warnings-'));
        // Two warnings (orphan tickets) and an info (the unmeasurable problem), no error.
        writeFileSync(join(dir, 'work.strategy'), 'ticket APP-1 "One"\nticket APP-2 "Two"\ncanvas C "c" { kind product problem "Users leave" }\n');
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const check = (...args: string[]) => strategy(['check', 'work.strategy', '--today', today, ...args], dir);

    it('exits 0 with as many warnings as N, and says nothing more', () => {
        const result = check('--max-warnings', '2');
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^1 file, 0 errors, 2 warnings, 1 info$/m);
        assert.equal(result.stderr, '');
    });

    it('exits 1 with one warning more than N (N - 1), and says why on standard error', () => {
        const result = check('--max-warnings', '1');
        assert.equal(result.status, 1);
        assert.equal(result.stderr, 'strategy check: 2 warnings, more than --max-warnings 1 allows\n');
        assert.equal(check('--max-warnings=0').status, 1);
    });

    it('counts warnings alone: infos do not count, and without the flag warnings exit 0', () => {
        assert.equal(check('--max-warnings', '2').status, 0);
        assert.equal(check().status, 0);
    });

    it('gates the SARIF and JSON output alike, which stays whole', () => {
        const result = check('--max-warnings', '1', '--format', 'sarif');
        assert.equal(result.status, 1);
        assert.equal(JSON.parse(result.stdout).runs[0].results.length, 3);
        assert.equal(check('--max-warnings', '5', '--format', 'json').status, 0);
    });

    it('still exits 1 on an error however many warnings are allowed', () => {
        const file = join(dir, 'error.strategy');
        writeFileSync(file, 'ticket APP-3 "Bad" { serves Nowhere }\n');
        try {
            assert.equal(strategy(['check', 'error.strategy', '--max-warnings', '100', '--today', today], dir).status, 1);
        } finally {
            rmSync(file);
        }
    });

    for (const bad of [['--max-warnings', 'x'], ['--max-warnings=-1'], ['--max-warnings', '1.5'], ['--max-warnings='], ['--max-warnings', '1e3']]) {
        it(`exits 2 for ${bad.join(' ')}, saying what N must be`, () => {
            const result = check(...bad);
            assert.equal(result.status, 2);
            assert.equal(result.stdout, '');
            assert.match(result.stderr, /^strategy check: --max-warnings needs a whole number of warnings, 0 or more, not '.*'\n/);
        });
    }

    it('exits 2 for a negative N given apart (--max-warnings -1), telling how to write it', () => {
        const result = check('--max-warnings', '-1');
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^strategy check: Option '--max-warnings' argument is ambiguous/);
    });
});
