// The messages between the preview's webview (src/webview/) and the extension (src/extension/preview/), and the
// state the webview keeps across a reload. No imports but types, no DOM and no vscode: the webview's browser bundle,
// the extension and the tests import it. The extension checks every message it receives against these types
// (src/extension/preview/preview-messages.ts), since the webview shows the workspace's content.

import type { WorkFilter } from '../model/work-filter.js';
export type { WorkFilter };

/** Problems of the workspace's .strategy files, as the Problems panel counts them. */
export interface DiagnosticCounts {
    errors: number;
    warnings: number;
    infos: number;
}

/** What the preview shows: the canvas with this ID, or the alignment map without one, followed from `uri`. */
export interface PreviewSource {
    /** The .strategy document the preview follows; absent when it was opened with none (the workspace's map). */
    uri?: string;
    canvas?: string;
}

/** New content: the renderer's fragment. Scroll, pan and zoom stay while the same canvas (or the map) is shown. */
export interface UpdateMessage {
    type: 'update';
    title: string;
    html: string;
    diagnostics: DiagnosticCounts;
    source: PreviewSource;
    /** The map was filtered and keeps nothing: the webview says so instead of showing an empty map. */
    nothingMatches?: boolean;
    /** The map is the changes view of a comparison, which the filter box does not filter: the box is hidden. */
    comparing?: boolean;
}

/** Only the Problems count changed. */
export interface DiagnosticsMessage {
    type: 'diagnostics';
    diagnostics: DiagnosticCounts;
}

/** Mark the elements with this `data-element` key (none when absent) and scroll the first into view. */
export interface HighlightMessage {
    type: 'highlight';
    element?: string;
}

/**
 * Draw this standalone SVG at `scale` into a canvas and answer with `png` or `error` carrying the same id; with
 * `copy`, also put the PNG on the clipboard (the answer is `error` when the clipboard refuses it).
 */
export interface RasterizeMessage {
    type: 'rasterize';
    id: number;
    svg: string;
    scale: number;
    copy?: boolean;
}

/** The whole card of the map's card with this key, asked for with `expand`: SVG markup at 0,0 (strategy/renderCard). */
export interface CardMessage {
    type: 'card';
    card: string;
    html: string;
}

export type ToWebviewMessage = UpdateMessage | DiagnosticsMessage | HighlightMessage | RasterizeMessage | CardMessage;

/**
 * The webview's script runs; `filter` is the map's filter and `expanded` the map's cards shown expanded that it
 * restored from its state, if any (it asks for their whole cards with `expand` once it has the map).
 */
export interface ReadyMessage {
    type: 'ready';
    filter?: WorkFilter;
    expanded?: string[];
}

/** The filter box changed: show the map with this filter (`{}`: none), now and after every edit. */
export interface FilterMessage {
    type: 'filter';
    filter: WorkFilter;
}

/** A click (or Enter) on an item or a box: open this zero-based position in the editor. */
export interface RevealMessage {
    type: 'reveal';
    uri: string;
    line: number;
    character: number;
}

export interface ShowProblemsMessage {
    type: 'showProblems';
}

export interface PngMessage {
    type: 'png';
    id: number;
    /** The PNG file, base64. */
    data: string;
}

export interface RasterizeErrorMessage {
    type: 'error';
    id: number;
    message: string;
}

/** The changes view's "Leave comparison" button: show what the preview showed before the comparison. */
export interface LeaveComparisonMessage {
    type: 'leaveComparison';
}

/**
 * The map's cards shown expanded changed: `cards` are all of them (every render of the map carries their whole cards,
 * so they stay expanded across edits); `open`, one the webview has no whole card for yet, answered with `card`.
 */
export interface ExpandMessage {
    type: 'expand';
    cards: string[];
    open?: string;
}

/** As the server's check of `strategy/renderCard`: a card's key is short, and a map has not this many cards. */
export const maxCardKey = 1000;
export const maxCards = 10_000;

export type FromWebviewMessage = ReadyMessage | ExpandMessage | FilterMessage | RevealMessage | ShowProblemsMessage | PngMessage | RasterizeErrorMessage | LeaveComparisonMessage;

/** Kept with `acquireVsCodeApi().setState`: the webview restores it after a reload, the serializer reads uri and canvas. */
export interface PreviewState extends PreviewSource {
    /** The map's zoom factor and pan offset in CSS pixels. */
    zoom: number;
    pan: { x: number; y: number };
    /** The page's scroll offset (a canvas). */
    scroll: { x: number; y: number };
    /** The filter box's words as typed (src/model/filter-query.ts reads them); absent when it is empty. */
    filter?: string;
    /** The keys of the map's cards shown expanded (as ExpandMessage.cards); absent when none is. */
    expanded?: string[];
    /** The key of the objective the map is focused on (Alt+click), absent for the whole map; the webview's alone. */
    focus?: string;
}

/** Webview panels of this type are the preview; the serializer brings them back after a window reload. */
export const previewViewType = 'strategy.preview';
