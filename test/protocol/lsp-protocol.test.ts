import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { RenderResult } from '../../src/protocol/strategy-protocol.js';
import type {
    CodeAction, CodeLens, CompletionItem, CompletionList, Diagnostic, DocumentSymbol, Hover, InitializeResult, Location,
    LocationLink, MarkupContent, Position, PublishDiagnosticsParams, Range, SemanticTokens, SymbolInformation, TextEdit,
    WorkspaceEdit
} from 'vscode-languageserver';

// The built server (`strategy lsp --stdio`, as `npm run build` leaves it) driven over standard input and output the
// way an editor's client drives it: real JSON-RPC framing, real files on disk, the client's capabilities declared.
// Every wait is bounded, so a server that stops answering fails the test instead of hanging the suite.

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = ['backlog.strategy', 'canvas.strategy', 'objectives.strategy', 'roadmap.strategy', 'solutions.strategy', 'users.strategy'];
/** Long enough for a loaded CI machine, short enough that a silent server fails fast. */
const answerMs = 10_000;

function bounded<T>(promise: Promise<T>, what: string, ms = answerMs): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms); });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function offsetAt(text: string, position: Position): number {
    let offset = 0;
    for (let line = 0; line < position.line; line++) offset = text.indexOf('\n', offset) + 1;
    return offset + position.character;
}

