import { AstUtils } from 'langium';
import type { CancellationToken, Hover, MarkedString, MarkupContent } from 'vscode-languageserver';
import type { Ticket } from '../generated/ast.js';
import { buildAlignmentTree, type AlignmentTree } from '../../model/alignment-tree.js';
import { locationOf } from '../../model/locations.js';
import type { TicketHover, TicketKey } from '../../protocol/strategy-protocol.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

// The answers to the workspace-wide requests of src/protocol/strategy-protocol.ts, read from the alignment model;
// strategy-rpc.ts registers them on the connection.

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
