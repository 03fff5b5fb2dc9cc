// The fuzzer's driver: mutates the example files and, for each variant, parses and validates it with the language
// server's services (test/helpers.ts `workspace`, `ws.edit`), then calls every LSP feature at random positions and
// the preview's model and renderers. Failures are exceptions that escape, calls slower than the limit, and a
// workspace that no longer answers a known-good request after the variant is taken back.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextDocument, URI, type LangiumDocument } from 'langium';
import { ErrorCodes, ResponseError, type Diagnostic, type Position, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Model } from '../../src/language/generated/ast.js';
import { previewTargetAt } from '../../src/language/lsp/preview-target.js';
import type { RenderFormat } from '../../src/protocol/strategy-protocol.js';
import { previewView, type PreviewView } from '../../src/model/preview-view.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace, type Workspace } from '../helpers.js';
import { mutate, tokenize, variantRandom, wordsOf, type Random } from './mutators.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** `.strategy` files under a folder of the repository, by path relative to the repository. */
export function readCorpus(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (relative: string) => {
        for (const name of readdirSync(join(root, relative)).sort()) {
            const path = `${relative}/${name}`;
            if (statSync(join(root, path)).isDirectory()) walk(path);
            else if (name.endsWith('.strategy')) files[path] = readFileSync(join(root, path), 'utf8');
        }
    };
    walk(folder);
    return files;
}

/** The workspace every variant is tried in: the example, as a user has it open. */
export const shopApp = Object.fromEntries(Object.entries(readCorpus('examples/shop-app')).map(([path, text]) => [path.split('/').pop()!, text]));

/** What the fuzzer mutates: the example, one file per diagnostic code, the hostile fixture. */
export const corpus: Record<string, string> = {
    ...readCorpus('examples/shop-app'), ...readCorpus('examples/diagnostics'), ...readCorpus('test/fixtures/hostile')
};

export const renderFormats: readonly RenderFormat[] = ['fragment', 'html', 'svg', 'md'];

export interface Failure {
    seed: number;
    index: number;
    /** `crash` (an exception escaped), `slow` (over the limit), `hang` (no answer in 10 s), `broken` (the known-good request failed after). */
    kind: 'crash' | 'slow' | 'hang' | 'broken';
    feature: string;
    message: string;
    /** The variant's file name in the workspace and its text (minimised when a reproducer was asked for). */
    file: string;
    text: string;
    mutations: string[];
}

export interface Variant { index: number; file: string; base: string; text: string; mutations: string[] }

/** `ms`: the CPU time of a call (see cpuMs). */
export interface Timing { feature: string; ms: number; index: number }

/** Variant `index` of a run with `seed`: a corpus file, mutated, either in place of an example file or beside them. */
export function variant(seed: number, index: number): Variant {
    const random = variantRandom(seed, index);
    const names = Object.keys(corpus);
    const base = random.pick(names);
    const { text, applied } = mutate(random, corpus[base], words);
    const inPlace = base.startsWith('examples/shop-app/') && random.chance(0.7);
    return { index, file: inPlace ? base.split('/').pop()! : 'variant.strategy', base, text, mutations: applied };
}

const words = wordsOf(Object.values(corpus));

class CallFailure extends Error {
    constructor(readonly kind: Failure['kind'], readonly feature: string, message: string) { super(message); }
}

/** Whether an error is an answer the protocol allows: rename refusing a name. */
function isRefusal(error: unknown): boolean {
    return error instanceof ResponseError && error.code === ErrorCodes.InvalidParams;
}

export interface CallLog {
    limitMs: number;
    slowest: Timing[];
    calls: number;
    index: number;
}

/**
 * The main thread's CPU time in ms. The limit holds a call's own work, not the wall clock: on a shared machine the
 * wall clock also counts the time other processes had the cores, and at a load of 4 per core a 300 ms call takes
 * over a second. Node before 22.19 has no per-thread figure; the process's is the nearest.
 */
function cpuMs(): number {
    const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
    return (usage.user + usage.system) / 1000;
}

