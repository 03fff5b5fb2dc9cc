import type { Canvas } from '../language/generated/ast.js';
import type { AlignmentModel } from '../model/alignment.js';
import { canvasView, mapView, viewTitle } from '../model/preview-view.js';
import { escapeHtml } from '../render/escape.js';
import { siteFragment } from '../render/render-view.js';
import type { ElementIndex, SiteElement } from './element-index.js';
import type { SitePage } from './site-page.js';
import { hrefOf } from './site-links.js';

// The views the preview shows, as pages: the map and every canvas (product, strategy, SWOT, roadmap), drawn by the
// same renderers, with every element they name linked to its entry.

export interface ViewPages {
    pages: SitePage[];
    /** The rendered page of each canvas element, for its entry on the canvases' page. */
    canvasPage: Map<SiteElement, string>;
    /** The contents: the map, then each canvas by title. */
    contents: Array<{ page: string; label: string }>;
}

function viewHref(index: ElementIndex): (key: string) => string | undefined {
    return key => {
        const element = index.byKey.get(key);
        return element && hrefOf(element);
    };
}

/**
 * `canvas-<id>.html`, in lower case so that two canvases whose IDs differ only in case do not overwrite each
 * other on a disk that ignores case; a repeated ID gets `-2`.
 */
function canvasFileNames(canvases: readonly SiteElement[]): Map<SiteElement, string> {
    const names = new Map<SiteElement, string>();
    const taken = new Set<string>();
    for (const canvas of canvases) {
        const base = `canvas-${canvas.id.toLowerCase()}`;
        let name = `${base}.html`;
        for (let n = 2; taken.has(name); n++) name = `${base}-${n}.html`;
        taken.add(name);
        names.set(canvas, name);
    }
    return names;
}

export function viewPages(model: AlignmentModel, index: ElementIndex): ViewPages {
    const href = viewHref(index);
    const pages: SitePage[] = [{
        page: 'map.html',
        title: 'Alignment map',
        body: siteFragment(mapView(model), href),
        wide: true
    }];
    const contents = [{ page: 'map.html', label: 'Alignment map' }];
    const canvases = index.elements.filter(element => element.type === 'Canvas');
    const canvasPage = canvasFileNames(canvases);
    for (const canvas of canvases) {
        const view = canvasView(model, canvas.node as Canvas);
        const page = canvasPage.get(canvas)!;
        const entry = `<p class="site-lede">Written in <code>${escapeHtml(canvas.file)}:${canvas.line}</code>; `
            + `<a href="${escapeHtml(hrefOf(canvas))}">its entry</a> lists what it refers to.</p>`;
        pages.push({ page, title: viewTitle(view), body: siteFragment(view, href) + entry, wide: true });
        contents.push({ page, label: viewTitle(view) });
    }
    return { pages, canvasPage, contents };
}
