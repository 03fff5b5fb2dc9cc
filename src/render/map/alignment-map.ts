import type { MapView } from '../../model/preview-view.js';
import { visionBand, visionHtml, visionSvg } from '../vision-markup.js';
import { escapeHtml } from '../escape.js';
import type { ElementHref } from '../item-markup.js';
import { changesBanner, ChangeMarks, type MapChanges } from './map-changes.js';
import { countTree, summaryText, type MapCounts } from './map-counts.js';
import { mapGraph, mapNodeByKey, type MapGraph, type MapNode } from './map-graph.js';
import { outlineLayout, type MapLayout, type Point } from './map-outline.js';
import { round } from '../progress-markup.js';
import { legendDisclosure } from '../view-legend.js';
import { cardBodySvg } from '../svg/svg-card.js';
import { standaloneSvgCss, viewTitleLine } from '../svg/svg-styles.js';
import { textWidth } from '../svg/text-wrap.js';

// The alignment map as SVG: objective cards (their metrics' grades, their work counted by status and its first live
// tickets), the "Health metrics" and "Not aligned" groups, and sub-objective edges, placed as an outline
// (map-outline.ts). In the preview each card also carries a button to focus the map on its subtree, and the cards the
// preview has expanded their whole cards, shown in place. The whole cards are most of a map's bytes, so the others
// are not sent with every keystroke: the preview asks for one when it is expanded (mapCardSvg).

export interface MapOptions {
    interactive: boolean;
    /** A comparison with a git revision: the map becomes its changes view. */
    changes?: MapChanges;
    /** The keys (MapNode.key) of the cards whose whole cards the preview's fragment carries: those it shows expanded. */
    expanded?: ReadonlySet<string>;
    /** The static site's links: each objective's, metric's, solution's and ticket's ID (or line) links to its page. */
    href?: ElementHref;
}

function pathOf(points: Point[]): string {
    return points.map((point, index) => `${index ? 'L' : 'M'}${round(point.x)},${round(point.y)}`).join(' ');
}

function edgesSvg(graph: MapGraph, layout: MapLayout): string {
    return graph.edges.map(edge => {
        const points = layout.edges.get(edge.id) ?? [];
        if (points.length < 2) return '';
        // data-to: the preview hides the edge with the objective it leads to when the map shows one subtree.
        return `<path class="edge edge-${edge.kind}" data-to="${edge.target}" d="${pathOf(points)}"/>`;
    }).join('');
}

function nodesSvg(graph: MapGraph, layout: MapLayout, interactive: boolean, href?: ElementHref): string {
    return graph.nodes.map(node => {
        const { x, y } = layout.nodes.get(node.id) ?? { x: 0, y: 0 };
        // The preview expands only a card with more than its summary, asking for the whole card if it lacks it.
        const expandable = interactive && node.expandable ? ' data-expandable="true"' : '';
        return `<g class="${node.classes}"${node.attributes}${expandable}>`
            + `<rect class="card-bg" x="${round(x)}" y="${round(y)}" width="${node.width}" height="${node.height}" rx="6"/>`
            + `<title>${escapeHtml(node.title)}</title>${cardBodySvg(node.card, x, y, href)}</g>`;
    }).join('\n');
}

/**
 * The preview's controls of each card, drawn after the nodes (so over them) and outside their groups (so a press is not
 * also a click on the card, which reveals it): the focus button of an objective, and its whole card, hidden until the
 * preview expands it. An expanded card grows down over the map without moving anything: no layout on a click.
 */
