// Benchmark: inputs whose diagnostics could grow faster than the input (issue 10, item 18). N definitions of one ID
// each get a duplicate-id naming the others, so an unbounded list is quadratic in N; a did-you-mean over a
// 16,000-character misspelt ID is quadratic in its length unless the edit distance is bounded. Each case reports
// the output's size, the wall time and the peak memory, of the built CLI (`strategy check`) or of the language
// server (out/server.cjs over stdio, the size being that of the publishDiagnostics JSON).
//
//   node scripts/bench/blowups.mjs          (after `npm run build`), or  node scripts/bench.mjs --only blowups
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { measureNode, reportRss } from './measure.mjs';

export const name = 'blowups';
export const description = 'N copies of one ID (check and server), did-you-mean on a 16,000-character ID';
export const targets = {};
/** A process that takes longer than this is stopped and reported as failed rather than waited for. */
const limitMs = 180_000;

const copies = n => Array.from({ length: n }, (_, i) => `objective Dup "Copy ${i}" {}\n`).join('');

function misspelt() {
    const id = 'A'.repeat(16_000);
    return `objective ${id} "long" {}\nticket T-1 "t" { serves ${id.slice(0, -1)}B }\n`;
}

const mb = bytes => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function checkCase(root, today, label, text) {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-blowups-'));
    try {
        writeFileSync(join(dir, 'a.strategy'), text);
        const result = await measureNode(['--max-old-space-size=4096', 'bin/strategy.cjs', 'check', dir, '--today', today], { cwd: root, timeoutMs: limitMs });
        const failed = result.code !== 1 ? `exit ${result.code}: ${result.stderr.trim().split('\n').slice(-1)[0]?.slice(0, 120) ?? ''}` : undefined;
        return { benchmark: label, ms: result.ms, cpuMs: result.cpuMs, rss: result.maxRssMb, size: Buffer.byteLength(result.stdout), failed };
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

/** Opens one document in a fresh server and waits for its diagnostics. */
async function serverCase(root, today, label, text) {
    const scratch = mkdtempSync(join(tmpdir(), 'strategy-blowups-lsp-'));
    const rssFile = join(scratch, 'maxrss');
    const child = spawn(process.execPath, ['--require', reportRss, join(root, 'out', 'server.cjs'), '--stdio'], {
        cwd: root, env: { ...process.env, BENCH_RSS_FILE: rssFile, STRATEGY_TODAY: today }, stdio: ['pipe', 'pipe', 'ignore']
    });
    const exited = new Promise(done => child.on('exit', done));
    const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const uri = pathToFileURL(join(scratch, 'a.strategy')).toString();
    const published = new Promise(done => connection.onNotification('textDocument/publishDiagnostics', params => {
        if (params.uri === uri && params.diagnostics.length > 0) done(params);
    }));
    connection.onRequest('workspace/configuration', params => params.items.map(() => ({})));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    let timer;
    const timeout = new Promise(done => { timer = setTimeout(() => done(undefined), limitMs); });
    try {
        await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { textDocument: { publishDiagnostics: { relatedInformation: true } } } });
        await connection.sendNotification('initialized', {});
        const started = performance.now();
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'strategy', version: 1, text } });
        const params = await Promise.race([published, timeout]);
        const ms = performance.now() - started;
        const size = params ? Buffer.byteLength(JSON.stringify(params)) : 0;
        await Promise.race([connection.sendRequest('shutdown'), timeout]);
        await connection.sendNotification('exit').catch(() => undefined);
        if (await Promise.race([exited, new Promise(done => setTimeout(() => done('stuck'), 10_000))]) === 'stuck') child.kill();
        let usage;
        try { usage = JSON.parse(readFileSync(rssFile, 'utf8')); } catch { /* killed before it could report */ }
        return {
            benchmark: label, ms, size, rss: usage && usage.maxRSS / 1024,
            cpuMs: usage && (usage.userCPUTime + usage.systemCPUTime) / 1000, failed: params ? undefined : `no diagnostics within ${limitMs / 1000} s`
        };
    } finally {
        clearTimeout(timer);
        connection.dispose();
        if (child.exitCode === null) child.kill();
        rmSync(scratch, { recursive: true, force: true });
    }
}

export async function run({ root, today, log }) {
    const cases = [
        ...[1000, 2000, 4000].map(n => () => checkCase(root, today, `check: ${n.toLocaleString('en')} copies of one ID`, copies(n))),
        () => serverCase(root, today, 'server: 1,500 copies of one ID', copies(1500)),
        () => checkCase(root, today, 'check: did you mean, 16,000-character ID', misspelt())
    ];
    const rows = [];
    for (const each of cases) {
        const row = await each();
        log(`  ${row.benchmark}: ${mb(row.size)} out, ${(row.ms / 1000).toFixed(2)} s, ${row.rss?.toFixed(0) ?? '?'} MB peak${row.failed ? `, FAILED ${row.failed}` : ''}`);
        rows.push({ benchmark: row.benchmark, runs: 1, medianMs: row.ms, minMs: row.ms, maxMs: row.ms, cpuMs: row.cpuMs, peakRssMb: row.rss, note: `${mb(row.size)} out`, failed: row.failed });
    }
    return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const rows = await run({ root, today: '2026-11-23', log: line => console.log(line) });
    process.exitCode = rows.some(row => row.failed) ? 1 : 0;
}
