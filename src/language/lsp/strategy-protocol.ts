// What the Strategy language server adds to LSP, named once for the server, the VS Code client and any other
// editor's client. Types and names only: the client bundle must not pull in the server's engine.
import type { AlignmentTree, ElementLocation } from '../../model/alignment-tree.js';

/** `strategy/ticketKeys`, no parameters: every ticket ID of the workspace with where it is defined. */
export const ticketKeysRequest = 'strategy/ticketKeys';
export interface TicketKey {
    id: string;
    location: ElementLocation;
}

/** `strategy/ticketHover` {id}: the same Markdown as hovering the ticket's name in its .strategy file, or null. */
export const ticketHoverRequest = 'strategy/ticketHover';
export interface TicketHoverParams {
    id: string;
}
export interface TicketHover {
    markdown: string;
}

/** `strategy/alignmentTree`, no parameters: objectives with their metrics, solutions and tickets, and the work aligned to none. */
export const alignmentTreeRequest = 'strategy/alignmentTree';
export type { AlignmentTree };

/** `strategy/modelChanged`, no parameters: sent after workspace builds (debounced) so clients refetch what they show. */
export const modelChangedNotification = 'strategy/modelChanged';

/** What the client sends in `initialize`, so the first scan of the workspace already honours the settings. */
export interface StrategyInitializationOptions {
    /** Globs (`strategy.exclude`) of files and folders never read as part of the workspace. */
    exclude?: string[];
}

/** The settings section the client synchronises; `workspace/didChangeConfiguration` carries it as `{ strategy: … }`. */
export const settingsSection = 'strategy';
export interface StrategySettings {
    exclude?: string[];
}
