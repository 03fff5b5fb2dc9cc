// `npm run fuzz -- --minutes N [--seed S] [--keep-going]`: fuzzes the language server's features with mutated example
// files (test/fuzz/driver.ts). It runs the fuzzer in a child process and watches it: a variant that gets no answer
// for a minute is a hang, reported with its seed, index and reproducer (the child kept it on disk).
// `--iterations N` runs a fixed number of variants instead (the mocha test does so with a fixed seed).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : undefined; };
if (args.includes('--help')) {
    process.stdout.write('npm run fuzz -- [--minutes N (default 1)] [--iterations N] [--seed S (default random)] [--keep-going] [--out DIR] [--json]\n');
    process.exit(0);
}
const seed = Number(option('seed') ?? Math.floor(Math.random() * 2 ** 31));
const out = option('out') ?? join(root, 'test-results', 'fuzz');
const json = args.includes('--json');
const childArgs = ['--seed', String(seed), '--out', out];
if (option('iterations') !== undefined) childArgs.push('--iterations', option('iterations'));
else childArgs.push('--minutes', option('minutes') ?? '1');
if (args.includes('--keep-going')) childArgs.push('--keep-going');
if (option('from') !== undefined) childArgs.push('--from', option('from'));

const say = (text) => { if (!json) process.stdout.write(`${text}\n`); };
say(`fuzzing with seed ${seed} (${option('iterations') ? `${option('iterations')} variants` : `${option('minutes') ?? 1} min`}); reproducers go to ${out}`);

const child = spawn(process.execPath, ['--import', 'tsx', '--import', './src/node-compat.ts', 'test/fuzz/run.ts', ...childArgs], {
    cwd: root, stdio: ['ignore', 'pipe', 'inherit']
});
const hangMs = 90_000;
let last = { index: -1 };
let lastAt = Date.now();
let done;
const failures = [];
let buffer = '';
child.stdout.on('data', chunk => {
    buffer += chunk;
    let newline;
    while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        let event;
        try { event = JSON.parse(line); } catch { process.stderr.write(`${line}\n`); continue; }
        lastAt = Date.now();
        if (event.event === 'variant') {
            last = event;
            if (event.index % 50 === 0) say(`variant ${event.index}…`);
        } else if (event.event === 'failure') {
            failures.push(event);
            say(`\n${event.kind} in ${event.feature}: seed ${event.seed}, variant ${event.index} (${event.mutations.join(', ')})\n${event.message.split('\n').slice(0, 8).join('\n')}\nreproducer: ${event.reproducer}\n${JSON.stringify(event.text.length > 2000 ? `${event.text.slice(0, 2000)}…` : event.text)}\n`);
        } else if (event.event === 'done') done = event;
    }
});
const watchdog = setInterval(() => {
    if (Date.now() - lastAt > hangMs) {
        const reproducer = join(out, 'current.strategy');
        const failure = { event: 'failure', kind: 'hang', feature: 'unknown', seed, index: last.index, mutations: last.mutations ?? [], message: `no progress for ${hangMs / 1000} s`, reproducer, text: readFileSync(reproducer, 'utf8') };
        failures.push(failure);
        say(`\nhang: seed ${seed}, variant ${last.index} (${failure.mutations.join(', ')}): no progress for ${hangMs / 1000} s; reproducer: ${reproducer}`);
        child.kill('SIGKILL');
    }
}, 1000);
child.on('exit', code => {
    clearInterval(watchdog);
    const summary = { seed, iterations: done?.iterations, calls: done?.calls, elapsedMs: done?.elapsedMs, slowest: done?.slowest, failures: failures.map(({ text: _text, ...f }) => f), exitCode: code };
    if (json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    else if (done) {
        say(`\n${done.iterations} variants, ${done.calls} calls in ${(done.elapsedMs / 1000).toFixed(1)} s; ${failures.length} failure(s)`);
        say(`slowest calls: ${done.slowest.map(t => `${t.feature} ${Math.round(t.ms)} ms (variant ${t.index})`).join('; ')}`);
    }
    process.exit(failures.length > 0 || code !== 0 ? 1 : 0);
});
