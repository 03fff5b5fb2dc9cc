import assert from 'node:assert/strict';
import { mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { CancellationToken, LSPErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { CompareRequests } from '../../../src/language/lsp/compare-requests.js';
import { registerStrategyRequests } from '../../../src/language/lsp/strategy-rpc.js';
import { diffStrategies } from '../../../src/model/diff/strategy-diff.js';
import { createStrategyLspServices, type StrategyLspServices } from '../../../src/language/lsp/strategy-lsp-module.js';
import {
    diffRequest, renderCardRequest, renderChangesRequest, revisionsRequest, type CompareResult, type RenderCardResult, type RenderResult, type RevisionChoice
} from '../../../src/protocol/strategy-protocol.js';
import { MemoryFileSystem, today } from '../../helpers.js';
import { GitRepository } from '../../cli/git-fixture.js';

// "Compare with Revision…" on the server, over the handlers it registers on its connection: a real git repository in
// the temp folder holds the revision; the server's documents (held in memory, as unsaved edits are) are the other
// side. Nothing is written to the repository.

const goals = `vision "Groceries in one tap"
objective Engagement "Grow engagement" { metric Weekly }
objective Act "Keep users" { metric Weekly }
metric Weekly "Weekly orders" { unit "%" baseline 20 target 30 by 2027-06-30 reading 22 on 2026-10-01 }
`;
const work = `ticket T-1 "Reorder" { serves Engagement status todo }
ticket T-2 "Old idea" { serves Engagement }
`;
// Edited in the editor, not saved: a target moved, a rename, a ticket done, one removed, one added with a title that is markup.
const editedGoals = goals.replace('target 30 by 2027-06-30', 'target 28 by 2027-09-30').replace('objective Act', 'objective Keep');
const editedWork = `ticket T-1 "Reorder" { serves Engagement status done }
ticket T-3 "<img src=x onerror=alert(1)>" { serves Engagement }
`;

type Handler = (params: unknown, token: CancellationToken) => Promise<unknown>;

async function server(folder: string, files: Record<string, string>): Promise<{ handlers: Map<string, Handler>; services: StrategyLspServices; fileSystem: MemoryFileSystem }> {
    const handlers = new Map<string, Handler>();
    const connection = {
        onRequest: (type: { method: string }, handler: Handler) => { handlers.set(type.method, handler); },
        sendNotification: () => Promise.resolve()
    } as unknown as Connection;
    const fileSystem = new MemoryFileSystem();
    const { shared, Strategy } = createStrategyLspServices({ connection, fileSystemProvider: () => fileSystem });
    Strategy.strategy.Config.fixedToday = today;
    registerStrategyRequests(shared, Strategy);
    for (const [name, text] of Object.entries(files)) fileSystem.files.set(URI.file(join(folder, name)).toString(), text);
    const folders = [{ uri: URI.file(folder).toString(), name: 'plan' }];
    shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: folders });
    await shared.workspace.WorkspaceManager.initializeWorkspace(folders);
    return { handlers, services: Strategy, fileSystem };
}