/** Runs one call with a limit on its CPU time; an escaping exception or a slow answer is a failure. */
async function call<T>(log: CallLog, feature: string, run: () => T | Promise<T>, allowRefusal = false): Promise<T | undefined> {
    const start = performance.now();
    const cpuStart = cpuMs();
    let timer: NodeJS.Timeout | undefined;
    let result: T | undefined;
    // Langium catches some exceptions of a feature (a completion candidate that throws) and logs them: the editor
    // still answers, but the error lands in the user's output channel. Those count as crashes too.
    const logged: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.find(arg => arg instanceof Error) ?? args.join(' ')); };
    try {
        result = await Promise.race([
            Promise.resolve().then(run),
            new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new CallFailure('hang', feature, 'no answer in 60 s')), 60_000); })
        ]);
    } catch (error) {
        if (error instanceof CallFailure) throw error;
        if (!(allowRefusal && isRefusal(error))) {
            const message = error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error);
            throw new CallFailure('crash', feature, message);
        }
    } finally {
        clearTimeout(timer);
        console.error = consoleError;
    }
    if (logged.length > 0) {
        const first = logged[0];
        throw new CallFailure('crash', feature, `logged: ${first instanceof Error ? `${first.message}\n${first.stack ?? ''}` : String(first)}`);
    }
    const ms = cpuMs() - cpuStart;
    const wallMs = performance.now() - start;
    log.calls++;
    record(log.slowest, { feature, ms, index: log.index });
    if (ms > log.limitMs) throw new CallFailure('slow', feature, `${feature} took ${Math.round(ms)} ms of CPU (${Math.round(wallMs)} ms wall; limit ${log.limitMs} ms)`);
    return result;
}

/** Keeps the five slowest. */
function record(slowest: Timing[], timing: Timing): void {
    if (slowest.length < 5 || timing.ms > slowest[slowest.length - 1].ms) {
        slowest.push(timing);
        slowest.sort((a, b) => b.ms - a.ms);
        slowest.length = Math.min(slowest.length, 5);
    }
}

/** Checks that edits are well formed by applying them (throws on overlapping edits), returning the new text. */
function applyEdits(document: LangiumDocument, edits: TextEdit[]): string {
    return TextDocument.applyEdits(document.textDocument, edits);
}

function applyWorkspaceEdit(ws: Workspace, edit: WorkspaceEdit | undefined): void {
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const document = ws.services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
        if (!document) throw new Error(`an edit for a file that is not in the workspace: ${uri}`);
        applyEdits(document, edits);
    }
}

/** A random position: on a word half of the time (where references are), anywhere otherwise, sometimes past the end. */
function randomOffset(random: Random, text: string): number {
    if (random.chance(0.5)) {
        let offset = 0;
        const starts: number[] = [];
        for (const token of tokenize(text.length > 200_000 ? text.slice(0, 200_000) : text)) {
            if (token.kind === 'word') starts.push(offset + random.int(token.text.length + 1));
            offset += token.text.length;
        }
        if (starts.length > 0) return random.pick(starts);
    }
    return random.int(text.length + 2);
}

/** Every canvas ID of the workspace's model. */
function canvasIds(ws: Workspace): string[] {
    const model = ws.services.strategy.WorkspaceModel.get();
    return [...model.byName.entries()].filter(([, elements]) => elements.some(element => element.$type === 'Canvas')).map(([id]) => id);
}

