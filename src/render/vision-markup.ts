import { escapeHtml } from './escape.js';
import { wrapText } from './svg/text-wrap.js';

// The workspace's vision as one line above a view (the map, the strategy canvas): the same words in the HTML
// (cut by the stylesheet, whole on hover) and the SVG (cut to the line, whole in its <title>).

/** The vision on one line: its line breaks read as spaces. */
function oneLine(vision: string): string {
    return vision.replace(/\s+/g, ' ').trim();
}

/** `<p class="view-vision">`, or nothing without a vision. */
export function visionHtml(vision: string | undefined): string {
    if (vision === undefined) return '';
    const line = escapeHtml(oneLine(vision));
    // No title attribute: the hostile corpus keeps workspace text out of attributes; hovering shows the whole line.
    return `<p class="view-vision"><span class="view-vision-label">Vision</span> ${line}</p>`;
}

/** How much taller an SVG's header is for the vision line. */
export function visionBand(vision: string | undefined): number {
    return vision === undefined ? 0 : 20;
}

/** The vision as an SVG line at `y`, cut to `width`, or nothing without a vision. */
export function visionSvg(vision: string | undefined, x: number, y: number, width: number): string {
    if (vision === undefined) return '';
    const line = `Vision: ${oneLine(vision)}`;
    const shown = wrapText(line, width, { fontSize: 12, maxLines: 1 })[0];
    return `<text class="t-muted view-vision" x="${x}" y="${y}">${shown === line ? '' : `<title>${escapeHtml(line)}</title>`}${escapeHtml(shown)}</text>\n`;
}

/** The vision as a Markdown line (already escaped by `text`), or nothing. */
export function visionMarkdown(vision: string | undefined, text: (raw: string) => string): string[] {
    return vision === undefined ? [] : ['', `**Vision:** ${text(oneLine(vision))}`];
}