function positionAt(text: string, offset: number): Position {
    const before = text.slice(0, offset);
    return { line: before.split('\n').length - 1, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** The text after a client applied these edits (LSP edits never overlap and all refer to the original text). */
function applyEdits(text: string, edits: TextEdit[]): string {
    const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
    for (const edit of sorted) text = text.slice(0, offsetAt(text, edit.range.start)) + edit.newText + text.slice(offsetAt(text, edit.range.end));
    return text;
}

describe('strategy lsp --stdio, driven as an editor drives it', function () {
    this.timeout(30_000);

    let folder: string;
    let server: ChildProcess;
    let connection: MessageConnection;
    let exitCode: Promise<number | null>;
    let exited = false;
    /** What the server wrote to standard error (read continuously, so a chatty server never blocks on a full pipe). */
    let stderr = '';
    let initialized: InitializeResult;
    /** Every publishDiagnostics in arrival order; tests note the length before an action and look only after it. */
    const published: PublishDiagnosticsParams[] = [];
    const texts = new Map<string, string>();
    const versions = new Map<string, number>();

    const uri = (file: string) => pathToFileURL(join(folder, file)).toString();
    const file = (documentUri: string) => documentUri.slice(pathToFileURL(folder).toString().length + 1);
    /** Fails at once, with the server's last words, when the server dies instead of answering. */
    const died = (what: string) => exitCode.then(code => { throw new Error(`the server exited (code ${code}) before ${what}:\n${stderr.slice(-2000)}`); });
    const request = <R>(method: string, params: unknown) => bounded(Promise.race([connection.sendRequest(method, params) as Promise<R>, died(`answering ${method}`)]), method);
    /** Where `needle` (plus `shift` characters into it) is in the client's current text of a file. */
    const at = (name: string, needle: string, shift = 0): Position => {
        const text = texts.get(name)!;
        const offset = text.indexOf(needle);
        assert.ok(offset >= 0, `${needle} not in ${name}`);
        return positionAt(text, offset + shift);
    };
    const textDocument = (name: string) => ({ uri: uri(name) });

    /** The first diagnostics of `name` published after `since` that `accept` takes. */
    async function diagnosticsOf(name: string, since: number, accept: (diagnostics: Diagnostic[]) => boolean = () => true): Promise<Diagnostic[]> {
        const found = () => published.slice(since).find(p => p.uri === uri(name) && accept(p.diagnostics));
        // Polls until a deadline (not under `bounded`, whose timeout would leave the poll running and mocha waiting).
        const deadline = Date.now() + answerMs;
        while (!found() && !exited && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 10));
        const diagnostics = found()?.diagnostics;
        assert.ok(diagnostics, exited ? `the server exited before publishing diagnostics of ${name}:\n${stderr.slice(-2000)}` : `timed out after ${answerMs} ms waiting for diagnostics of ${name}`);
        return diagnostics;
    }
    /** The last diagnostics published for a file so far. */
    const current = (name: string) => {
        for (let i = published.length - 1; i >= 0; i--) if (published[i].uri === uri(name)) return published[i].diagnostics;
        return undefined;
    };
    const codes = (diagnostics: Diagnostic[] | undefined) => (diagnostics ?? []).map(d => String(d.code));

    const open = (name: string, text = readFileSync(join(folder, name), 'utf8')) => {
        texts.set(name, text);
        versions.set(name, 1);
        return connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(name), languageId: 'strategy', version: 1, text } });
    };
    /** Sends the edit as an incremental change (what VS Code sends) and keeps the client's copy in step. */
    const change = (name: string, range: Range, newText: string) => {
        texts.set(name, applyEdits(texts.get(name)!, [{ range, newText }]));
        versions.set(name, versions.get(name)! + 1);
        return connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: uri(name), version: versions.get(name) }, contentChanges: [{ range, text: newText }]
        });
    };
    const replace = (name: string, before: string, after: string) => {
        const start = at(name, before);
        return change(name, { start, end: at(name, before, before.length) }, after);
    };
    /** Replaces the whole text (what a client sends after applying a workspace edit in one go). */
    const replaceAll = (name: string, text: string) => {
        texts.set(name, text);
        versions.set(name, versions.get(name)! + 1);
        return connection.sendNotification('textDocument/didChange', { textDocument: { uri: uri(name), version: versions.get(name) }, contentChanges: [{ text }] });
    };

    before(async () => {
        assert.ok(existsSync(join(root, 'out', 'cli.cjs')), 'the CLI is not built: run `npm run build` first (`npm test` does)');
        // A copy, so the edits below never touch the repository's example.
        folder = realpathSync(mkdtempSync(join(tmpdir(), 'strategy-lsp-')));
        cpSync(join(root, 'examples', 'shop-app'), folder, { recursive: true });

        server = spawn(process.execPath, [join(root, 'bin', 'strategy.cjs'), 'lsp', '--stdio'], {
            cwd: folder, env: { ...process.env, STRATEGY_TODAY: '2026-11-23' }, stdio: ['pipe', 'pipe', 'pipe']
        });
        server.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
        exitCode = new Promise(resolve => server.on('exit', code => { exited = true; resolve(code); }));
        connection = createMessageConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
        connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => { published.push(params); });
        // What a client answers when the server asks: no settings of its own (the defaults apply), registrations accepted.
        connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({})));
        connection.onRequest('client/registerCapability', () => null);
        connection.onRequest('window/workDoneProgress/create', () => null);
        connection.listen();

        initialized = await request<InitializeResult>('initialize', {
            processId: process.pid,
            rootUri: pathToFileURL(folder).toString(),
            workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'shop-app' }],
            capabilities: {
                workspace: { workspaceFolders: true, configuration: true, didChangeConfiguration: { dynamicRegistration: true }, didChangeWatchedFiles: { dynamicRegistration: true }, symbol: {} },
                textDocument: {
                    synchronization: { didSave: true },
                    publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true, documentationFormat: ['markdown', 'plaintext'] }, contextSupport: true },
                    definition: { linkSupport: true },
                    implementation: { linkSupport: true },
                    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
                    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
                    rename: { prepareSupport: true },
                    formatting: {}, rangeFormatting: {}, codeLens: {}, foldingRange: {},
                    semanticTokens: { requests: { full: true, range: true }, tokenTypes: [], tokenModifiers: [], formats: ['relative'] }
                }
            }
        });
        await connection.sendNotification('initialized', {});
    });

    after(() => {
        connection?.dispose();
        if (server && server.exitCode === null && server.signalCode === null) server.kill();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('declares the features an editor asks for in its initialize result', () => {
        const capabilities = initialized.capabilities;
        assert.equal(capabilities.workspace?.workspaceFolders?.supported, true);
        for (const feature of ['definitionProvider', 'referencesProvider', 'hoverProvider', 'documentSymbolProvider', 'documentFormattingProvider',
            'documentRangeFormattingProvider', 'codeActionProvider', 'implementationProvider', 'workspaceSymbolProvider', 'foldingRangeProvider'] as const) {
            assert.ok(capabilities[feature], `${feature} is not declared`);
        }
        assert.ok(capabilities.completionProvider, 'completion is not declared');
        assert.ok(capabilities.codeLensProvider, 'code lens is not declared');
        assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
        assert.ok(capabilities.semanticTokensProvider?.legend.tokenTypes.length, 'semantic tokens come without a legend');
    });

    it('publishes diagnostics for all six files of the workspace folder, none of them with a problem', async () => {
        for (const name of files) assert.deepEqual(await diagnosticsOf(name, 0), [], `diagnostics of ${name}`);
    });

    it('goes from `serves Engagement` in the backlog to the objective in objectives.strategy', async () => {
        await open('backlog.strategy');
        await open('objectives.strategy');
        await open('solutions.strategy');
        await open('users.strategy');
        await open('canvas.strategy');
        await open('roadmap.strategy');
        const links = await request<LocationLink[]>('textDocument/definition', { textDocument: textDocument('backlog.strategy'), position: at('backlog.strategy', 'serves Engagement', 9) });
        assert.equal(links.length, 1);
        assert.equal(links[0].targetUri, uri('objectives.strategy'));
        assert.deepEqual(links[0].targetSelectionRange, { start: at('objectives.strategy', 'Engagement "'), end: at('objectives.strategy', 'Engagement "', 'Engagement'.length) });
        assert.deepEqual(links[0].originSelectionRange?.start, at('backlog.strategy', 'serves Engagement', 'serves '.length));
    });

    it('finds every reference to Engagement: the three tickets, the three solutions, the question, the canvas, the milestone and the roadmap', async () => {
        const locations = await request<Location[]>('textDocument/references', {
            textDocument: textDocument('objectives.strategy'), position: at('objectives.strategy', 'Engagement "', 3), context: { includeDeclaration: false }
        });
        const where = locations.map(l => `${file(l.uri)}:${l.range.start.line + 1}`).sort();
        assert.deepEqual(where, ['backlog.strategy:12', 'backlog.strategy:21', 'backlog.strategy:3', 'canvas.strategy:4', 'roadmap.strategy:22', 'roadmap.strategy:5',
            'solutions.strategy:13', 'solutions.strategy:20', 'solutions.strategy:32', 'solutions.strategy:5']);
        for (const location of locations) {
            assert.equal(texts.get(file(location.uri))!.slice(offsetAt(texts.get(file(location.uri))!, location.range.start), offsetAt(texts.get(file(location.uri))!, location.range.end)), 'Engagement');
        }
    });

    it('goes to the implementations of Engagement from a reference: its tickets, solutions and canvases', async () => {
        const links = await request<LocationLink[]>('textDocument/implementation', { textDocument: textDocument('backlog.strategy'), position: at('backlog.strategy', 'serves Engagement', 9) });
        const names = links.map(link => {
            const text = texts.get(file(link.targetUri))!;
            return text.slice(offsetAt(text, link.targetSelectionRange.start), offsetAt(text, link.targetSelectionRange.end));
        }).sort();
        assert.deepEqual(names, ['APP-101', 'APP-102', 'APP-123', 'AppRecurrence', 'ExclusiveDeals', 'FasterNavigation', 'PersonalizedNotifications', 'Roadmap2027']);
    });

    it('hovers Engagement in the backlog with its title, chain and metric progress in Markdown', async () => {
        const hover = await request<Hover>('textDocument/hover', { textDocument: textDocument('backlog.strategy'), position: at('backlog.strategy', 'serves Engagement', 10) });
        const contents = hover.contents as MarkupContent;
        assert.equal(contents.kind, 'markdown');
        assert.match(contents.value, /Increase monthly usage frequency of the app/);
        assert.match(contents.value, /Engagement → Revenue/);
        assert.match(contents.value, /MonthlyRepeatUsers: 20% → 22\.5% → 30% by 2027-06-30 \(25% of the way, on track: at this pace 32\.3% by 2027-06-30, 123% of the way\)/);
    });

    it('completes after `serves ` with the objectives only, no metric or other element', async () => {
        const result = await request<CompletionList | CompletionItem[]>('textDocument/completion', {
            textDocument: textDocument('backlog.strategy'), position: at('backlog.strategy', 'serves Engagement', 'serves '.length), context: { triggerKind: 1 }
        });
        const items = Array.isArray(result) ? result : result.items;
        assert.deepEqual(items.map(i => i.label).sort(), ['Activation', 'Engagement', 'Revenue']);
        assert.ok(items.every(item => item.kind === 18 /* CompletionItemKind.Reference */));
    });

    it('offers a snippet per element kind at the top level, because the client said it supports snippets', async () => {
        const end = positionAt(texts.get('backlog.strategy')!, texts.get('backlog.strategy')!.length);
        await change('backlog.strategy', { start: end, end }, '\n');
        const position = positionAt(texts.get('backlog.strategy')!, texts.get('backlog.strategy')!.length);
        const result = await request<CompletionList | CompletionItem[]>('textDocument/completion', { textDocument: textDocument('backlog.strategy'), position, context: { triggerKind: 1 } });
        const items = Array.isArray(result) ? result : result.items;
        const snippets = items.filter(item => item.insertTextFormat === 2 /* InsertTextFormat.Snippet */);
        for (const kind of ['objective', 'metric', 'usertype', 'solution', 'question', 'ticket']) {
            assert.ok(snippets.some(s => s.label === kind), `no ${kind} snippet among ${snippets.map(s => s.label).join(', ')}`);
        }
        const ticket = snippets.find(s => s.label === 'ticket')!;
        assert.match(ticket.textEdit?.newText ?? ticket.insertText ?? '', /^ticket \$\{1:[^}]+\} "\$\{2:[^}]+\}" \{\n\s+serves \$3/);
        const newline = positionAt(texts.get('backlog.strategy')!, texts.get('backlog.strategy')!.length - 1);
        await change('backlog.strategy', { start: newline, end: position }, '');
    });

    it('lists the document symbols of a file: one per element, with its title as detail', async () => {
        const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: textDocument('backlog.strategy') });
        assert.deepEqual(symbols.map(s => [s.name, s.detail]), [
            ['APP-101', 'Reorder a previous basket in one tap'], ['APP-102', 'Cut product search latency below 200 ms'],
            ['APP-123', 'Prototype personalized notifications'], ['APP-130', 'Refactor the checkout service for reuse by the app']
        ]);
        assert.deepEqual(symbols[2].selectionRange.start, at('backlog.strategy', 'APP-123 "'));
        const users = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: textDocument('users.strategy') });
        assert.deepEqual(users.map(s => [s.name, (s.children ?? []).map(c => c.name)]), [['FrequentBuyer', ['SaveTime', 'Recommendations']], ['NewUser', ['Trust']]]);
    });

    it('finds a ticket by its key and an objective by words of its title across the workspace (Ctrl+T)', async () => {
        const byKey = await request<SymbolInformation[]>('workspace/symbol', { query: 'APP-123' });
        assert.deepEqual(byKey.map(s => [s.name.split(' ')[0], file(s.location.uri), s.location.range.start.line + 1]), [['APP-123', 'backlog.strategy', 20]]);
        const byTitle = await request<SymbolInformation[]>('workspace/symbol', { query: 'monthly usage' });
        assert.ok(byTitle.some(s => s.name.startsWith('Engagement') && file(s.location.uri) === 'objectives.strategy'), JSON.stringify(byTitle));
    });

    it('shows code lenses above objectives with their work and metric progress', async () => {
        const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: textDocument('objectives.strategy') });
        const engagement = lenses.find(lens => lens.range.start.line === at('objectives.strategy', 'Engagement "').line);
        assert.equal(engagement?.command?.title, '3 tickets · 3 solutions · MonthlyRepeatUsers 25% of the way (on track)');
    });

    it('marks the references of objectives with a semantic token type from its legend', async () => {
        const legend = initialized.capabilities.semanticTokensProvider!.legend;
        const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: textDocument('backlog.strategy') });
        assert.equal(tokens.data.length % 5, 0);
        const decoded: Array<{ line: number; character: number; length: number; type: string }> = [];
        for (let i = 0, line = 0, character = 0; i < tokens.data.length; i += 5) {
            line += tokens.data[i];
            character = tokens.data[i] === 0 ? character + tokens.data[i + 1] : tokens.data[i + 1];
            decoded.push({ line, character, length: tokens.data[i + 2], type: legend.tokenTypes[tokens.data[i + 3]] });
        }
        const engagement = at('backlog.strategy', 'serves Engagement', 'serves '.length);
        const token = decoded.find(t => t.line === engagement.line && t.character === engagement.character);
        assert.ok(token, 'no token on the reference to Engagement');
        assert.equal(token.length, 'Engagement'.length);
        const solution = at('backlog.strategy', 'implements FasterNavigation', 'implements '.length);
        const solutionToken = decoded.find(t => t.line === solution.line && t.character === solution.character);
        assert.ok(solutionToken && solutionToken.type !== token.type, 'objectives and solutions are not told apart');
    });

    it('updates the diagnostics of users.strategy when solutions.strategy stops addressing one of its needs, and back', async () => {
        let since = published.length;
        await replace('solutions.strategy', 'addresses Recommendations', 'addresses SaveTime');
        const unused = await diagnosticsOf('users.strategy', since, d => d.length > 0);
        assert.deepEqual(codes(unused), ['unused-need']);
        assert.match(typeof unused[0].message === 'string' ? unused[0].message : unused[0].message.value, /Recommendations/);
        assert.equal(unused[0].range.start.line, at('users.strategy', 'need Recommendations').line);
        assert.deepEqual(current('solutions.strategy'), []);

        since = published.length;
        await replace('solutions.strategy', 'addresses SaveTime\n  advances Engagement\n  hypothesis "Frequent', 'addresses Recommendations\n  advances Engagement\n  hypothesis "Frequent');
        assert.deepEqual(await diagnosticsOf('users.strategy', since, d => d.length === 0), []);
    });

    it('offers "Create objective …" for an unresolved reference, and applying it clears the error', async () => {
        let since = published.length;
        await replace('solutions.strategy', 'advances Engagement\n  hypothesis "Frequent', 'advances Nowhere\n  hypothesis "Frequent');
        const [error] = await diagnosticsOf('solutions.strategy', since, d => d.length > 0);
        assert.equal(error.code, 'unresolved-reference');
        assert.equal((error.data as { code?: string }).code, 'unresolved-reference');

        const actions = await request<CodeAction[]>('textDocument/codeAction', { textDocument: textDocument('solutions.strategy'), range: error.range, context: { diagnostics: [error], only: ['quickfix'] } });
        const create = actions.find(action => action.title === 'Create objective Nowhere');
        assert.ok(create, `no "Create objective Nowhere" among ${actions.map(a => a.title).join(', ')}`);
        const edits = (create.edit as WorkspaceEdit).changes![uri('solutions.strategy')];
        const fixed = applyEdits(texts.get('solutions.strategy')!, edits);
        assert.ok(fixed.startsWith(texts.get('solutions.strategy')!.trimEnd()), 'the fix changed text the user wrote');
        assert.match(fixed, /objective Nowhere "[^"]+"/);

        since = published.length;
        await replaceAll('solutions.strategy', fixed);
        const after = await diagnosticsOf('solutions.strategy', since, d => !codes(d).includes('unresolved-reference'));
        assert.ok(!codes(after).includes('unresolved-reference'));

        since = published.length;
        await replaceAll('solutions.strategy', readFileSync(join(folder, 'solutions.strategy'), 'utf8'));
        assert.deepEqual(await diagnosticsOf('solutions.strategy', since), []);
    });

    it('reports a syntax error as it is typed, and clears it when it is fixed', async () => {
        let since = published.length;
        // The closing quote of a title deleted, as a typo would: the title swallows the rest of the line.
        const quote = at('backlog.strategy', 'one tap" {', 'one tap'.length);
        await change('backlog.strategy', { start: quote, end: { line: quote.line, character: quote.character + 1 } }, '');
        const broken = await diagnosticsOf('backlog.strategy', since, d => d.length > 0);
        assert.ok(codes(broken).includes('syntax-error'), `codes: ${codes(broken).join(', ')}`);
        assert.equal(broken.find(d => d.code === 'syntax-error')!.severity, 1 /* Error */);

        since = published.length;
        await change('backlog.strategy', { start: quote, end: quote }, '"');
        assert.deepEqual(await diagnosticsOf('backlog.strategy', since), []);
        assert.equal(texts.get('backlog.strategy'), readFileSync(join(folder, 'backlog.strategy'), 'utf8'));
    });

    it('renames an objective in every file, and refuses a name that is taken', async () => {
        const position = at('backlog.strategy', 'serves Engagement', 9);
        assert.deepEqual(await request<Range>('textDocument/prepareRename', { textDocument: textDocument('backlog.strategy'), position }),
            { start: at('backlog.strategy', 'serves Engagement', 7), end: at('backlog.strategy', 'serves Engagement', 17) });
        const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: textDocument('backlog.strategy'), position, newName: 'Usage' });
        const changes = edit.changes!;
        assert.deepEqual(Object.keys(changes).map(file).sort(), ['backlog.strategy', 'canvas.strategy', 'objectives.strategy', 'roadmap.strategy', 'solutions.strategy']);
        for (const [target, edits] of Object.entries(changes)) {
            const renamed = applyEdits(texts.get(file(target))!, edits);
            assert.equal(renamed, texts.get(file(target))!.replace(/\bEngagement\b/g, 'Usage'), `renamed ${file(target)}`);
        }
        await assert.rejects(request('textDocument/rename', { textDocument: textDocument('backlog.strategy'), position, newName: 'Revenue' }), /already the ID/);
    });

    it('formats a document and a selection without losing a character or comment, and formatting twice changes nothing', async () => {
        const messy = 'ticket APP-200 "Messy"   {\nserves   Engagement\n      kind feature // keep me\n  implements   FasterNavigation\n}\n';
        await open('scratch.strategy', messy);
        const options = { tabSize: 2, insertSpaces: true };
        const edits = await request<TextEdit[] | null>('textDocument/formatting', { textDocument: textDocument('scratch.strategy'), options });
        const formatted = applyEdits(messy, edits ?? []);
        assert.equal(formatted, 'ticket APP-200 "Messy" {\n  serves Engagement\n  kind feature // keep me\n  implements FasterNavigation\n}\n');
        assert.equal(formatted.replace(/\s/g, ''), messy.replace(/\s/g, ''));

        const selection = await request<TextEdit[] | null>('textDocument/rangeFormatting', {
            textDocument: textDocument('scratch.strategy'), range: { start: at('scratch.strategy', 'serves'), end: at('scratch.strategy', 'serves   Engagement', 19) }, options
        });
        assert.equal(applyEdits(messy, selection ?? []), messy.replace('\nserves   Engagement', '\n  serves Engagement'));

        await replaceAll('scratch.strategy', formatted);
        assert.deepEqual(await request<TextEdit[] | null>('textDocument/formatting', { textDocument: textDocument('scratch.strategy'), options }) ?? [], []);
        assert.deepEqual(await request<TextEdit[] | null>('textDocument/formatting', { textDocument: textDocument('backlog.strategy'), options }) ?? [], []);
    });

    it('renders the canvas and the map for the preview, follows an edit at once, and says what is under the cursor', async () => {
        const canvas = await request<RenderResult>('strategy/render', { canvas: 'AppRecurrence', format: 'fragment' });
        assert.equal(canvas.title, 'Lean Product Canvas: app recurrence');
        assert.match(canvas.content, /^<div class="strategy-view" data-view="product"/);
        assert.match(canvas.content, /data-element="objective:Engagement"/);
        assert.ok(canvas.uris.includes(uri('objectives.strategy')) && canvas.uris.every(u => u.startsWith(pathToFileURL(folder).toString())));

        if (!texts.has('canvas.strategy')) await open('canvas.strategy');
        await replace('canvas.strategy', 'Lean Product Canvas: app recurrence', 'Lean Product Canvas: app <recurrence> \u202Egnp.exe');
        // No wait for diagnostics: the request itself waits until the server has linked the edit.
        const edited = await request<RenderResult>('strategy/render', { canvas: 'AppRecurrence', format: 'html' });
        // The title is plain text to its host (the panel's tab, the preview's header), its bidi override made visible.
        assert.equal(edited.title, 'Lean Product Canvas: app <recurrence> [U+202E]gnp.exe');
        assert.match(edited.content, /app &lt;recurrence&gt;/);
        assert.doesNotMatch(edited.content, /<recurrence>/);

        const map = await request<RenderResult>('strategy/render', { format: 'svg' });
        assert.equal(map.title, 'Alignment map');
        assert.match(map.content, /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        assert.equal(await request('strategy/render', { canvas: 'Nowhere', format: 'md' }), null);
        await assert.rejects(request('strategy/render', { format: 'pdf' }), /format/);

        assert.deepEqual(await request('strategy/previewTarget', { uri: uri('canvas.strategy'), position: at('canvas.strategy', 'outcomes Engagement', 12) }),
            { canvas: 'AppRecurrence', element: 'objective:Engagement' });
        assert.deepEqual(await request('strategy/previewTarget', { uri: uri('objectives.strategy'), position: at('objectives.strategy', 'horizon short') }),
            { element: 'objective:Engagement' });
        assert.deepEqual(await request('strategy/previewTarget', { uri: uri('missing.strategy'), position: { line: 0, character: 0 } }), {});
    });

    it('keeps a closed file in the workspace: its references still count, and reopening it checks the new text', async () => {
        // An edit that is never saved: closing the editor brings the file on disk back.
        const unsaved = published.length;
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri: uri('backlog.strategy'), version: 100 },
            contentChanges: [{ text: readFileSync(join(folder, 'backlog.strategy'), 'utf8').replace('serves Engagement', 'serves Unsaved') }]
        });
        assert.deepEqual(codes(await diagnosticsOf('backlog.strategy', unsaved, d => d.length > 0)), ['unresolved-reference']);
        const closed = published.length;
        await connection.sendNotification('textDocument/didClose', { textDocument: textDocument('backlog.strategy') });
        assert.deepEqual(codes(await diagnosticsOf('backlog.strategy', closed, d => d.length === 0)), []);

        const locations = await request<Location[]>('textDocument/references', {
            textDocument: textDocument('objectives.strategy'), position: at('objectives.strategy', 'Engagement "', 3), context: { includeDeclaration: false }
        });
        assert.equal(locations.filter(l => file(l.uri) === 'backlog.strategy').length, 3);
        const lenses = await request<CodeLens[]>('textDocument/codeLens', { textDocument: textDocument('objectives.strategy') });
        assert.match(lenses.find(lens => lens.range.start.line === at('objectives.strategy', 'Engagement "').line)?.command?.title ?? '', /^4 tickets/,
            'the three tickets of the closed backlog and the one of scratch.strategy');

        const since = published.length;
        await open('backlog.strategy', readFileSync(join(folder, 'backlog.strategy'), 'utf8').replace('serves Activation', 'serves Nowhere'));
        assert.deepEqual(codes(await diagnosticsOf('backlog.strategy', since, d => d.length > 0)), ['unresolved-reference']);
    });

    it('ends with code 0 after shutdown and exit', async () => {
        assert.equal(await request('shutdown', null), null);
        await connection.sendNotification('exit');
        assert.equal(await bounded(exitCode, 'the server to exit'), 0);
    });
});