/** Every LSP feature on one document at `positions` random positions, the preview for every canvas and the map. */
export async function exercise(ws: Workspace, file: string, random: Random, log: CallLog, positions = 4): Promise<void> {
    const lsp = ws.services.lsp;
    const document = ws.documents.get(file) as LangiumDocument<Model>;
    const textDocument = { uri: document.uri.toString() };
    const text = document.textDocument.getText();
    for (let i = 0; i < positions; i++) {
        const offset = randomOffset(random, text);
        const position: Position = document.textDocument.positionAt(offset);
        // Some clients send positions past the end of a line or of the file.
        const params = { textDocument, position: random.chance(0.1) ? { line: position.line + random.int(3), character: position.character + random.int(500) } : position };
        await call(log, 'definition', () => lsp.DefinitionProvider!.getDefinition(document, params));
        await call(log, 'references', () => lsp.ReferencesProvider!.findReferences(document, { ...params, context: { includeDeclaration: random.chance(0.5) } }));
        await call(log, 'hover', () => lsp.HoverProvider!.getHoverContent(document, params));
        await call(log, 'completion', () => lsp.CompletionProvider!.getCompletion(document, params));
        await call(log, 'implementation', () => lsp.ImplementationProvider!.getImplementation(document, params));
        await call(log, 'document-highlight', () => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, params));
        await call(log, 'prepare-rename', () => lsp.RenameProvider!.prepareRename(document, params));
        const newName = random.pick(['Renamed', 'Renamed-2_x', 'Engagement', 'status', 'not an id', '', 'Ré😀', 'APP-1', `N${random.int(1000)}`]);
        const renamed = await call(log, 'rename', () => lsp.RenameProvider!.rename(document, { ...params, newName }), true);
        await call(log, 'rename (edits apply)', () => applyWorkspaceEdit(ws, renamed));
        await call(log, 'preview-target', () => previewTargetAt(ws.services, document, document.textDocument.offsetAt(params.position)));
    }
    await call(log, 'document-symbols', () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
    await call(log, 'folding', () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }));
    await call(log, 'code-lens', () => lsp.CodeLensProvider!.provideCodeLens(document, { textDocument }));
    await call(log, 'semantic-tokens', () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }));
    const a = document.textDocument.positionAt(random.int(text.length + 1));
    const b = document.textDocument.positionAt(random.int(text.length + 1));
    const range = a.line < b.line || (a.line === b.line && a.character <= b.character) ? { start: a, end: b } : { start: b, end: a };
    await call(log, 'semantic-tokens (range)', () => lsp.SemanticTokenProvider!.semanticHighlightRange(document, { textDocument, range }));
    const options = { tabSize: random.pick([2, 4, 8]), insertSpaces: random.chance(0.8) };
    const formatted = await call(log, 'formatting', () => lsp.Formatter!.formatDocument(document, { textDocument, options }));
    await call(log, 'formatting (edits apply)', () => applyEdits(document, formatted ?? []));
    const rangeFormatted = await call(log, 'range-formatting', () => lsp.Formatter!.formatDocumentRange(document, { textDocument, options, range }));
    await call(log, 'range-formatting (edits apply)', () => applyEdits(document, rangeFormatted ?? []));
    await call(log, 'workspace-symbols', () => ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: random.pick(['', 'APP', 'Eng', 'usage', random.pick(words)]) }));
    const diagnostics: Diagnostic[] = document.diagnostics ?? [];
    for (const diagnostic of diagnostics.slice(0, 25)) {
        const actions = await call(log, `code-actions (${diagnostic.code})`, () => lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }));
        for (const action of actions ?? []) {
            if ('edit' in action) await call(log, `code-action edits apply (${diagnostic.code})`, () => applyWorkspaceEdit(ws, action.edit));
        }
    }
    // The preview: each canvas and the map, from the model and through every renderer.
    const model = await call(log, 'workspace-model', () => ws.services.strategy.WorkspaceModel.get());
    const views: Array<PreviewView | undefined> = [];
    for (const id of [undefined, ...(await call(log, 'canvas-ids', () => canvasIds(ws)) ?? [])]) {
        views.push(await call(log, `preview-view (${id ?? 'map'})`, () => previewView(model!, id)));
    }
    for (const view of views) {
        if (!view) continue;
        for (const format of renderFormats) await call(log, `render ${view.view} ${format}`, () => renderView(view, format));
    }
}

/** A request whose answer is known in the example, to tell whether the services still work after a variant. */
export async function knownGood(ws: Workspace): Promise<string> {
    const backlog = ws.documents.get('backlog.strategy')!;
    const offset = backlog.textDocument.getText().indexOf('serves Engagement') + 'serves '.length + 2;
    const definition = await ws.services.lsp.DefinitionProvider!.getDefinition(backlog, {
        textDocument: { uri: backlog.uri.toString() }, position: backlog.textDocument.positionAt(offset)
    });
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(backlog, {
        textDocument: { uri: backlog.uri.toString() }, position: backlog.textDocument.positionAt(offset)
    });
    const problems = [...ws.documents.keys()].flatMap(file => ws.codes(file).map(code => `${file}:${code}`));
    const map = previewView(ws.services.strategy.WorkspaceModel.get());
    return JSON.stringify({ definition, hover, problems, map });
}

export interface RunOptions {
    seed: number;
    /** Stop after this many variants, */
    iterations?: number;
    /** or after this long (whichever comes first). */
    budgetMs?: number;
    /** The limit on a single call. */
    limitMs?: number;
    /** Stop at the first failure (the default); otherwise go on with the next variant. */
    stopAtFailure?: boolean;
    /** Minimise the failing variant to a small reproducer (default true). */
    minimise?: boolean;
    /** Told before each variant runs (the CLI writes it to disk, so a hang leaves its reproducer). */
    onVariant?: (variant: Variant) => void;
    onFailure?: (failure: Failure) => void;
    /** Starting index (to resume a run). */
    from?: number;
}

export interface RunResult {
    seed: number;
    iterations: number;
    calls: number;
    elapsedMs: number;
    failures: Failure[];
    slowest: Timing[];
}

/** Puts a variant into the workspace, exercises it, takes it back and checks the known-good request. */
async function tryVariant(ws: Workspace, v: Variant, seed: number, log: CallLog, expected: string): Promise<CallFailure | undefined> {
    const random = variantRandom(seed ^ 0x5bd1e995, v.index);
    let failure: CallFailure | undefined;
    try {
        await call(log, 'parse + validate', () => ws.edit(v.file, v.text));
        await exercise(ws, v.file, random, log);
    } catch (error) {
        failure = error instanceof CallFailure ? error : new CallFailure('crash', 'driver', String(error));
    }
    try {
        if (v.file === 'variant.strategy') await ws.edit(v.file, undefined);
        else await ws.edit(v.file, shopApp[v.file]);
        const after = await knownGood(ws);
        if (after !== expected) failure ??= new CallFailure('broken', 'known-good request', `the example answers differently after the variant:\n${after.slice(0, 2000)}`);
    } catch (error) {
        failure ??= new CallFailure('broken', 'known-good request', `the example no longer answers: ${error instanceof Error ? error.stack : String(error)}`);
    }
    return failure;
}

