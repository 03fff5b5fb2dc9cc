import { DocumentState, URI, type LangiumDocument } from 'langium';
import { ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { keepsNothing, previewView, sourceUris, viewTitle, type PreviewView } from '../../model/preview-view.js';
import { parseWorkFilter } from '../../model/filter-query.js';
import { isFiltering, type WorkFilter } from '../../model/work-filter.js';
import { renderView } from '../../render/render-view.js';
import { visibleText } from '../../render/escape.js';
import type { LinkedReader } from './linked-reader.js';
import { previewTargetAt } from './preview-target.js';
import { isInside } from './position-guard.js';
import {
    renderCardRequest, renderRequest, type PreviewTarget, type PreviewTargetParams, type RenderCardParams, type RenderCardResult, type RenderFormat, type RenderResult
} from '../../protocol/strategy-protocol.js';
import { mapCardSvg } from '../../render/map/alignment-map.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';
import { BuildCount } from './build-count.js';

const formats: readonly RenderFormat[] = ['fragment', 'html', 'svg', 'md'];
const filterFields = 'text?, owner?, focus?, kind?, status?, milestone?: string, hideDone?: boolean';

// The parameters are whatever JSON the client sent: the protocol's types say what a well-behaved client sends,
// these checks what the handlers may rely on.

/** A card's key is an element key or a group's: short; a list of them no longer than a map has cards. */
const maxKey = 1000;
const maxExpanded = 10_000;

export function isCardKey(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0 && value.length <= maxKey;
}

/** The keys of the cards a render carries whole: absent, or a list of card keys. */
export function isExpanded(value: unknown): value is string[] | undefined {
    return value === undefined || (Array.isArray(value) && value.length <= maxExpanded && value.every(isCardKey));
}

function isRenderParams(params: unknown): params is { canvas?: string; format: RenderFormat; filter?: WorkFilter; expanded?: string[] } {
    if (typeof params !== 'object' || params === null) return false;
    const { canvas, format, filter, expanded } = params as Record<string, unknown>;
    return (canvas === undefined || typeof canvas === 'string') && formats.some(known => known === format)
        && (filter === undefined || parseWorkFilter(filter) !== undefined)
        && isExpanded(expanded);
}

function isRenderCardParams(params: unknown): params is RenderCardParams {
    if (typeof params !== 'object' || params === null) return false;
    const { card, filter } = params as Record<string, unknown>;
    return isCardKey(card) && (filter === undefined || parseWorkFilter(filter) !== undefined);
}

function isPreviewTargetParams(params: unknown): params is PreviewTargetParams {
    if (typeof params !== 'object' || params === null) return false;
    const { uri, position } = params as Record<string, unknown>;
    const { line, character } = (typeof position === 'object' && position !== null ? position : {}) as Record<string, unknown>;
    return typeof uri === 'string' && Number.isInteger(line) && Number.isInteger(character);
}

/**
 * The preview's requests. The view is read under the workspace lock, as every request is; rendering runs after the
 * lock is released, so it never holds up the next build.
 */
export class PreviewRequests {
    /** Views read the model, which linking builds: the same count means the same views. */
    private readonly builds: BuildCount;
    /**
     * The last view read, by what it was read from: expanding cards right after a render (one request per card)
     * reads the map once, not once a card (110 ms each at 10,000 elements). Any change to the documents misses it.
     */
    private last: { key: string; view: PreviewView | undefined } | undefined;

    constructor(private readonly Strategy: StrategyLspServices, private readonly whenLinked: LinkedReader,
        private readonly read: typeof previewView = previewView) {
        this.builds = new BuildCount(Strategy.shared.workspace.DocumentBuilder, DocumentState.Linked);
    }

    /** The view of a canvas or the (filtered) map, read under the lock of `whenLinked`, or the last one if nothing changed. */
    private viewOf(canvas: string | undefined, filter: WorkFilter | undefined): PreviewView | undefined {
        // Read in the lock, where no build changes the documents: this count is the documents' now.
        const key = JSON.stringify([this.builds.current, this.Strategy.strategy.Config.today(), canvas ?? null, filter ?? null]);
        if (this.last?.key !== key) this.last = { key, view: this.read(this.Strategy.strategy.WorkspaceModel.get(), canvas, filter) };
        return this.last.view;
    }

    /** `strategy/render`: the view rendered in the format asked for; null when no canvas has the ID. */
    async render(params: unknown, token: CancellationToken): Promise<RenderResult | null | ResponseError> {
        if (!isRenderParams(params)) {
            return new ResponseError(-32602, `${renderRequest.method} needs {canvas?: string, format: ${formats.join('|')}, filter?: {${filterFields}}, expanded?: string[]}`);
        }
        // Rebuilt from its checked fields: only what a filter has reaches the model.
        const filter = params.filter && parseWorkFilter(params.filter);
        const view = await this.whenLinked(token, () => this.viewOf(params.canvas, filter));
        if (view instanceof ResponseError || view === undefined) return view ?? null;
        const content = await renderView(view, params.format, params.expanded && new Set(params.expanded));
        // The panel's tab and the preview's header show the title as the content shows its texts: a bidi override
        // made visible, so it cannot reorder what follows it.
        const result: RenderResult = { title: visibleText(viewTitle(view)), content, uris: sourceUris(view) };
        if (view.view === 'map' && filter && isFiltering(filter) && keepsNothing(view)) result.nothingMatches = true;
        return result;
    }

    /** `strategy/renderCard`: one card's whole card, as the map of `strategy/render` with the same filter has it. */
    async renderCard(params: unknown, token: CancellationToken): Promise<RenderCardResult | null | ResponseError> {
        if (!isRenderCardParams(params)) return new ResponseError(-32602, `${renderCardRequest.method} needs {card: string, filter?: {${filterFields}}}`);
        const filter = params.filter && parseWorkFilter(params.filter);
        const view = await this.whenLinked(token, () => this.viewOf(undefined, filter));
        if (view instanceof ResponseError || view?.view !== 'map') return view instanceof ResponseError ? view : null;
        const content = mapCardSvg(view, params.card);
        return content === undefined ? null : { content };
    }

    /** `strategy/previewTarget`: the canvas and element under a cursor; nothing for a position outside the document. */
    async target(params: unknown, token: CancellationToken): Promise<PreviewTarget | ResponseError> {
        if (!isPreviewTargetParams(params)) return {};
        return this.whenLinked(token, (): PreviewTarget => {
            const documents = this.Strategy.shared.workspace.LangiumDocuments;
            const document = documents.getDocument(URI.parse(params.uri)) as LangiumDocument<Model> | undefined;
            return document && isInside(document.textDocument, params.position)
                ? previewTargetAt(this.Strategy, document, document.textDocument.offsetAt(params.position)) : {};
        });
    }
}
