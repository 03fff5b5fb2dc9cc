import { URI, type LangiumDocument } from 'langium';
import { ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { keepsNothing, previewView, sourceUris, viewTitle } from '../../model/preview-view.js';
import { parseWorkFilter } from '../../model/filter-query.js';
import { isFiltering, type WorkFilter } from '../../model/work-filter.js';
import { renderView } from '../../render/render-view.js';
import { visibleText } from '../../render/escape.js';
import type { LinkedReader } from './linked-reader.js';
import { previewTargetAt } from './preview-target.js';
import { isInside } from './position-guard.js';
import { renderRequest, type PreviewTarget, type PreviewTargetParams, type RenderFormat, type RenderResult } from '../../protocol/strategy-protocol.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

const formats: readonly RenderFormat[] = ['fragment', 'html', 'svg', 'md'];

// The parameters are whatever JSON the client sent: the protocol's types say what a well-behaved client sends,
// these checks what the handlers may rely on.

function isRenderParams(params: unknown): params is { canvas?: string; format: RenderFormat; filter?: WorkFilter } {
    if (typeof params !== 'object' || params === null) return false;
    const { canvas, format, filter } = params as Record<string, unknown>;
    return (canvas === undefined || typeof canvas === 'string') && formats.some(known => known === format)
        && (filter === undefined || parseWorkFilter(filter) !== undefined);
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
    constructor(private readonly Strategy: StrategyLspServices, private readonly whenLinked: LinkedReader) { }

    /** `strategy/render`: the view rendered in the format asked for; null when no canvas has the ID. */
    async render(params: unknown, token: CancellationToken): Promise<RenderResult | null | ResponseError> {
        if (!isRenderParams(params)) {
            return new ResponseError(-32602, `${renderRequest.method} needs {canvas?: string, format: ${formats.join('|')}, filter?: {text?, owner?, focus?, kind?, status?, milestone?: string, hideDone?: boolean}}`);
        }
        // Rebuilt from its checked fields: only what a filter has reaches the model.
        const filter = params.filter && parseWorkFilter(params.filter);
        const view = await this.whenLinked(token, () => previewView(this.Strategy.strategy.WorkspaceModel.get(), params.canvas, filter));
        if (view instanceof ResponseError || view === undefined) return view ?? null;
        const content = await renderView(view, params.format);
        // The panel's tab and the preview's header show the title as the content shows its texts: a bidi override
        // made visible, so it cannot reorder what follows it.
        const result: RenderResult = { title: visibleText(viewTitle(view)), content, uris: sourceUris(view) };
        if (view.view === 'map' && filter && isFiltering(filter) && keepsNothing(view)) result.nothingMatches = true;
        return result;
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
