// What the Strategy language server adds to LSP, declared once as typed messages that the server registers its
// handlers with (src/language/lsp/strategy-rpc.ts) and the VS Code client sends (src/extension/): both sides import
// the same object, so a method name is never spelled twice and neither side casts. Nothing here imports Langium
// or VS Code (the model's types are erased), so the client bundle does not pull in the server's engine, and
// another editor's client can use this file as it is.
import { NotificationType0, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { AlignmentTree } from '../model/alignment-tree.js';
import type { ElementLocation } from '../model/locations.js';
import type { StrategyDiff } from '../model/diff/strategy-diff.js';
import type { WorkFilter } from '../model/work-filter.js';

/** `strategy/ticketKeys`, no parameters: every ticket ID of the workspace with where it is defined. */
export const ticketKeysRequest = new RequestType0<TicketKey[], void>('strategy/ticketKeys');
export interface TicketKey {
    id: string;
    location: ElementLocation;
}

/** `strategy/ticketHover` {id}: the same Markdown as hovering the ticket's name in its .strategy file, or null. */
export const ticketHoverRequest = new RequestType<TicketHoverParams, TicketHover | null, void>('strategy/ticketHover');
export interface TicketHoverParams {
    id: string;
}
export interface TicketHover {
    markdown: string;
}

/** `strategy/alignmentTree`, no parameters: objectives with their metrics, solutions and tickets, and the work aligned to none. */
export const alignmentTreeRequest = new RequestType0<AlignmentTree, void>('strategy/alignmentTree');
export type { AlignmentTree };

/** `strategy/previewTarget` {uri, position}: what the preview shows for a cursor there, and what it highlights. */
export const previewTargetRequest = new RequestType<PreviewTargetParams, PreviewTarget, void>('strategy/previewTarget');
export interface PreviewTargetParams {
    uri: string;
    position: { line: number; character: number };
}
export interface PreviewTarget {
    /** The ID of the canvas the cursor is in; absent outside a canvas, where the preview shows the alignment map. */
    canvas?: string;
    /** `elementKey` of the element under the cursor (a reference's target, else the enclosing element), if any. */
    element?: string;
}

/**
 * `strategy/render` {canvas?, format, filter?}: the canvas with this ID, or the alignment map when no ID is given,
 * rendered by src/render/ exactly as `strategy render` renders it; null when no canvas has the ID.
 * `fragment` is the preview's body (its styles come with the webview), the other formats are whole files.
 * `filter` filters the map as `strategy render`'s flags do (src/model/work-filter.ts); a canvas ignores it.
 * `expanded`: the keys of the map's cards whose whole cards a `fragment` carries (the preview's expanded cards: an
 * objective's element key, `group:health`, `group:not-aligned`); the others it asks for with `strategy/renderCard`.
 */
export const renderRequest = new RequestType<RenderParams, RenderResult | null, void>('strategy/render');
export type RenderFormat = 'fragment' | 'html' | 'svg' | 'md';
export interface RenderParams {
    canvas?: string;
    format: RenderFormat;
    filter?: WorkFilter;
    expanded?: string[];
}

/**
 * `strategy/renderCard` {card, filter?, compare?}: the whole card of one card of the alignment map (filtered as
 * `strategy/render` filters it), which the preview draws over the card's summary when it is expanded: SVG markup at
 * 0,0, without its enclosing <g>. With `compare`, the card of `strategy/renderChanges`'s changes view instead, with
 * its change marks and every change in words (the filter does not apply there). Null when the map has no such card
 * or its summary already shows everything.
 */
export const renderCardRequest = new RequestType<RenderCardParams, RenderCardResult | null, void>('strategy/renderCard');
export interface RenderCardParams {
    /** The card's key, as in RenderParams.expanded. */
    card: string;
    filter?: WorkFilter;
    /** The comparison of the changes view the card is expanded in. */
    compare?: CompareParams;
}
export interface RenderCardResult {
    content: string;
}
export type { WorkFilter };
export interface RenderResult {
    /** The canvas's title, or "Alignment map". */
    title: string;
    content: string;
    /** Every file an element shown comes from: the preview reveals locations in these files only. */
    uris: string[];
    /** Set when a filter was applied to the map and it keeps nothing: no objective and no ticket. */
    nothingMatches?: boolean;
}

/**
 * `strategy/revisions` {folder}: what "Compare with Revision…" offers for the folder's git repository (branches, tags,
 * recent commits). Outside a git repository, or without git, an error (LSP's RequestFailed) whose message says so.
 */
export const revisionsRequest = new RequestType<RevisionsParams, RevisionChoice[], void>('strategy/revisions');
export interface RevisionsParams {
    /** The URI of the workspace folder the comparison is about. */
    folder: string;
}
export interface RevisionChoice {
    revision: string;
    kind: 'branch' | 'remote' | 'tag' | 'commit';
    detail: string;
}

/**
 * `strategy/diff` {folder, revision}: the folder's .strategy files at a git revision (read from git, never checked
 * out) against the server's documents, unsaved edits included, compared as `strategy diff` compares them. An
 * unknown revision or a folder outside git is an error (RequestFailed) with git's reason.
 */
export const diffRequest = new RequestType<CompareParams, CompareResult, void>('strategy/diff');
export interface CompareParams {
    folder: string;
    /** What git understands: `HEAD`, a branch, a tag, a commit. */
    revision: string;
}
export interface CompareResult {
    /** The revision as asked for, and the commit it named then. */
    revision: string;
    commit: string;
    /** `Compared with HEAD (abc1234): 3 added · 2 changed · 1 removed`. */
    headline: string;
    diff: StrategyDiff;
}

/**
 * `strategy/renderChanges` {folder, revision, expanded?}: the preview's changes view, the alignment map marked with
 * the diff. `expanded`: the keys of the cards whose whole cards it carries, as `strategy/render`'s; the others the
 * preview asks for with `strategy/renderCard` and `compare`.
 */
export const renderChangesRequest = new RequestType<RenderChangesParams, RenderResult, void>('strategy/renderChanges');
export interface RenderChangesParams extends CompareParams {
    expanded?: string[];
}

/** `strategy/modelChanged`, no parameters: sent after workspace builds (debounced) so clients refetch what they show. */
export const modelChangedNotification = new NotificationType0('strategy/modelChanged');

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
