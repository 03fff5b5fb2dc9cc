import { randomBytes } from 'node:crypto';
import { escapeHtml } from '../../render/escape.js';
import { shellCss } from '../../webview/shell-styles.js';
import { shellIds } from '../../webview/shell.js';

// The preview webview's HTML shell (cf. the Markdown preview's security.ts and previewContentProvider.ts): a strict
// Content Security Policy, the styles and the script allowed by a nonce drawn anew for each shell, and empty
// elements that the script fills from `update` messages. No vscode import: the browser test serves this very shell.

export interface PreviewShellOptions {
    /** `webview.cspSource`: the origin the webview loads the extension's media from. */
    cspSource: string;
    /** `webview.asWebviewUri(media/preview.js)`. */
    scriptUri: string;
    /** The stylesheets, in order: the renderer's `previewCss`; the shell's own comes after it. */
    css: readonly string[];
    nonce: string;
}

/** A fresh nonce (128 random bits): a policy's nonce must never repeat or be guessable. */
export function createNonce(): string {
    return randomBytes(16).toString('base64');
}

/**
 * Nothing by default; images only from the media folder, blob: (PNG export draws the SVG through one) and data:;
 * styles and scripts only with the nonce. Inline handlers and `style=` attributes are therefore refused as well.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        `default-src 'none'`,
        `img-src ${cspSource} blob: data:`,
        `style-src 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`
    ].join('; ') + ';';
}

/** A stylesheet must not be able to end its own <style> element. */
function styleText(css: string): string {
    return css.replace(/<\/(style)/gi, '<\\/$1');
}

export function previewShellHtml(options: PreviewShellOptions): string {
    const nonce = escapeHtml(options.nonce);
    const styles = [...options.css, shellCss].map(css => `<style nonce="${nonce}">${styleText(css)}</style>`).join('\n');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(options.cspSource, options.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Strategy Preview</title>
${styles}
</head>
<body>
<header class="preview-header">
<h1 class="preview-title" id="${shellIds.title}">Strategy Preview</h1>
<div class="view-info" id="${shellIds.viewInfo}"></div>
<div class="map-filter" id="${shellIds.filter}" role="search" hidden>
<button type="button" class="filter-toggle" id="${shellIds.filterToggle}" title="Filter the map: words, owner:, focus:, kind:, status:, milestone:, hide:done" aria-label="Filter the map" aria-expanded="false" aria-controls="${shellIds.filterInput}"><svg viewBox="0 0 16 16" aria-hidden="true"><path d="M1.5 2.5h13l-5 6v5l-3-1.5v-3.5z"/></svg></button>
<input type="text" class="filter-input" id="${shellIds.filterInput}" placeholder="owner:ana status:doing text" aria-label="Filter the map: words, owner:, focus:, kind:, status:, milestone:, hide:done" aria-describedby="${shellIds.filterNote}" spellcheck="false" autocomplete="off">
<button type="button" class="filter-clear" id="${shellIds.filterClear}" title="Clear the filter (Escape)" aria-label="Clear the filter">×</button>
<div class="filter-note" id="${shellIds.filterNote}" role="status" hidden></div>
</div>
<div class="map-tools" id="${shellIds.mapTools}" role="toolbar" aria-label="Map zoom" hidden>
<button type="button" data-zoom="out" title="Zoom out (−)" aria-label="Zoom out">−</button>
<button type="button" data-zoom="reset" title="Actual size" aria-label="Actual size">100%</button>
<button type="button" data-zoom="in" title="Zoom in (+)" aria-label="Zoom in">+</button>
<button type="button" data-zoom="fit" title="Fit the map to the window (0)" aria-label="Fit">Fit</button>
</div>
<button type="button" class="problems" id="${shellIds.problems}" title="Show the Problems panel">No problems</button>
</header>
<main class="preview-content" id="${shellIds.content}" tabindex="-1"><p class="preview-loading">Loading…</p></main>
<script nonce="${nonce}" src="${escapeHtml(options.scriptUri)}"></script>
</body>
</html>
`;
}
