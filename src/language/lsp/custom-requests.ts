import { AstUtils, DocumentState, isOperationCancelled, ReadPriority } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CancellationToken, LSPErrorCodes, ResponseError, type Hover, type MarkedString, type MarkupContent } from 'vscode-languageserver';
import type { Ticket } from '../generated/ast.js';
import { buildAlignmentTree, type AlignmentTree } from '../../model/alignment-tree.js';
import { locationOf } from '../../model/locations.js';
import {
    alignmentTreeRequest, modelChangedNotification, ticketHoverRequest, ticketKeysRequest,
    type TicketHover, type TicketHoverParams, type TicketKey
} from './strategy-protocol.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';
import { registerPreviewRequests } from './preview-requests.js';

/** Every ticket ID with where its name is written; with a duplicate ID, each definition is listed. */
export function ticketKeys(services: StrategyLspServices): TicketKey[] {
    return services.strategy.WorkspaceModel.get().tickets.map(ticket => ({ id: ticket.name, location: locationOf(ticket) }));
}

function markdownOf(contents: MarkupContent | MarkedString | MarkedString[]): string {
    const parts = Array.isArray(contents) ? contents : [contents];
    return parts.map(part => typeof part === 'string' ? part
        : 'kind' in part ? part.value
            : `\`\`\`${part.language}\n${part.value}\n\`\`\``).join('\n\n');
}

/** The hover of the ticket's name in its own file, so a mention in code reads exactly like the definition. */
export async function ticketHover(services: StrategyLspServices, id: string, token?: CancellationToken): Promise<TicketHover | null> {
    const ticket = services.strategy.WorkspaceModel.get().byName.get(id)?.find((element): element is Ticket => element.$type === 'Ticket');
    if (!ticket) return null;
    const document = AstUtils.getDocument(ticket);
    const position = locationOf(ticket).range.start;
    const hover: Hover | undefined = await services.lsp.HoverProvider?.getHoverContent(
        document, { textDocument: { uri: document.uri.toString() }, position }, token
    );
    return hover ? { markdown: markdownOf(hover.contents) } : null;
}

export function alignmentTree(services: StrategyLspServices): AlignmentTree {
    return buildAlignmentTree(services.strategy.WorkspaceModel.get());
}

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

/** Runs `read` once the workspace is linked, concurrently with any build, as Langium's own workspace requests do. */
export type LinkedReader = <T>(token: CancellationToken, read: () => T | Promise<T>) => Promise<T | ResponseError>;

export function linkedReader(shared: LangiumSharedServices): LinkedReader {
    return async (token, read) => {
        try {
            await shared.workspace.WorkspaceManager.ready;
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, token);
            return await shared.workspace.WorkspaceLock.read(read, ReadPriority.Immediate);
        } catch (error) {
            if (isOperationCancelled(error)) return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
            throw error;
        }
    };
}

/** JSON-RPC passes the parameters (absent, null, an object) before the token, so the token is always the last argument. */
export function tokenOf(args: unknown[]): CancellationToken {
    return (CancellationToken.is(args.at(-1)) ? args.at(-1) : CancellationToken.None) as CancellationToken;
}

/**
 * Registers the workspace-wide requests of strategy-protocol.ts on the server's connection, and the
 * notification that tells clients to fetch them again. Handlers wait for the linked workspace, then read the
 * alignment model concurrently with any build, as Langium's own workspace requests do.
 */
export function registerStrategyRequests(shared: LangiumSharedServices, Strategy: StrategyLspServices): void {
    const connection = shared.lsp.Connection;
    if (!connection) return;
    const whenLinked = linkedReader(shared);

    connection.onRequest(ticketKeysRequest, (...args: unknown[]) => whenLinked(tokenOf(args), () => ticketKeys(Strategy)));
    connection.onRequest(ticketHoverRequest, (...args: unknown[]) => {
        const id = (args[0] as TicketHoverParams | undefined)?.id;
        return whenLinked(tokenOf(args), () => typeof id === 'string' ? ticketHover(Strategy, id, tokenOf(args)) : null);
    });
    connection.onRequest(alignmentTreeRequest, (...args: unknown[]) => whenLinked(tokenOf(args), () => alignmentTree(Strategy)));

    registerPreviewRequests(connection, whenLinked, Strategy);

    const notify = debounce(() => void connection.sendNotification(modelChangedNotification), 150, 1000);
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => notify());
}
