import type { ElementLocation } from '../model/locations.js';
import { escapeHtml } from './escape.js';

// The attributes that tie rendered markup to the source: the webview script reveals `data-uri`/`data-line`/
// `data-character` on a click and highlights by `data-element`. Exports leave the location out (a file shared with
// others should not carry the author's paths) along with the focus and role that only a live preview can honour.

/** ` data-uri="…" data-line="…" data-character="…"` (zero-based), or nothing outside the live preview. */
export function locationAttributes(location: ElementLocation, interactive: boolean): string {
    if (!interactive) return '';
    const { line, character } = location.range.start;
    return ` data-uri="${escapeHtml(location.uri)}" data-line="${line}" data-character="${character}"`;
}

/** The attributes of a clickable element: its key, its location, and in the preview focus and a button role. */
export function elementAttributes(key: string, location: ElementLocation, interactive: boolean): string {
    const focus = interactive ? ' tabindex="0" role="button"' : '';
    return ` data-element="${escapeHtml(key)}"${locationAttributes(location, interactive)}${focus}`;
}
