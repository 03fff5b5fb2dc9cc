// Benchmark: the language server (out/server.cjs) over stdio on the generated workspace, driven as an editor drives
// it: initialize with the workspace folder, open a 2,000-line file, type in it, ask what a user asks.
//
// The generated workspace gets one large file more for the session, big/big.strategy (about 2,000 lines), plus
// big/big-links.strategy, which references it from outside; both are removed afterwards so that the other
// benchmarks keep measuring the generated workspace alone. Set BENCH_LSP_CPU_PROF=DIR to have the server write a
// V8 CPU profile per session into DIR (open it in Chrome DevTools or VS Code) when a figure misses its target; the
// log then gives the monotonic clock (µs, the profile's own clock on Linux) at which each phase began and ended.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { reportRss, stats } from './measure.mjs';

export const name = 'lsp';
export const description = 'language server over stdio: first diagnostics, edit → diagnostics, requests, memory';
/** What the issue asks of the server (see the issue that introduced this benchmark). */
export const targets = {
    editMedianMs: 50, editP95Ms: 150, requestMedianMs: 20, peakRssMb: 400, previewMedianMs: 150
};
/** One-character edits per session: typed into a title, then deleted again, so the file stays valid. */
const edits = 30;
/** Edits followed at once by the preview's render request; the generated workspace always has this canvas. */
const previewEdits = 20;
const previewCanvas = 'ProductCanvas1';
/** Samples per request kind per session, each at another place of the large file. */
const samples = 20;
/** No single wait may exceed this: a server that stops answering fails the benchmark instead of hanging it. */
const waitMs = 120_000;

/** The value below which `share` of the values lie (nearest rank). */
function percentile(values, share) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

