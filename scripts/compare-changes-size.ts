// Times "Compare with Revision…" on the server for the 10,000-element bench workspace in a temp git repository,
// with 1% of its elements changed after the commit (ticket statuses, held in memory as unsaved edits are):
// strategy/diff the first time (git read, the revision parsed and checked), again (the revision kept by commit),
// and strategy/renderChanges (the diff and the marked map, with no card expanded and with one) beside strategy/render's
// map, each with the size of its answer (and a card of the map expanded after it), then strategy/renderCard of one card with the comparison (what expanding a
// card of the changes view asks for): right after the changes view (its comparison kept), then after an edit of one
// ticket (compared afresh), then again.
//
//   node --import tsx --import ./src/node-compat.ts scripts/compare-changes-size.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { CancellationToken, type Connection } from 'vscode-languageserver';
// @ts-expect-error: the generator is a plain ES module of the benchmarks, without types.
import { generateWorkspace } from './bench/generate-workspace.mjs';
import { registerStrategyRequests } from '../src/language/lsp/strategy-rpc.js';
import { createStrategyLspServices } from '../src/language/lsp/strategy-lsp-module.js';
import {
    diffRequest, renderCardRequest, renderChangesRequest, renderRequest, type CompareResult, type RenderCardResult, type RenderResult
} from '../src/protocol/strategy-protocol.js';
import { MemoryFileSystem } from '../test/helpers.js';

const folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-compare-bench-')));
try {
    generateWorkspace(folder, { elements: 10000 });
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: folder, encoding: 'utf8' });
    git('init', '-q');
    git('add', '-A');
    git('commit', '-q', '-m', 'bench');

    // 1% of 10,000 elements: the first 100 tickets written `status todo` become `status done`, in memory only.
    const fileSystem = new MemoryFileSystem();
    let changed = 0;
    for (const name of readdirSync(folder, { recursive: true }).map(String).filter(file => file.endsWith('.strategy'))) {
        const text = readFileSync(join(folder, name), 'utf8').replace(/status todo/g, match => (changed < 100 ? (changed++, 'status done') : match));
        fileSystem.files.set(URI.file(join(folder, name)).toString(), text);
    }
    const handlers = new Map<string, (params: unknown, token: CancellationToken) => Promise<unknown>>();
    const connection = {
        onRequest: (type: { method: string }, handler: (params: unknown, token: CancellationToken) => Promise<unknown>) => { handlers.set(type.method, handler); },
        sendNotification: () => Promise.resolve()
    } as unknown as Connection;
    const { shared, Strategy } = createStrategyLspServices({ connection, fileSystemProvider: () => fileSystem });
    Strategy.strategy.Config.fixedToday = '2026-11-23';
    registerStrategyRequests(shared, Strategy);
    const folders = [{ uri: URI.file(folder).toString(), name: 'bench' }];
    shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: folders });
    let start = performance.now();
    await shared.workspace.WorkspaceManager.initializeWorkspace(folders);
    console.log(`workspace of ${fileSystem.files.size} files built and checked in ${(performance.now() - start).toFixed(0)} ms; ${changed} tickets changed`);

    const params = { folder: folders[0].uri, revision: 'HEAD' };
    for (const run of ['first (git read, revision parsed and checked)', 'again (revision and comparison kept)']) {
        start = performance.now();
        const result = await handlers.get(diffRequest.method)!(params, CancellationToken.None) as CompareResult;
        console.log(`strategy/diff ${run}: ${(performance.now() - start).toFixed(0)} ms, ${result.diff.changes.length} changes: ${result.headline}`);
    }
    start = performance.now();
    const plain = await handlers.get(renderRequest.method)!({ format: 'fragment' }, CancellationToken.None) as RenderResult;
    console.log(`strategy/render of the map, for comparison: ${(performance.now() - start).toFixed(0)} ms, ${(plain.content.length / 1024).toFixed(0)} KB of markup`);
    // A card of the map expanded after it was rendered, twice: the map read for the render is kept until an edit.
    const mapCard = /data-element="(objective:[^"]+)"[^>]*data-expandable="true"/.exec(plain.content)?.[1];
    for (const run of ['first', 'second'] as const) {
        if (!mapCard) break;
        start = performance.now();
        await handlers.get(renderCardRequest.method)!({ card: mapCard }, CancellationToken.None);
        console.log(`strategy/renderCard of ${mapCard} in the map, ${run} after the render: ${(performance.now() - start).toFixed(0)} ms`);
    }
    let rendered!: RenderResult;
    // Three times: what typing in the changes view costs, once the revision is kept.
    for (let run = 1; run <= 3; run++) {
        start = performance.now();
        rendered = await handlers.get(renderChangesRequest.method)!(params, CancellationToken.None) as RenderResult;
        console.log(`strategy/renderChanges, run ${run}: ${(performance.now() - start).toFixed(0)} ms, ${(rendered.content.length / 1024).toFixed(0)} KB of markup`);
    }
    // The card of the first changed ticket's objective, as the preview expands it.
    const card = /<g class="node node-objective[^"]*" data-element="([^"]+)"[^>]*data-expandable="true"[^>]*>(?:(?!<g class="node node-objective).)*?diff-changed/s.exec(rendered.content)?.[1];
    if (card) {
        start = performance.now();
        const expanded = await handlers.get(renderChangesRequest.method)!({ ...params, expanded: [card] }, CancellationToken.None) as RenderResult;
        console.log(`strategy/renderChanges with ${card} expanded: ${(performance.now() - start).toFixed(0)} ms, ${(expanded.content.length / 1024).toFixed(0)} KB of markup`);
        start = performance.now();
        const whole = await handlers.get(renderCardRequest.method)!({ card, compare: params }, CancellationToken.None) as RenderCardResult | null;
        console.log(`strategy/renderCard of ${card} with the comparison: ${(performance.now() - start).toFixed(0)} ms, ${((whole?.content.length ?? 0) / 1024).toFixed(1)} KB of markup`);
        // One more ticket done in one file, as typing changes it: the kept comparison is stale.
        const [uri, text] = [...fileSystem.files].find(([, each]) => each.includes('status todo'))!;
        fileSystem.files.set(uri, text.replace('status todo', 'status done'));
        await shared.workspace.DocumentBuilder.update([URI.parse(uri)], []);
        for (const run of ['after an edit (compared afresh)', 'again (comparison kept)']) {
            start = performance.now();
            await handlers.get(renderCardRequest.method)!({ card, compare: params }, CancellationToken.None);
            console.log(`strategy/renderCard of ${card} ${run}: ${(performance.now() - start).toFixed(0)} ms`);
        }
    }
} finally {
    rmSync(folder, { recursive: true, force: true });
}
