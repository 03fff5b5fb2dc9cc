import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { RequestType, RequestType0 } from 'vscode-jsonrpc';
import { CancellationToken, type Connection, type HandlerResult } from 'vscode-languageserver';
import {
    alignmentTreeRequest, modelChangedNotification, previewTargetRequest, renderCardRequest, renderRequest, ticketHoverRequest, ticketKeysRequest
} from '../../protocol/strategy-protocol.js';
import { diffRequest, renderChangesRequest, revisionsRequest } from '../../protocol/strategy-protocol.js';
import { CompareRequests } from './compare-requests.js';
import { alignmentTree, ticketHover, ticketKeys } from './custom-requests.js';
import { linkedReader } from './linked-reader.js';
import { PreviewRequests } from './preview-requests.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/**
 * Calls `fn` once things have been quiet for `quietMs`, but at least every `maxMs` during a long burst, so a
 * client sees changes while someone types without being sent one notification per keystroke.
 */
export function debounce(fn: () => void, quietMs: number, maxMs: number): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let firstCall: number | undefined;
    const fire = () => {
        timer = undefined;
        firstCall = undefined;
        fn();
    };
    return () => {
        const now = Date.now();
        firstCall ??= now;
        if (timer) clearTimeout(timer);
        timer = setTimeout(fire, Math.max(0, Math.min(quietMs, firstCall + maxMs - now)));
    };
}

function tokenOf(value: unknown): CancellationToken {
    return CancellationToken.is(value) ? value : CancellationToken.None;
}

/**
 * Registers `handle` as the answer to `type`, typed by the protocol's result. The parameters stay `unknown`: they are
 * untrusted JSON whatever the type says, and each handler checks them. The token is checked too, because JSON-RPC
 * spreads parameters sent as an array before it.
 */
function onRequest<P, R>(connection: Connection, type: RequestType<P, R, void>, handle: (params: unknown, token: CancellationToken) => HandlerResult<R, void>): void {
    connection.onRequest(type, (params: unknown, token: unknown) => handle(params, tokenOf(token)));
}

/** `strategy/renderCard` asked for a card of the changes view: its parameters name a comparison. */
function comparedCard(params: unknown): boolean {
    return typeof params === 'object' && params !== null && (params as Record<string, unknown>).compare !== undefined;
}

/** As onRequest, for a request without parameters. */
function onRequest0<R>(connection: Connection, type: RequestType0<R, void>, handle: (token: CancellationToken) => HandlerResult<R, void>): void {
    connection.onRequest(type, (token: unknown) => handle(tokenOf(token)));
}

/**
 * Every handler of src/protocol/strategy-protocol.ts, registered in one place on the server's connection (cf.
 * LikeC4's Rpc), and the notification that tells clients to fetch them again. The handlers wait for the linked
 * workspace, then read the alignment model concurrently with any build, as Langium's own workspace requests do.
 */
export class StrategyRpc {
    constructor(private readonly services: StrategyLspServices) { }

    register(connection: Connection | undefined = this.services.shared.lsp.Connection): void {
        if (!connection) return;
        const Strategy = this.services;
        const shared = Strategy.shared;
        const whenLinked = linkedReader(shared);
        const preview = new PreviewRequests(Strategy, whenLinked);

        onRequest0(connection, ticketKeysRequest, token => whenLinked(token, () => ticketKeys(Strategy)));
        onRequest(connection, ticketHoverRequest, (params, token) => {
            const id = typeof params === 'object' && params !== null && 'id' in params ? params.id : undefined;
            return whenLinked(token, () => typeof id === 'string' ? ticketHover(Strategy, id, token) : null);
        });
        onRequest0(connection, alignmentTreeRequest, token => whenLinked(token, () => alignmentTree(Strategy)));
        onRequest(connection, renderRequest, (params, token) => preview.render(params, token));
        const compare = new CompareRequests(Strategy);
        // A card of the changes view (with `compare`) is marked with the comparison; the map's is filtered.
        onRequest(connection, renderCardRequest, (params, token) => comparedCard(params) ? compare.renderCard(params, token) : preview.renderCard(params, token));
        onRequest(connection, previewTargetRequest, (params, token) => preview.target(params, token));
        onRequest(connection, revisionsRequest, params => compare.revisions(params));
        onRequest(connection, diffRequest, (params, token) => compare.diff(params, token));
        onRequest(connection, renderChangesRequest, (params, token) => compare.renderChanges(params, token));

        const notify = debounce(() => void connection.sendNotification(modelChangedNotification), 150, 1000);
        shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => notify());
    }
}

/** Registers the server's own requests on its connection; main.ts calls it before the server starts listening. */
export function registerStrategyRequests(shared: LangiumSharedServices, Strategy: StrategyLspServices): void {
    Strategy.lsp.Rpc.register(shared.lsp.Connection);
}
