import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// CI's fuzzing run: a fixed seed and a fixed number of variants, so it generates the same texts every time. On this
// 2-core machine the 1,200 variants (about 93,000 calls) take 85 s when it is quiet, and longer when other jobs
// share it. It runs through `npm run fuzz`'s script, whose watchdog ends a hang; see test/fuzz/driver.ts for what
// each variant goes through. `npm run fuzz -- --minutes N` runs longer with a new seed.
const root = fileURLToPath(new URL('../../', import.meta.url));
export const ciSeed = 20261123;
export const ciIterations = 1200;

interface Summary {
    seed: number; iterations: number; calls: number; elapsedMs: number; exitCode: number;
    slowest: Array<{ feature: string; ms: number; index: number }>;
    failures: Array<{ kind: string; feature: string; index: number; message: string; reproducer: string; mutations: string[] }>;
}

describe('fuzzing the language server (fixed seed)', function () {
    this.timeout(12 * 60_000);

    it(`survives ${ciIterations} mutated variants of the examples: no exception, no call over 1 s of CPU, the example still answers`, async () => {
        const output = await new Promise<string>((resolve, reject) => {
            const child = spawn(process.execPath, ['scripts/fuzz.mjs', '--seed', String(ciSeed), '--iterations', String(ciIterations), '--json', '--out', 'test-results/fuzz'], {
                cwd: root, stdio: ['ignore', 'pipe', 'inherit']
            });
            let text = '';
            child.stdout.on('data', chunk => { text += chunk; });
            child.on('error', reject);
            child.on('exit', () => resolve(text));
        });
        const summary = JSON.parse(output.trim().split('\n').pop()!) as Summary;
        const slowest = summary.slowest[0];
        process.stdout.write(`      ${summary.iterations} variants, ${summary.calls} calls in ${(summary.elapsedMs / 1000).toFixed(1)} s; slowest call: ${slowest?.feature} ${Math.round(slowest?.ms ?? 0)} ms (variant ${slowest?.index})\n`);
        assert.deepEqual(summary.failures.map(f => `${f.kind} in ${f.feature}, seed ${summary.seed} variant ${f.index} (${f.mutations.join(', ')}): ${f.message.split('\n')[0]} — reproducer ${f.reproducer}`), []);
        assert.equal(summary.iterations, ciIterations);
        assert.equal(summary.exitCode, 0);
    });
});
