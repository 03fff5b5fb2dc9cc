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

/**
 * The address of an element's own page on the static site, by its `data-element` key (`objective:Engagement` →
 * `objectives.html#Engagement`), relative to the page that shows the view; undefined when it has no page.
 */
export type ElementHref = (key: string) => string | undefined;

/**
 * `markup` (already escaped: an element's ID or title, in HTML or SVG) as a link to the element's page, or as it is
 * without `href` or when the element has none, so that output without links stays byte for byte what it was. An SVG
 * 2 `<a href>` is the same markup as HTML's.
 */
export function elementLink(key: string, markup: string, href: ElementHref | undefined): string {
    const target = href?.(key);
    return target === undefined ? markup : `<a class="element-link" href="${escapeHtml(target)}">${markup}</a>`;
}

/**
 * A canvas's title in its view's header, then its ID when the title is not just the ID: the ID links to the
 * canvas's page, or the title where no ID is shown.
 */
export function viewTitleHtml(key: string, location: ElementLocation, title: string, id: string,
    options: { interactive: boolean; href?: ElementHref }): string {
    const own = title === id;
    const titleHtml = escapeHtml(title);
    return `<span class="view-title"${elementAttributes(key, location, options.interactive)}>${own ? elementLink(key, titleHtml, options.href) : titleHtml}</span>`
        + (own ? '' : ` <span class="item-id">${elementLink(key, escapeHtml(id), options.href)}</span>`);
}
