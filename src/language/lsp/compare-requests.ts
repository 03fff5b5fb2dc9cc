import { realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { DocumentState, EmptyFileSystem, isOperationCancelled, ReadPriority, URI, type LangiumDocument } from 'langium';
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { GitError } from '../../git/git-command.js';
import { diffStrategies, type DiffSide } from '../../model/diff/strategy-diff.js';
import { sourceDiagnostic } from '../../model/diff/diagnostic-changes.js';
import { previewView, sourceUris, type MapView } from '../../model/preview-view.js';
import { visibleText } from '../../render/escape.js';
import { mapCardSvg, mapHtml } from '../../render/map/alignment-map.js';
import { changesHeadline } from '../../render/map/map-changes.js';
import type {
    CompareParams, CompareResult, RenderCardResult, RenderChangesParams, RenderResult, RevisionChoice, RevisionsParams
} from '../../protocol/strategy-protocol.js';
import { createStrategyServices } from '../strategy-module.js';
import { isCardKey, isExpanded } from './preview-requests.js';
import { commitOf, repositoryRoot, revisionChoices, revisionTexts, shownMessage } from './git-reader.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';
import { BuildCount } from './build-count.js';

// "Compare with Revision…" on the server: the folder's .strategy files at a git revision, parsed and checked in an
// engine of their own, against the server's documents (what the editor shows, unsaved edits included), compared by
// `strategy diff`'s engine (src/model/diff/). Both sides name files relative to the repository's top folder, as
// the command line does. A revision's side is kept by commit, which never changes, so the changes view re-renders
// after each edit without reading git again. The last comparison itself (the diff, its headline and the map it marks)
// is kept too, by the revision's commit, the date and the documents' build: expanding a card of the changes view
// right after it was rendered reuses its diff and map rather than comparing the whole workspace again; any change
// to the documents starts a new build, so the next request compares afresh.

interface BaseSide {
    side: DiffSide;
    problems: string[];
}

/** The sides kept: a comparison and the one before it (switching back and forth reads git once). */
const keptBases = 2;

function isFolderParams(params: unknown): params is RevisionsParams {
    if (typeof params !== 'object' || params === null) return false;
    const { folder } = params as Record<string, unknown>;
    return typeof folder === 'string' && folder.startsWith('file:');
}

function isCompareParams(params: unknown): params is CompareParams {
    return isFolderParams(params) && typeof (params as unknown as Record<string, unknown>).revision === 'string';
}

function failed(error: unknown): ResponseError {
    if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
    if (error instanceof GitError) return new ResponseError(LSPErrorCodes.RequestFailed, shownMessage(error));
    throw error;
}

/** The side of documents: each with its path relative to the repository, its model and its diagnostics. */
function sideOf(label: string, documents: ReadonlyArray<{ path: string; document: LangiumDocument }>, metrics: DiffSide['metrics']): DiffSide {
    return {
        label, metrics,
        files: documents.map(({ path, document }) => ({ path, model: document.parseResult.value as Model })),
        diagnostics: documents.flatMap(({ path, document }) => (document.diagnostics ?? []).map(d => sourceDiagnostic(path, d)))
    };
}

/** The last comparison, what it was computed from (see `compare`), and the map it marks once one was asked for. */
interface KeptComparison {
    key: string;
    result: CompareResult;
    view?: MapView;
}

export class CompareRequests {
    private readonly bases = new Map<string, Promise<BaseSide>>();
    /** The diagnostics count too: the comparison says which problems the change adds and resolves. */
    private readonly builds: BuildCount;
    private last: KeptComparison | undefined;

    /** `differ` compares the two sides (`strategy diff`'s engine; a test counts its calls). */
    constructor(private readonly Strategy: StrategyLspServices, private readonly differ: typeof diffStrategies = diffStrategies) {
        this.builds = new BuildCount(Strategy.shared.workspace.DocumentBuilder, DocumentState.Validated);
    }

    /** `strategy/revisions`: branches, tags and recent commits of the folder's repository. */
    async revisions(params: unknown): Promise<RevisionChoice[] | ResponseError> {
        if (!isFolderParams(params)) return new ResponseError(-32602, 'strategy/revisions needs {folder: a file: URI}');
        try {
            return await revisionChoices(await repositoryRoot(URI.parse(params.folder).fsPath));
        } catch (error) {
            return failed(error);
        }
    }

    /** `strategy/diff`: the revision's files against the server's documents. */
    async diff(params: unknown, token: CancellationToken): Promise<CompareResult | ResponseError> {
        if (!isCompareParams(params)) return new ResponseError(-32602, 'strategy/diff needs {folder: a file: URI, revision: string}');
        try {
            return (await this.compare(params, token, false)).result;
        } catch (error) {
            return failed(error);
        }
    }

    /**
     * `strategy/renderChanges`: the alignment map marked with the comparison, as the preview's fragment, with the
     * whole cards of the expanded cards only (the others are most of a big map's bytes, sent after every edit).
     */
    async renderChanges(params: unknown, token: CancellationToken): Promise<RenderResult | ResponseError> {
        if (!isCompareParams(params) || !isExpanded((params as RenderChangesParams).expanded)) {
            return new ResponseError(-32602, 'strategy/renderChanges needs {folder: a file: URI, revision: string, expanded?: string[]}');
        }
        const expanded = (params as RenderChangesParams).expanded;
        try {
            const { result, view } = await this.compare(params, token, true);
            // Rendered after the workspace's lock is released, as strategy/render does.
            const content = mapHtml(view, { interactive: true, changes: result, ...(expanded ? { expanded: new Set(expanded) } : {}) });
            return { title: visibleText(`Changes since ${params.revision}`), content, uris: sourceUris(view) };
        } catch (error) {
            return failed(error);
        }
    }

    /**
     * `strategy/renderCard` with `compare`: one card's whole card as the changes view draws it, marked. The revision's
     * side is the one kept by commit, and the comparison the changes view just computed is reused until a document
     * changes, so this costs one card (and two quick git calls that resolve the revision), not a comparison.
     */
    async renderCard(params: unknown, token: CancellationToken): Promise<RenderCardResult | null | ResponseError> {
        const { card, compare } = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
        if (!isCardKey(card) || !isCompareParams(compare)) {
            return new ResponseError(-32602, 'strategy/renderCard with a comparison needs {card: string, compare: {folder: a file: URI, revision: string}}');
        }
        try {
            const { result, view } = await this.compare(compare, token, true);
            const content = mapCardSvg(view, card, result);
            return content === undefined ? null : { content };
        } catch (error) {
            return failed(error);
        }
    }

    /** The whole alignment map the changes view marks (a filter does not apply to it). */
    private map(): MapView {
        return previewView(this.Strategy.strategy.WorkspaceModel.get(), undefined) as MapView;
    }

    /** The comparison, and with `withMap` the map the changes mark, read in the same read of the workspace. */
    private async compare(params: CompareParams, token: CancellationToken, withMap: true): Promise<Required<KeptComparison>>;
    private async compare(params: CompareParams, token: CancellationToken, withMap: false): Promise<KeptComparison>;
    private async compare(params: CompareParams, token: CancellationToken, withMap: boolean): Promise<KeptComparison> {
        const folder = URI.parse(params.folder).fsPath;
        const root = await repositoryRoot(folder);
        // git names the top folder by its real path; the workspace may be opened through a link.
        const prefix = relative(root, realpathSync.native(folder)).split(sep).join('/');
        if (prefix.startsWith('..') || isAbsolute(prefix)) throw new GitError(`${folder} is outside the repository ${root}`);
        const commit = await commitOf(root, params.revision);
        const today = this.Strategy.strategy.Config.today();
        const base = await this.base(root, commit, prefix, params.revision, today);
        const shared = this.Strategy.shared;
        await shared.workspace.WorkspaceManager.ready;
        // Validated, not only linked: the comparison says which problems the change adds and resolves.
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        return shared.workspace.WorkspaceLock.read(() => {
            // Read in the lock, where no build changes the documents: this count is the documents' now.
            const key = [root, commit, prefix, params.revision, today, this.builds.current].join('\0');
            if (this.last?.key !== key) this.last = { key, result: this.compared(this.documents(folder, prefix), base, params.revision, commit) };
            if (withMap) this.last.view ??= this.map();
            return this.last;
        }, ReadPriority.Immediate);
    }

    /** The workspace's side (its documents in the folder) against the revision's. */
    private compared(documents: ReadonlyArray<{ path: string; document: LangiumDocument }>, base: BaseSide, revision: string, commit: string): CompareResult {
        const diff = this.differ(base.side, sideOf('workspace', documents, this.Strategy.strategy.WorkspaceModel.get().metrics));
        diff.notes.push(...base.problems);
        const changes = { revision, commit, diff };
        return { ...changes, headline: changesHeadline(changes) };
    }

    /** The server's .strategy documents in the folder, each named relative to the repository's top folder. */
    private documents(folder: string, prefix: string): Array<{ path: string; document: LangiumDocument }> {
        return this.Strategy.shared.workspace.LangiumDocuments.all
            .filter(document => document.uri.scheme === 'file' && document.uri.path.endsWith('.strategy'))
            .map(document => ({ document, rel: relative(folder, document.uri.fsPath) }))
            .filter(({ rel }) => !rel.startsWith('..') && !isAbsolute(rel))
            .map(({ document, rel }) => ({ document, path: [prefix, rel.split(sep).join('/')].filter(Boolean).join('/') }))
            .toArray();
    }

    /** The revision's side, parsed and checked once per commit (and date, which grades progress). */
    private base(root: string, commit: string, prefix: string, label: string, today: string): Promise<BaseSide> {
        const key = [root, commit, prefix, today].join('\0');
        let side = this.bases.get(key);
        if (!side) {
            side = this.readBase(root, commit, prefix, label, today);
            side.catch(() => this.bases.delete(key));
            this.bases.set(key, side);
            for (const old of [...this.bases.keys()].slice(0, Math.max(0, this.bases.size - keptBases))) this.bases.delete(old);
        }
        // The label is the name asked for this time (`HEAD` and `main` may name one commit).
        return side.then(base => ({ ...base, side: { ...base.side, label } }));
    }

    private async readBase(root: string, commit: string, prefix: string, label: string, today: string): Promise<BaseSide> {
        const { texts, problems } = await revisionTexts(root, commit, prefix);
        // An engine of its own, as `strategy diff` builds one per side: the revision's files never enter the workspace.
        const { shared, Strategy } = createStrategyServices(EmptyFileSystem);
        Strategy.strategy.Config.fixedToday = today;
        const documents = texts.map(({ path, text }) => ({
            path, document: shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.file(join(root, path)))
        }));
        for (const { document } of documents) shared.workspace.LangiumDocuments.addDocument(document);
        await shared.workspace.DocumentBuilder.build(documents.map(({ document }) => document), { validation: true });
        return { side: sideOf(label, documents, Strategy.strategy.WorkspaceModel.get().metrics), problems };
    }
}