/** Whether `text` in place of the variant still fails the same way (same kind, feature and first line of message). */
async function failsAlike(ws: Workspace, v: Variant, text: string, seed: number, failure: CallFailure, limitMs: number): Promise<boolean> {
    const log: CallLog = { limitMs, slowest: [], calls: 0, index: v.index };
    const again = await tryVariant(ws, { ...v, text }, seed, log, await knownGood(ws));
    return again !== undefined && again.kind === failure.kind && again.feature.replace(/\(.*\)/, '') === failure.feature.replace(/\(.*\)/, '')
        && (failure.kind !== 'crash' || again.message.split('\n')[0] === failure.message.split('\n')[0]);
}

/** Delta debugging over lines, then over tokens: the smallest text (within a bounded number of tries) that fails alike. */
export async function minimise(text: string, fails: (text: string) => Promise<boolean>, maxTries = 300, maxMs = 60_000): Promise<string> {
    let tries = 0;
    const deadline = performance.now() + maxMs;
    const more = () => tries < maxTries && performance.now() < deadline;
    const reduce = async (parts: string[], joiner: string): Promise<string[]> => {
        let chunk = Math.max(1, Math.floor(parts.length / 2));
        while (chunk >= 1 && more()) {
            let removed = false;
            for (let start = 0; start < parts.length && more(); start += chunk) {
                const candidate = [...parts.slice(0, start), ...parts.slice(start + chunk)];
                tries++;
                if (await fails(candidate.join(joiner))) {
                    parts = candidate;
                    removed = true;
                    start -= chunk;
                }
            }
            if (!removed) chunk = Math.floor(chunk / 2);
        }
        return parts;
    };
    const lines = await reduce(text.split(/(?<=\n)/), '');
    const tokens = await reduce(tokenize(lines.join('')).map(token => token.text), '');
    return tokens.join('');
}

function continue_(log: CallLog, failure: CallFailure): void {
    process.stderr.write(`variant ${log.index}: ${failure.message}, but not when tried again; not counted\n`);
}

/** A run of the fuzzer. Deterministic in what it generates: variant i of a seed is always the same text. */
export async function run(options: RunOptions): Promise<RunResult> {
    const { seed, limitMs = 1000, stopAtFailure = true } = options;
    const start = performance.now();
    const ws = await workspace(shopApp);
    const log: CallLog = { limitMs, slowest: [], calls: 0, index: 0 };
    const expected = await knownGood(ws);
    const failures: Failure[] = [];
    let index = options.from ?? 0;
    let iterations = 0;
    const done = () => (options.iterations !== undefined && iterations >= options.iterations)
        || (options.budgetMs !== undefined && performance.now() - start >= options.budgetMs);
    while (!done()) {
        const v = variant(seed, index);
        options.onVariant?.(v);
        log.index = index;
        const failure = await tryVariant(ws, v, seed, log, expected);
        iterations++;
        // A slow call is counted only when it is slow again (a pause of the machine is not the code's).
        if (failure?.kind === 'slow' && !(await failsAlike(ws, v, v.text, seed, failure, limitMs))) continue_(log, failure);
        else if (failure) {
            let text = v.text;
            if (options.minimise !== false && failure.kind !== 'hang') {
                text = await minimise(v.text, candidate => failsAlike(ws, v, candidate, seed, failure, limitMs));
            }
            const found: Failure = { seed, index, kind: failure.kind, feature: failure.feature, message: failure.message, file: v.file, text, mutations: v.mutations };
            failures.push(found);
            options.onFailure?.(found);
            if (stopAtFailure) break;
        }
        index++;
    }
    return { seed, iterations, calls: log.calls, elapsedMs: performance.now() - start, failures, slowest: log.slowest };
}

/** A failure as the fuzzer prints it: seed, variant, what failed, and the reproducer. */
export function describeFailure(failure: Failure): string {
    return [
        `${failure.kind} in ${failure.feature} — seed ${failure.seed}, variant ${failure.index} (${failure.mutations.join(', ')})`,
        failure.message.split('\n').slice(0, 8).join('\n'),
        `reproducer (${failure.file}, ${failure.text.length} characters, JSON-quoted):`,
        JSON.stringify(failure.text.length > 4000 ? `${failure.text.slice(0, 4000)}…` : failure.text)
    ].join('\n');
}
