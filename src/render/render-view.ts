import type { RenderFormat } from '../protocol/strategy-protocol.js';
import { viewTitle, type PreviewView, type ProductCanvasView, type RoadmapView, type StrategyCanvasView, type SwotCanvasView } from '../model/preview-view.js';
import { mapHtml, mapSvg } from './map/alignment-map.js';
import type { CanvasBoxes } from './canvas/canvas-boxes.js';
import { canvasHtml } from './canvas/canvas-html.js';
import { canvasSvg } from './canvas/canvas-svg.js';
import { htmlDocument } from './html-document.js';
import type { ElementHref } from './item-markup.js';
import { canvasMarkdown, mapMarkdown } from './text/markdown.js';
import { productCanvasBoxes } from './canvas/product-canvas.js';
import { strategyCanvasBoxes } from './canvas/strategy-canvas.js';
import { swotCanvasBoxes } from './canvas/swot-canvas.js';
import { roadmapHtml, roadmapSvg } from './roadmap/roadmap.js';
import { roadmapMarkdown } from './roadmap/roadmap-markdown.js';

// The one entry of the renderers: the preview (through the server's `strategy/render`), the export commands and
// `strategy render` all come here, so what they show agrees.

function canvasBoxes(view: ProductCanvasView | StrategyCanvasView | SwotCanvasView): CanvasBoxes {
    switch (view.view) {
        case 'product': return productCanvasBoxes(view);
        case 'strategy': return strategyCanvasBoxes(view);
        case 'swot': return swotCanvasBoxes(view);
    }
}

/**
 * `fragment`: the preview's body, with the location attributes the webview's script reveals and highlights by
 * (no style, no script). `html`: a self-contained page (its stylesheet allowed by hash, no script). `svg`: a
 * standalone SVG file. `md`: Markdown for a wiki. Exports carry no file locations. `expanded`: the map's cards
 * whose whole cards the fragment carries (the preview's expanded ones); the other formats show the summaries.
 */
export async function renderView(view: PreviewView, format: RenderFormat, expanded?: ReadonlySet<string>): Promise<string> {
    if (view.view === 'roadmap') return renderRoadmap(view, format);
    const fragment = (interactive: boolean): string => (view.view === 'map'
        ? mapHtml(view, { interactive, expanded })
        : canvasHtml(canvasBoxes(view), { interactive }));
    switch (format) {
        case 'fragment': return fragment(true);
        case 'html': return htmlDocument(viewTitle(view), fragment(false));
        case 'svg': return view.view === 'map' ? mapSvg(view, { interactive: false }) : canvasSvg(canvasBoxes(view));
        case 'md': return view.view === 'map' ? mapMarkdown(view) : canvasMarkdown(canvasBoxes(view));
    }
}

/**
 * The static site's view of a canvas, the map or a roadmap: the `html` format's fragment (no locations, focus or
 * roles) in which each element's ID, or its title where no ID is shown, links to the element's page on the site.
 * Elements `href` gives no page for are drawn as in the `html` format.
 */
export function siteFragment(view: PreviewView, href: ElementHref): string {
    switch (view.view) {
        case 'roadmap': return roadmapHtml(view, false, href);
        case 'map': return mapHtml(view, { interactive: false, href });
        default: return canvasHtml(canvasBoxes(view), { interactive: false, href });
    }
}

/** Each view kind has one function per format; a new format (Mermaid) adds a case to each. */
function renderRoadmap(view: RoadmapView, format: RenderFormat): string {
    switch (format) {
        case 'fragment': return roadmapHtml(view, true);
        case 'html': return htmlDocument(viewTitle(view), roadmapHtml(view, false));
        case 'svg': return roadmapSvg(view);
        case 'md': return roadmapMarkdown(view);
    }
}
