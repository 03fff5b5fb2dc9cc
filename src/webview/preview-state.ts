import { clampZoom } from './map-transform.js';
import { maxCardKey, maxCards, type PreviewState } from '../protocol/webview-messages.js';

// The state a preview keeps across a reload comes back from storage the webview does not control (and, for the
// serializer, from the window's saved session), so it is read field by field and rebuilt, never trusted whole.

function record(value: unknown): Record<string, unknown> | undefined {
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined;
}

function finite(value: unknown, fallback: number): number {
    return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function point(value: unknown): { x: number; y: number } {
    const fields = record(value);
    return { x: finite(fields?.x, 0), y: finite(fields?.y, 0) };
}

/** The saved state, repaired where a field is missing or malformed; undefined when nothing usable was saved. */
export function parsePreviewState(raw: unknown): PreviewState | undefined {
    const fields = record(raw);
    if (!fields) return undefined;
    const state: PreviewState = {
        zoom: clampZoom(finite(fields.zoom, 1)),
        pan: point(fields.pan),
        scroll: point(fields.scroll)
    };
    state.scroll = { x: Math.max(0, state.scroll.x), y: Math.max(0, state.scroll.y) };
    if (typeof fields.uri === 'string' && fields.uri.length > 0) state.uri = fields.uri;
    if (typeof fields.canvas === 'string' && fields.canvas.length > 0) state.canvas = fields.canvas;
    // Words typed into the filter box; longer is no filter anyone typed.
    if (typeof fields.filter === 'string' && fields.filter.trim().length > 0 && fields.filter.length <= 1000) state.filter = fields.filter;
    const expanded = cardKeys(fields.expanded);
    if (expanded.length > 0) state.expanded = expanded;
    const [focus] = cardKeys([fields.focus]);
    if (focus !== undefined) state.focus = focus;
    return state;
}

/** The keys (expanded cards, the focused objective) that can be a card's (as the extension checks them), each once. */
function cardKeys(value: unknown): string[] {
    if (!Array.isArray(value)) return [];
    const keys = value.filter((key): key is string => typeof key === 'string' && key.length > 0 && key.length <= maxCardKey);
    return [...new Set(keys)].slice(0, maxCards);
}