describe('Compare with Revision on the server (strategy/revisions, strategy/diff, strategy/renderChanges)', () => {
    let repo: GitRepository;
    let handlers: Map<string, Handler>;
    let folder: string;
    before(async () => {
        repo = new GitRepository('strategy-compare-').init();
        repo.write('plan/goals.strategy', goals).write('plan/work.strategy', work).write('README.md', 'not a strategy\n').commit('base');
        repo.git('tag', 'v1');
        repo.git('branch', 'feature');
        folder = join(repo.root, 'plan');
        ({ handlers } = await server(folder, { 'goals.strategy': editedGoals, 'work.strategy': editedWork }));
    });
    after(() => repo.dispose());
    const call = <T>(method: string, params: unknown) => handlers.get(method)!(params, CancellationToken.None) as Promise<T | ResponseError>;
    const folderUri = () => URI.file(folder).toString();

    it('strategy/revisions lists the branches, tags and recent commits of the workspace folder\'s repository', async () => {
        const choices = await call<RevisionChoice[]>(revisionsRequest.method, { folder: folderUri() });
        assert.ok(Array.isArray(choices), String(choices));
        const names = choices.map(choice => `${choice.kind} ${choice.revision}`);
        for (const name of ['branch main', 'branch feature', 'tag v1']) assert.ok(names.includes(name), names.join(', '));
        assert.equal(choices.filter(choice => choice.kind === 'commit').length, 1);
        assert.match(choices.find(choice => choice.kind === 'commit')!.detail, /^base$/);
    });

    it('strategy/diff compares HEAD\'s files of the folder with the unsaved documents, element by element', async () => {
        const statusBefore = repo.status();
        const result = await call<CompareResult>(diffRequest.method, { folder: folderUri(), revision: 'HEAD' });
        assert.ok(!(result instanceof ResponseError), String(result instanceof ResponseError && result.message));
        const head = repo.git('rev-parse', 'HEAD').trim();
        assert.equal(result.commit, head);
        assert.equal(result.headline, `Compared with HEAD (${head.slice(0, 7)}): 1 added · 2 changed · 1 renamed · 1 removed`);
        assert.deepEqual(result.diff.changes.map(change => `${change.change} ${change.kind} ${change.id} ${change.file}`), [
            'renamed objective Keep plan/goals.strategy',
            'changed metric Weekly plan/goals.strategy',
            'changed ticket T-1 plan/work.strategy',
            'removed ticket T-2 plan/work.strategy',
            'added ticket T-3 plan/work.strategy'
        ]);
        assert.deepEqual(result.diff.changes.find(change => change.id === 'T-1')!.fields.map(field => field.words), ['status todo → done']);
        assert.equal(repo.status(), statusBefore, 'git status changed');
    });

    it('strategy/renderChanges marks the map\'s summaries: "new" and "changed" badges, before → after on the card, a Removed group, the headline and a button to leave; no whole card', async () => {
        const result = await call<RenderResult>(renderChangesRequest.method, { folder: folderUri(), revision: 'v1' });
        assert.ok(!(result instanceof ResponseError), String(result instanceof ResponseError && result.message));
        assert.equal(result.title, 'Changes since v1');
        const html = result.content;
        assert.match(html, /<div class="view-changes" role="status"><span class="changes-headline">Compared with v1 \([0-9a-f]{7}\): 1 added · 2 changed · 1 renamed · 1 removed<\/span> <button type="button" class="leave-comparison" data-action="leave-comparison">Leave comparison<\/button>/);
        // The summary only counts T-1 (done) and T-3: each gets a row with its badge, T-1's with its change in words.
        assert.match(html, /<g class="node diff-row diff-changed" data-element="ticket:T-1"[^>]*>.*?T-1: status todo → done<\/tspan>.*?<text x="[^"]+" y="[^"]+">changed<\/text>/s);
        assert.match(html, /<g class="node diff-row diff-added" data-element="ticket:T-3"[^>]*>.*?>new<\/text>/s);
        assert.ok(!html.includes('<img'), 'a title became markup');
        assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
        assert.match(html, /<title>target 30 → 28, by 2027-06-30 → 2027-09-30 \(\+92 days\)<\/title>/);
        assert.match(html, /renamed from Act/);
        // The removed ticket is in the Removed group, named by kind and ID.
        assert.match(html, /<g class="group group-removed"[^>]*>.*?Removed.*?ticket T-2.*?>removed<\/text>/s);
        // The vision and the other elements that did not change carry no mark.
        assert.doesNotMatch(html, /data-element="objective:Engagement"[^>]*diff-/);
        // The whole cards are most of a big map's bytes: the preview asks for one when it is expanded.
        assert.doesNotMatch(html, /class="map-whole"/);
        assert.match(html, /data-element="objective:Engagement"[^>]*data-expandable="true"/);
    });

    it('strategy/renderChanges carries the whole cards of the expanded cards, marked, and no other', async () => {
        const result = await call<RenderResult>(renderChangesRequest.method, { folder: folderUri(), revision: 'v1', expanded: ['objective:Engagement'] });
        assert.ok(!(result instanceof ResponseError), String(result instanceof ResponseError && result.message));
        const wholes = [...result.content.matchAll(/<g class="map-whole" data-whole="([^"]+)">/g)].map(match => match[1]);
        assert.deepEqual(wholes, ['o0']);
        const whole = result.content.slice(result.content.indexOf('<g class="map-whole"'));
        // In the whole card T-1 is listed as a ticket, with its badge and its change in words under it.
        assert.match(whole, /<g class="node node-ticket[^"]* diff-changed" data-element="ticket:T-1"[^>]*>.*?<text x="[^"]+" y="[^"]+">changed<\/text>.*?status todo → done/s);
        assert.match(whole, /data-element="ticket:T-3"[^>]*>.*?>new<\/text>/s);
        for (const params of [{ folder: folderUri(), revision: 'v1', expanded: 'objective:Engagement' }, { folder: folderUri(), revision: 'v1', expanded: [3] }]) {
            const answer = await call<RenderResult>(renderChangesRequest.method, params);
            assert.ok(answer instanceof ResponseError && answer.code === -32602, JSON.stringify(params));
        }
    });

    it('strategy/renderCard with the comparison answers the card\'s whole card with its change marks and lines; without it, the map\'s card, unmarked', async () => {
        const compare = { folder: folderUri(), revision: 'v1' };
        const marked = await call<RenderCardResult>(renderCardRequest.method, { card: 'objective:Engagement', compare });
        assert.ok(marked && !(marked instanceof ResponseError), String(marked instanceof ResponseError ? marked.message : marked));
        assert.match(marked.content, /^<rect class="card-bg" x="0" y="0"/);
        assert.match(marked.content, /<g class="node node-ticket[^"]* diff-changed" data-element="ticket:T-1"[^>]*>.*?>changed<\/text>.*?status todo → done/s);
        assert.match(marked.content, /data-element="ticket:T-3"[^>]*>.*?>new<\/text>/s);
        assert.match(marked.content, /target 30 → 28/);
        const plain = await call<RenderCardResult>(renderCardRequest.method, { card: 'objective:Engagement' });
        assert.ok(plain && !(plain instanceof ResponseError));
        assert.match(plain.content, /data-element="ticket:T-1"/);
        assert.doesNotMatch(plain.content, /diff-|todo → done|target 30 → 28/, 'the map\'s card carries no change');
        assert.equal(await call(renderCardRequest.method, { card: 'objective:Nope', compare }), null);
        for (const params of [{ card: 'objective:Engagement', compare: { folder: folderUri() } }, { card: 42, compare }, { card: 'objective:Engagement', compare: 'v1' }]) {
            const answer = await call<RenderCardResult>(renderCardRequest.method, params);
            assert.ok(answer instanceof ResponseError && answer.code === -32602, JSON.stringify(params));
        }
    });

    it('keeps the last comparison until a document changes: a card expanded after the changes view reuses its diff, and after an edit shows the new change', async () => {
        const { handlers: its, services, fileSystem } = await server(folder, { 'goals.strategy': editedGoals, 'work.strategy': editedWork });
        let diffs = 0;
        const counted = new CompareRequests(services, (...sides) => {
            diffs++;
            return diffStrategies(...sides);
        });
        const compare = { folder: folderUri(), revision: 'v1' };
        const card = { card: 'objective:Engagement', compare };
        const changes = await counted.renderChanges(compare, CancellationToken.None);
        assert.ok(!(changes instanceof ResponseError) && /T-1: status todo → done/.test(changes.content));
        assert.equal(diffs, 1);
        const first = await counted.renderCard(card, CancellationToken.None);
        const second = await counted.renderCard(card, CancellationToken.None);
        assert.equal(diffs, 1, 'the cards reuse the changes view\'s diff');
        assert.ok(first && !(first instanceof ResponseError) && /status todo → done/.test(first.content));
        assert.deepEqual(second, first, 'the same card twice');
        // The same commit under another name is another headline: compared again.
        const head = await counted.renderCard({ ...card, compare: { ...compare, revision: 'HEAD' } }, CancellationToken.None);
        assert.deepEqual(head, first);
        assert.equal(diffs, 2);

        // The server's own handlers too: a card asked for before an edit, then the edit (T-1 now doing, not saved).
        const ask = () => its.get(renderCardRequest.method)!(card, CancellationToken.None) as Promise<RenderCardResult | null | ResponseError>;
        assert.match(((await ask()) as RenderCardResult).content, /status todo → done/);
        const uri = URI.file(join(folder, 'work.strategy'));
        fileSystem.files.set(uri.toString(), editedWork.replace('status done', 'status doing'));
        await services.shared.workspace.DocumentBuilder.update([uri], []);
        const edited = await ask();
        assert.ok(edited && !(edited instanceof ResponseError));
        assert.match(edited.content, /status todo → doing/, 'the card shows the edit\'s change');
        assert.doesNotMatch(edited.content, /todo → done/, 'no stale diff');
        assert.match(edited.content, /<title>T-1 · doing: Reorder<\/title>/, 'on the map as it is now');
        const after = await counted.renderCard(card, CancellationToken.None);
        assert.deepEqual(after, edited);
        assert.equal(diffs, 3, 'compared again after the edit, once');
        assert.deepEqual(await counted.renderCard(card, CancellationToken.None), edited);
        assert.equal(diffs, 3);
    });

    it('an unknown revision is an error with git\'s reason; a folder outside git says it is not in a git repository', async () => {
        const unknown = await call<CompareResult>(diffRequest.method, { folder: folderUri(), revision: 'no-such-branch' });
        assert.ok(unknown instanceof ResponseError);
        assert.equal(unknown.code, LSPErrorCodes.RequestFailed);
        assert.match(unknown.message, /^Unknown revision 'no-such-branch': .*(unknown revision|Needed a single revision)/);
        const option = await call<CompareResult>(diffRequest.method, { folder: folderUri(), revision: '--output=/tmp/x' });
        assert.ok(option instanceof ResponseError && /is not a revision/.test(option.message), 'an option is no revision');

        const outside = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-nogit-')));
        try {
            const other = await server(outside, { 'a.strategy': 'objective A "A"\n' });
            for (const [method, params] of [[revisionsRequest.method, { folder: URI.file(outside).toString() }], [diffRequest.method, { folder: URI.file(outside).toString(), revision: 'HEAD' }]] as const) {
                const answer = await other.handlers.get(method)!(params, CancellationToken.None);
                assert.ok(answer instanceof ResponseError, `${method} answered ${JSON.stringify(answer)}`);
                assert.match(answer.message, /is not in a git repository/);
            }
        } finally {
            rmSync(outside, { recursive: true, force: true });
        }
    });

    it('a revision\'s file that is not UTF-8 text is left out with a note; without a git command the answer says what to install', async () => {
        const other = new GitRepository('strategy-compare-bytes-').init();
        try {
            other.write('goals.strategy', goals)
                .write('latin1.strategy', Buffer.from('objective Caf\xe9 "Caf\xe9"\n', 'latin1'))
                .write('image.strategy', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))
                .commit('base');
            const { handlers: its } = await server(other.root, { 'goals.strategy': goals });
            const params = { folder: URI.file(other.root).toString(), revision: 'HEAD' };
            const result = await its.get(diffRequest.method)!(params, CancellationToken.None) as CompareResult | ResponseError;
            assert.ok(!(result instanceof ResponseError), String(result instanceof ResponseError && result.message));
            const at = result.commit.slice(0, 7);
            assert.deepEqual(result.diff.notes.filter(note => /image|latin1/.test(note)), [
                `image.strategy is not UTF-8 text at ${at}: left out of the comparison`,
                `latin1.strategy is not UTF-8 text at ${at}: left out of the comparison`
            ]);

            const path = process.env.PATH;
            process.env.PATH = join(other.root, 'no-bin');
            let missing: unknown;
            try {
                missing = await its.get(diffRequest.method)!(params, CancellationToken.None);
            } finally {
                process.env.PATH = path;
            }
            assert.ok(missing instanceof ResponseError && missing.code === LSPErrorCodes.RequestFailed, String(missing));
            assert.equal(missing.message, 'The git command was not found; Compare with Revision reads revisions through git, so install it or put it on PATH');
        } finally {
            other.dispose();
        }
    });

    it('parameters that are not a file folder and a revision are refused, not run', async () => {
        for (const params of [undefined, {}, { folder: 'http://example.com/x', revision: 'HEAD' }, { folder: folderUri() }, { folder: folderUri(), revision: 3 }]) {
            const answer = await call<CompareResult>(diffRequest.method, params);
            assert.ok(answer instanceof ResponseError && answer.code === -32602, JSON.stringify(params));
        }
        const missing = await call<CompareResult>(diffRequest.method, { folder: URI.file(join(folder, 'gone')).toString(), revision: 'HEAD' });
        assert.ok(missing instanceof ResponseError && /gone does not exist$/.test(missing.message), 'a missing folder is not a missing git');
    });
});