function overlaysSvg(graph: MapGraph, layout: MapLayout): string {
    const parts = graph.nodes.map(node => {
        const { x, y } = layout.nodes.get(node.id) ?? { x: 0, y: 0 };
        const focus = node.kind !== 'objective' ? ''
            : `<g class="map-focus" data-action="focus" data-for="${node.id}" tabindex="0" role="button" aria-label="Show only this objective and what is below it">`
                + `<title>Show only this objective and what is below it (Alt+click)</title>`
                + `<rect class="map-focus-bg" x="${round(x + node.width - 26)}" y="${round(y + 6)}" width="20" height="20" rx="4"/>`
                + `<path class="map-focus-icon" d="M${round(x + node.width - 21)},${round(y + 13)} V${round(y + 11)} H${round(x + node.width - 19)} M${round(x + node.width - 13)},${round(y + 11)} H${round(x + node.width - 11)} V${round(y + 13)} M${round(x + node.width - 11)},${round(y + 19)} V${round(y + 21)} H${round(x + node.width - 13)} M${round(x + node.width - 19)},${round(y + 21)} H${round(x + node.width - 21)} V${round(y + 19)}"/></g>`;
        const whole = !node.whole ? '' : `<g class="map-whole" data-whole="${node.id}">${wholeCardSvg(node, x, y)}</g>`;
        return { focus, whole };
    });
    // Every focus button before every whole card: an expanded card covers the buttons of the cards below it.
    return [...parts.map(part => part.focus), ...parts.map(part => part.whole)].filter(Boolean).join('\n');
}

/** The inside of a node's whole card (its background, title and blocks) with its top left corner at x, y. */
function wholeCardSvg(node: MapNode, x: number, y: number): string {
    if (!node.whole) return '';
    return `<rect class="card-bg" x="${round(x)}" y="${round(y)}" width="${node.width}" height="${node.whole.height}" rx="6"/>`
        + `<title>${escapeHtml(node.title)}</title>${cardBodySvg(node.whole, x, y)}`;
}

/**
 * The inside of one card's whole card, at 0,0, for the preview to place over the card it expands: the same renderer
 * as the map's, at the width the map lays cards out with; with `changes`, as the changes view draws it, marked.
 * Undefined when the map has no such card or its summary leaves nothing out.
 */
export function mapCardSvg(view: MapView, key: string, changes?: MapChanges): string | undefined {
    const marks = changes && new ChangeMarks(changes);
    // A card is marked on its own, but "Other changes" is what no card showed: that group needs every card marked.
    const node = marks && changeGroups.has(key)
        ? mapGraph(view.tree, true, each => each === key, marks).nodes.find(each => each.key === key)
        : mapNodeByKey(view.tree, key, marks);
    return node?.whole && wholeCardSvg(node, 0, 0);
}

const changeGroups = new Set(['group:removed', 'group:other-changes']);

interface DrawnMap {
    counts: MapCounts;
    width: number;
    height: number;
    /** The edges and nodes, without the enclosing <svg>. */
    body: string;
}

function drawMap(view: MapView, options: MapOptions): DrawnMap {
    const expanded = options.expanded;
    const graph = mapGraph(view.tree, options.interactive, key => options.interactive && expanded?.has(key) === true, options.changes && new ChangeMarks(options.changes));
    const counts = countTree(view.tree);
    const layout = outlineLayout(graph.nodes, graph.edges);
    const overlays = options.interactive ? `\n<g class="map-overlays">\n${overlaysSvg(graph, layout)}\n</g>` : '';
    const body = `<g class="edges">${edgesSvg(graph, layout)}</g>\n<g class="nodes">\n${nodesSvg(graph, layout, options.interactive, options.href)}\n</g>${overlays}`;
    return { counts, width: layout.width, height: layout.height, body };
}

const emptyHint = 'No objectives, solutions or tickets yet: write objective Name "…" in a .strategy file.';

/** Each grade a bar can show, with what earns it: the forecast first, v1's thresholds for a metric without a pace. */
const gradeLegend: Array<[grade: string, words: string]> = [
    ['reached', 'reached (at or past its target)'],
    ['on-track', 'on track (at this pace it reaches its target; without a pace, 70% of the way or more)'],
    ['at-risk', 'at risk (at this pace 70–100% of the way; without a pace, 40–70%)'],
    ['off-track', 'off track (less)'],
    ['overdue', 'overdue (past its date, not reached)']
];