export function bounded(promise, what, ms = waitMs) {
    let timer;
    const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no ${what} within ${ms / 1000} s`)), ms); });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function strategyFiles(dir) {
    return readdirSync(dir, { recursive: true }).map(String).filter(file => file.endsWith('.strategy')).map(file => join(dir, file));
}

/** Names of the generated workspace that the large file references, read back from its files. */
function namesOf(files) {
    const objectives = [];
    const metrics = [];
    const needs = [];
    const solutions = [];
    for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/^objective (\S+) "/gm)) objectives.push(match[1]);
        for (const match of text.matchAll(/^metric (\S+) "/gm)) metrics.push(match[1]);
        for (const match of text.matchAll(/^usertype (\S+) "[^"]*" \{\n {2}need (\S+) /gm)) needs.push({ user: match[1], need: match[2] });
        for (const match of text.matchAll(/^solution (\S+) "[^"]*" \{\n(?: {2}.*\n)*? {2}advances (\S+?)[,\n]/gm)) solutions.push({ name: match[1], advances: match[2] });
    }
    if (!objectives.length || !metrics.length || !needs.length || !solutions.length) throw new Error('the generated workspace lacks objectives, metrics, user types or solutions');
    return { objectives, metrics, needs, solutions };
}

/**
 * The large file: metrics, objectives under generated ones, solutions for generated user types, and tickets that
 * serve either its own objectives or generated ones (through the generated solutions that advance them), all
 * valid. Returns its text and the file that references it from outside.
 */
function largeFiles({ objectives, metrics, needs, solutions }) {
    const pick = (list, i) => list[(i * 7919) % list.length];
    const big = ['// A large file for the language server benchmark: edits and requests happen here.', ''];
    const counts = { metric: 30, objective: 40, solution: 40, ticket: 150 };
    for (let i = 1; i <= counts.metric; i++) {
        big.push(`metric BigMetric${i} "Large-file metric ${i} (%)" {`, '  unit "%"', `  baseline ${10 + (i % 30)}`,
            `  target ${50 + (i % 40)} by 2027-${String(1 + (i % 12)).padStart(2, '0')}-15`, `  current ${20 + (i % 25)}`, '}', '');
    }
    for (let i = 1; i <= counts.objective; i++) {
        big.push(`/** Large-file objective ${i}, under a generated objective. */`, `objective BigObjective${i} "Grow large-file outcome ${i}" {`,
            `  parent ${pick(objectives, i)}`, `  focus ${['acquisition', 'retention', 'expansion', 'efficiency'][i % 4]}`, `  horizon ${['short', 'mid', 'long'][i % 3]}`,
            '  owner "Benchmark team"', `  metric BigMetric${1 + (i % counts.metric)}, ${pick(metrics, i)}`, '}', '');
    }
    for (let i = 1; i <= counts.solution; i++) {
        const { user, need } = pick(needs, i);
        big.push(`solution BigSolution${i} "Large-file solution ${i}" {`, `  for ${user}`, `  addresses ${user}.${need}`,
            `  advances BigObjective${i}`, `  hypothesis "If we ship large-file solution ${i}, ${user} will come back more often"`, '  status testing', '}', '');
    }
    for (let i = 1; i <= counts.ticket; i++) {
        const own = i % 2 === 0;
        const solution = pick(solutions, i);
        const [serves, implementsName] = own ? [`BigObjective${1 + (i % counts.objective)}`, `BigSolution${1 + (i % counts.objective)}`] : [solution.advances, solution.name];
        big.push(`ticket BIG-${i} "Build large-file increment ${i} for ${serves}" {`, `  serves ${serves}`, `  implements ${implementsName}`,
            `  kind ${['feature', 'refactor', 'platform', 'bug', 'experiment', 'research'][i % 6]}`, `  status ${['todo', 'doing', 'done'][i % 3]}`,
            ...(i % 3 === 0 ? [`  link "https://tracker.example.com/browse/BIG-${i}"`] : []), '}', '');
    }
    const links = ['// References into big.strategy from another file, so edits there have dependents.', ''];
    for (let i = 1; i <= 20; i++) {
        links.push(`objective BigChild${i} "Sub-outcome ${i} of a large-file objective" {`, `  parent BigObjective${i}`, '  horizon short',
            `  metric BigMetric${i}`, '}', '');
    }
    for (let i = 1; i <= 40; i++) {
        links.push(`ticket BIGL-${i} "Follow-up ${i}" {`, `  serves BigObjective${i}`, `  implements BigSolution${i}`, '  kind feature', '  status todo', '}', '');
    }
    links.push('canvas BigStrategy "Lean Strategy Canvas: large file" {', '  kind strategy', '  goal BigObjective1', '  obstacle "Large files"',
        '  play "Teams with long strategy files"', '  win "Fast feedback while typing"', '  success BigMetric1, BigMetric2', '}', '');
    return { big: big.join('\n'), links: links.join('\n') };
}

/** The client side of one session: a JSON-RPC connection that records every publishDiagnostics. */
export function startServer({ root, today, rssFile, profileDir }) {
    const args = ['--require', reportRss, ...(profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), join(root, 'out', 'server.cjs'), '--stdio'];
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, BENCH_RSS_FILE: rssFile, STRATEGY_TODAY: today }, stdio: ['pipe', 'pipe', 'pipe'] });
    const stderr = [];
    child.stderr.on('data', chunk => stderr.push(chunk));
    const exited = new Promise(done => child.on('exit', code => done(code)));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const listeners = new Set();
    connection.onNotification('textDocument/publishDiagnostics', params => {
        const at = performance.now();
        for (const listener of [...listeners]) listener(params, at);
    });
    connection.onRequest('workspace/configuration', params => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    /** Resolves with the time of the first publish that `accept` takes (it returns true when satisfied). */
    const until = (accept, what) => {
        const waiting = bounded(new Promise(done => {
            const listener = (params, at) => {
                if (accept(params)) {
                    listeners.delete(listener);
                    done(at);
                }
            };
            listeners.add(listener);
        }), what);
        // Awaited by the caller; this only keeps a wait that a failed step left behind from crashing the runner later.
        waiting.catch(() => undefined);
        return waiting;
    };
    const stop = async () => {
        await bounded(connection.sendRequest('shutdown'), 'shutdown answer', 10_000).catch(() => undefined);
        await connection.sendNotification('exit').catch(() => undefined);
        const code = await bounded(exited, 'server exit', 10_000).catch(() => { child.kill(); return 'killed'; });
        connection.dispose();
        return code;
    };
    return { connection, until, stop, stderr: () => Buffer.concat(stderr).toString('utf8') };
}

/** One server session; resolves to its measurements. */
async function session({ root, workspace, today, bigFile, bigText, profileDir }) {
    const scratch = mkdtempSync(join(tmpdir(), 'strategy-bench-lsp-'));
    const rssFile = join(scratch, 'maxrss');
    const server = startServer({ root, today, rssFile, profileDir });
    const { connection, until } = server;
    const result = { edits: [], preview: [], requests: { definition: [], references: [], hover: [], completion: [], codeLens: [] }, phases: [] };
    const phase = label => result.phases.push(`${label} ${process.hrtime.bigint() / 1000n}`);
    try {
        const files = new Set(strategyFiles(workspace).map(file => pathToFileURL(file).toString()));
        const first = new Map();
        const allPublished = until(params => {
            if (files.has(params.uri) && !first.has(params.uri)) first.set(params.uri, params.diagnostics);
            return first.size === files.size;
        }, `diagnostics for all ${files.size} files`);
        const started = performance.now();
        await bounded(connection.sendRequest('initialize', {
            processId: process.pid, rootUri: pathToFileURL(workspace).toString(),
            workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'workspace' }],
            capabilities: {
                workspace: { workspaceFolders: true, configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
                textDocument: {
                    hover: { contentFormat: ['markdown', 'plaintext'] }, definition: { linkSupport: true },
                    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
                    publishDiagnostics: { dataSupport: true }
                }
            }
        }), 'initialize answer');
        await connection.sendNotification('initialized', {});
        result.firstDiagnosticsMs = (await allPublished) - started;
        result.files = files.size;
        result.errors = [...first.values()].flat().filter(d => d.severity === 1).length;
        result.firstError = [...first.entries()].flatMap(([uri, ds]) => ds.filter(d => d.severity === 1).map(d => `${uri}: ${d.message}`))[0];

        // The large file opened in the editor, then typed in: a character into a title, then deleted again.
        const uri = pathToFileURL(bigFile).toString();
        const opened = until(params => params.uri === uri, 'diagnostics of the opened file');
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'strategy', version: 1, text: bigText } });
        await opened;
        const lines = bigText.split('\n');
        const lineOf = needle => lines.findIndex(line => line.startsWith(needle));
        phase('edits from');
        const titleLine = lineOf('ticket BIG-75 "');
        const titleColumn = lines[titleLine].indexOf('"') + 1;
        for (let i = 0; i < edits; i++) {
            const typing = i % 2 === 0;
            const range = { start: { line: titleLine, character: titleColumn }, end: { line: titleLine, character: titleColumn + (typing ? 0 : 1) } };
            const published = until(params => params.uri === uri, `diagnostics after edit ${i + 1}`);
            const sent = performance.now();
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: i + 2 }, contentChanges: [{ range, text: typing ? 'x' : '' }] });
            result.edits.push((await published) - sent);
            // A fast typist's pause between keys, so each edit is measured on its own and not behind the last one's dependents.
            await new Promise(done => setTimeout(done, 60));
        }

        // The preview beside the editor: right after each edit it asks for the canvas it shows; the answer waits for
        // the server to have the edit linked, so this is edit → updated canvas.
        phase('preview from');
        for (let i = 0; i < previewEdits; i++) {
            const typing = i % 2 === 0;
            const range = { start: { line: titleLine, character: titleColumn }, end: { line: titleLine, character: titleColumn + (typing ? 0 : 1) } };
            const sent = performance.now();
            await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: edits + i + 2 }, contentChanges: [{ range, text: typing ? 'x' : '' }] });
            const answer = await bounded(connection.sendRequest('strategy/render', { canvas: previewCanvas, format: 'fragment' }), 'strategy/render answer');
            result.preview.push(performance.now() - sent);
            if (!answer?.content) throw new Error(`strategy/render answered nothing for ${previewCanvas}`);
            await new Promise(done => setTimeout(done, 60));
        }

        // Requests at the places a user would ask them, a different element each sample.
        const ask = async (kind, method, params) => {
            const sent = performance.now();
            const answer = await bounded(connection.sendRequest(method, params), `${method} answer`);
            result.requests[kind].push(performance.now() - sent);
            if (answer === null || (Array.isArray(answer) && answer.length === 0) || (Array.isArray(answer?.items) && answer.items.length === 0)) {
                throw new Error(`${method} answered nothing at ${JSON.stringify(params.position)}`);
            }
        };
        const textDocument = { uri };
        phase('requests from');
        for (let i = 0; i < samples; i++) {
            const parent = lineOf(`objective BigObjective${i + 1} "`) + 1;
            await ask('definition', 'textDocument/definition', { textDocument, position: { line: parent, character: '  parent '.length + 2 } });
            const declaration = lineOf(`objective BigObjective${i + 1} "`);
            await ask('references', 'textDocument/references', { textDocument, position: { line: declaration, character: 'objective Big'.length }, context: { includeDeclaration: false } });
            const serves = lineOf(`ticket BIG-${2 * i + 2} "`) + 1;
            await ask('hover', 'textDocument/hover', { textDocument, position: { line: serves, character: '  serves Big'.length } });
            const other = lineOf(`ticket BIG-${2 * i + 1} "`) + 1;
            await ask('completion', 'textDocument/completion', { textDocument, position: { line: other, character: '  serves '.length }, context: { triggerKind: 1 } });
            // Every objective's lens counts the work below it; the whole large file's lenses at once.
            await ask('codeLens', 'textDocument/codeLens', { textDocument });
        }
        phase('end');
    } finally {
        result.exitCode = await server.stop();
        try {
            const usage = JSON.parse(readFileSync(rssFile, 'utf8'));
            result.maxRssMb = usage.maxRSS / 1024;
            result.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
        } catch {
            // The server ended before its exit handler ran; memory stays unknown.
        }
        rmSync(scratch, { recursive: true, force: true });
        result.stderr = server.stderr();
    }
    return result;
}

/** options: { root, workspace, workspaceInfo, runs, today, log }; returns rows for bench.mjs's table. */
export async function run({ root, workspace, runs, today, log }) {
    const folder = join(workspace, 'big');
    rmSync(folder, { recursive: true, force: true });
    const generated = strategyFiles(workspace);
    const { big, links } = largeFiles(namesOf(generated));
    mkdirSync(folder, { recursive: true });
    const bigFile = join(folder, 'big.strategy');
    writeFileSync(bigFile, big);
    writeFileSync(join(folder, 'big-links.strategy'), links);
    const lineCount = big.split('\n').length;
    const profileDir = process.env.BENCH_LSP_CPU_PROF ? resolve(process.env.BENCH_LSP_CPU_PROF) : undefined;
    if (profileDir) log(`  CPU profiles of the server go to ${profileDir}`);

    const sessions = [];
    let failed;
    try {
        for (let i = 0; i < runs; i++) {
            const result = await session({ root, workspace, today, bigFile, bigText: big, profileDir });
            sessions.push(result);
            log(`  lsp session ${i + 1}/${runs}: first diagnostics for ${result.files} files ${(result.firstDiagnosticsMs / 1000).toFixed(2)} s`
                + ` (${result.errors} errors), edit → diagnostics median ${stats(result.edits).median.toFixed(1)} ms,`
                + ` ${result.maxRssMb?.toFixed(0) ?? '?'} MB, exit ${result.exitCode}`);
            if (profileDir) log(`    profile clock (µs): ${result.phases.join(', ')}`);
            if (result.errors > 0) {
                failed = `${result.errors} errors in the workspace (first: ${result.firstError})`;
                break;
            }
            if (result.exitCode !== 0) {
                failed = `server exit ${result.exitCode}${result.stderr ? `: ${result.stderr.trim().split('\n')[0]}` : ''}`;
                break;
            }
        }
    } catch (error) {
        failed = error.message;
    } finally {
        rmSync(folder, { recursive: true, force: true });
    }

    const files = sessions[0]?.files ?? 0;
    const rss = sessions.map(s => s.maxRssMb).filter(v => v !== undefined);
    const cpu = sessions.map(s => s.cpuMs).filter(v => v !== undefined);
    const row = (benchmark, values, rowTargets, extra = {}) => {
        const time = values.length ? stats(values) : {};
        return { benchmark, runs: values.length, medianMs: time.median, minMs: time.min, maxMs: time.max, targets: rowTargets, failed, ...extra };
    };
    const edited = sessions.flatMap(s => s.edits);
    return [
        row(`lsp initialize → diagnostics of ${files} files`, sessions.map(s => s.firstDiagnosticsMs), { peakRssMb: targets.peakRssMb }, {
            cpuMs: cpu.length ? stats(cpu).median : undefined,
            peakRssMb: rss.length ? Math.max(...rss) : undefined,
            note: 'peak RSS and CPU: the whole session (every row below)'
        }),
        row(`lsp edit → diagnostics, ${lineCount}-line file`, edited, { medianMs: targets.editMedianMs, p95Ms: targets.editP95Ms }, {
            p95Ms: edited.length ? percentile(edited, 0.95) : undefined, note: `${edits} one-character edits per session`
        }),
        row('lsp edit → preview canvas rendered', sessions.flatMap(s => s.preview), { medianMs: targets.previewMedianMs }, {
            p95Ms: sessions.length ? percentile(sessions.flatMap(s => s.preview), 0.95) : undefined,
            note: `${previewEdits} edits per session, each followed at once by strategy/render`
        }),
        ...Object.keys(sessions[0]?.requests ?? { definition: 0, references: 0, hover: 0, completion: 0, codeLens: 0 }).map(kind =>
            row(`lsp ${kind}`, sessions.flatMap(s => s.requests[kind]), { medianMs: targets.requestMedianMs }, {
                p95Ms: sessions.length ? percentile(sessions.flatMap(s => s.requests[kind]), 0.95) : undefined, note: `${samples} places per session`
            }))
    ];
}
