// The fuzzer's command line (run by scripts/fuzz.mjs with the TypeScript loader): one JSON line per event on stdout,
// so the parent can tell a hang from progress. Before each variant its text is written to OUT/current.strategy, so
// a run killed for a hang leaves the reproducer behind.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from './driver.js';

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
const seed = Number(option('seed') ?? 1);
const minutes = option('minutes');
const iterations = option('iterations');
const out = option('out') ?? 'test-results/fuzz';
const emit = (event: object) => process.stdout.write(`${JSON.stringify(event)}\n`);
mkdirSync(out, { recursive: true });

const result = await run({
    seed,
    iterations: iterations !== undefined ? Number(iterations) : undefined,
    budgetMs: minutes !== undefined ? Number(minutes) * 60_000 : undefined,
    from: Number(option('from') ?? 0),
    stopAtFailure: !args.includes('--keep-going'),
    onVariant: variant => {
        writeFileSync(join(out, 'current.strategy'), variant.text);
        emit({ event: 'variant', index: variant.index, file: variant.file, base: variant.base, mutations: variant.mutations });
    },
    onFailure: failure => {
        const file = join(out, `seed-${failure.seed}-variant-${failure.index}.strategy`);
        writeFileSync(file, failure.text);
        emit({ event: 'failure', ...failure, reproducer: file });
    }
});
emit({ event: 'done', ...result, failures: result.failures.map(({ text: _text, ...failure }) => failure) });