const legend = '<ul class="legend">'
    + '<li><svg viewBox="0 0 24 8" aria-hidden="true"><path class="legend-edge" d="M0,4 L24,4"/></svg>sub-objective</li>'
    + gradeLegend.map(([grade, words]) => `<li class="grade-${grade}"><svg viewBox="0 0 24 8" aria-hidden="true"><rect class="progress-fill" width="24" height="8" rx="2"/></svg>${words}</li>`).join('')
    + '<li>a health metric is healthy inside its range, out of range outside it</li>'
    // The charts' marks, with the charts' own classes so the legend draws them as the charts do.
    + '<li><svg class="legend-chart" viewBox="0 0 24 8" aria-hidden="true"><path class="chart-line" d="M2,6 L12,4"/><circle class="chart-point" cx="2" cy="6" r="1.6"/><circle class="chart-point" cx="12" cy="4" r="1.6"/></svg>readings</li>'
    + '<li><svg class="legend-chart" viewBox="0 0 24 8" aria-hidden="true"><path class="chart-forecast" d="M1,6 L23,2"/></svg>forecast at this pace</li>'
    + '<li><svg class="legend-chart" viewBox="0 0 24 8" aria-hidden="true"><path class="chart-target-line" d="M0,4 L24,4"/><path class="chart-target" d="M12,1 L15,4 L12,7 L9,4 z"/></svg>target at its date</li>'
    + '<li><svg class="legend-chart" viewBox="0 0 24 8" aria-hidden="true"><path class="chart-today" d="M12,0 L12,8"/></svg>today</li>'
    + '</ul>';

/** `<div class="strategy-view" data-view="map">`: header with counts and legend, then the map in its viewport. */
export function mapHtml(view: MapView, options: MapOptions): string {
    const map = drawMap(view, options);
    const header = `<header class="view-header"><h1>${escapeHtml(view.title)}</h1>`
        + `<p class="view-summary">${escapeHtml(summaryText(map.counts))}</p>${legendDisclosure(legend, options.interactive)}</header>`;
    // Focusable, so the keyboard can pan (arrows) and zoom (+, −, 0) it; the label says how.
    const label = options.interactive ? 'Alignment map: arrow keys pan, + and − zoom, 0 fits' : 'Alignment map';
    const content = map.width === 0
        ? `<p class="empty-map">${escapeHtml(emptyHint)}</p>`
        : `<div class="map-viewport" tabindex="0" role="region" aria-label="${label}"><svg class="strategy-svg alignment-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${map.width} ${map.height}" `
            + `width="${map.width}" height="${map.height}" aria-label="${escapeHtml(view.title)}">${map.body}</svg></div>`;
    const banner = options.changes ? `\n${changesBanner(options.changes, options.interactive)}` : '';
    return `<div class="strategy-view" data-view="map">${header}${visionHtml(view.vision)}${banner}\n${content}</div>`;
}

const titleBand = 56;

/** A standalone SVG file of the map: its title (cut to its line, whole in <title>) and counts on top, the style embedded. */
export function mapSvg(view: MapView, options: MapOptions): string {
    const map = drawMap(view, options);
    const summary = map.width === 0 ? emptyHint : summaryText(map.counts);
    // As wide as the counts line too: a narrow outline of a few cards is narrower than its own summary.
    const width = Math.max(map.width, 480, Math.ceil(textWidth(summary, 12) * 1.1) + 40);
    const band = titleBand + visionBand(view.vision);
    const height = map.height + band;
    return `<?xml version="1.0" encoding="UTF-8"?>
<svg class="strategy-svg alignment-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">
<title>${escapeHtml(view.title)}</title>
<style>${standaloneSvgCss}</style>
<rect class="svg-background" width="100%" height="100%"/>
<text class="t-view-title" x="20" y="28">${escapeHtml(viewTitleLine(view.title, width - 40))}</text>
<text class="t-muted" x="20" y="46">${escapeHtml(summary)}</text>
${visionSvg(view.vision, 20, 64, width - 40)}<g transform="translate(0 ${band})">${map.body}</g>
</svg>
`;
}
