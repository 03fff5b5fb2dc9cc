import { elementKey } from '../../model/preview-view.js';
import type { RoadmapView } from '../../model/roadmap-view.js';
import { escapeHtml } from '../escape.js';
import { figuresHtml } from '../figure-markup.js';
import { viewTitleHtml, type ElementHref } from '../item-markup.js';
import { standaloneSvgCss, viewTitleLine } from '../svg/svg-styles.js';
import { drawRoadmap } from './roadmap-svg.js';
import { roadmapRules } from './roadmap-styles.js';
import { roadmapSummary } from './roadmap-text.js';
import { legendDisclosure } from '../view-legend.js';

// The roadmap canvas as the preview's fragment (HTML around the SVG, scrolled rather than zoomed so its text stays
// the editor's size) and as a standalone SVG file, which the PNG export draws.

const legend = '<ul class="legend">'
    + '<li><svg viewBox="0 0 12 12" aria-hidden="true"><path class="legend-milestone" d="M6,0 L12,6 L6,12 L0,6 z"/></svg>milestone at its date: its tickets by status, the grade of the objectives it moves</li>'
    + '<li><svg viewBox="0 0 12 12" aria-hidden="true"><path class="legend-overdue" d="M6,0 L12,6 L6,12 L0,6 z"/></svg>overdue: past its date with tickets still to do</li>'
    + '<li><svg viewBox="0 0 24 8" aria-hidden="true"><path class="legend-today" d="M12,0 L12,8"/></svg>today</li>'
    + '<li>Unscheduled: live tickets with no milestone, by priority</li>'
    + '</ul>';

/** `href`: the static site's links, from the canvas's ID and each milestone, ticket and lane to the element's page. */
export function roadmapHtml(view: RoadmapView, interactive: boolean, href?: ElementHref): string {
    const title = view.title || view.id;
    const drawn = drawRoadmap(view, interactive, href);
    const header = `<header class="view-header"><p class="view-kind">Roadmap</p>`
        + `<h1>${viewTitleHtml(elementKey('canvas', view.id), view.location, title, view.id, { interactive, href })}</h1>`
        + `<p class="view-summary">${figuresHtml(roadmapSummary(view))}</p>${legendDisclosure(legend, interactive)}</header>`;
    const svg = `<svg class="strategy-svg roadmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${drawn.width} ${drawn.height}" `
        + `width="${drawn.width}" height="${drawn.height}" aria-label="${escapeHtml(title)}">${drawn.body}</svg>`;
    return `<div class="strategy-view" data-view="roadmap">${header}\n<div class="roadmap-viewport">${svg}</div></div>`;
}

const titleBand = 56;

/** A standalone SVG file: the title (cut to its line, whole in <title>) and the summary on top, the style embedded. */
export function roadmapSvg(view: RoadmapView): string {
    const title = view.title || view.id;
    const drawn = drawRoadmap(view, false);
    const height = drawn.height + titleBand;
    return `<?xml version="1.0" encoding="UTF-8"?>
<svg class="strategy-svg roadmap" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${drawn.width} ${height}" width="${drawn.width}" height="${height}">
<title>${escapeHtml(title)}</title>
<style>${standaloneSvgCss}${roadmapRules}</style>
<rect class="svg-background" width="100%" height="100%"/>
<text class="t-view-title" x="20" y="28">${escapeHtml(viewTitleLine(title, drawn.width - 40))}</text>
<text class="t-muted" x="20" y="46">${escapeHtml(roadmapSummary(view))}</text>
<g transform="translate(0 ${titleBand})">${drawn.body}</g>
</svg>
`;
}
