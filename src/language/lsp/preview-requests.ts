import { join } from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';
import type { Model } from '../generated/ast.js';
import { previewView, sourceUris, viewTitle } from '../../model/preview-view.js';
import { MapLayoutCache, warmUpLayout } from '../../render/map-layout.js';
import { renderView } from '../../render/render-view.js';
import { visibleText } from '../../render/escape.js';
import { workerLayout } from '../../render/worker-layout.js';
import { tokenOf, type LinkedReader } from './custom-requests.js';
import { previewTargetAt } from './preview-target.js';
import { isInside } from './position-guard.js';
import {
    previewTargetRequest, renderRequest, type PreviewTarget, type PreviewTargetParams, type RenderFormat, type RenderParams,
    type RenderResult
} from './strategy-protocol.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

const formats: readonly RenderFormat[] = ['fragment', 'html', 'svg', 'md'];

function isRenderParams(params: unknown): params is RenderParams {
    const { canvas, format } = (params ?? {}) as Partial<RenderParams>;
    return (canvas === undefined || typeof canvas === 'string') && formats.includes(format as RenderFormat);
}

function isPreviewTargetParams(params: unknown): params is PreviewTargetParams {
    const { uri, position } = (params ?? {}) as Partial<PreviewTargetParams>;
    return typeof uri === 'string' && Number.isInteger(position?.line) && Number.isInteger(position?.character);
}

/**
 * The preview's requests. The view is read under the workspace lock, as every request is; rendering (which lays
 * the map out) runs after the lock is released, so a long layout never holds up the next build.
 */
export function registerPreviewRequests(connection: Connection, whenLinked: LinkedReader, Strategy: StrategyLspServices): void {
    // One cache for the server's life: edits that change only text inside the map's nodes keep the layout. The
    // layout itself runs in a thread of its own (out/layout-worker.cjs beside the server's bundle).
    const layoutInThread = workerLayout(join(typeof __dirname === 'string' ? __dirname : '.', 'layout-worker.cjs'));
    const layout = new MapLayoutCache(4, layoutInThread);
    const model = () => Strategy.strategy.WorkspaceModel.get();
    // The first request of a preview starts the layout thread and compiles elkjs there, while the first view (often
    // a canvas, which needs no layout) is rendered, so the first map shown does not wait half a second for it.
    let warmedUp = false;
    const warmUp = () => {
        if (warmedUp) return;
        warmedUp = true;
        warmUpLayout(layoutInThread).catch(() => { /* the first real layout reports the failure */ });
    };

    connection.onRequest(renderRequest, async (...args: unknown[]): Promise<RenderResult | null | ResponseError> => {
        const params = args[0];
        if (!isRenderParams(params)) return new ResponseError(-32602, `${renderRequest} needs {canvas?: string, format: ${formats.join('|')}}`);
        warmUp();
        const view = await whenLinked(tokenOf(args), () => previewView(model(), params.canvas));
        if (view instanceof ResponseError || view === undefined) return view ?? null;
        const content = await renderView(view, params.format, { layout });
        // The panel's tab and the preview's header show the title as the content shows its texts: a bidi override
        // made visible, so it cannot reorder what follows it.
        return { title: visibleText(viewTitle(view)), content, uris: sourceUris(view) };
    });

    connection.onRequest(previewTargetRequest, (...args: unknown[]) => {
        const params = args[0];
        if (!isPreviewTargetParams(params)) return {};
        return whenLinked(tokenOf(args), (): PreviewTarget => {
            const documents = Strategy.shared.workspace.LangiumDocuments;
            const uri = URI.parse(params.uri);
            const document = documents.getDocument(uri) as LangiumDocument<Model> | undefined;
            return document && isInside(document.textDocument, params.position) ? previewTargetAt(Strategy, document, document.textDocument.offsetAt(params.position)) : {};
        });
    });
}
