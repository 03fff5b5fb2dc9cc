import { paletteCss } from '../palette.js';
import { wrapText } from './text-wrap.js';

// The look of the SVG the renderers draw (the alignment map, the canvases exported as SVG): one set of rules that
// the preview's stylesheet includes for the map inside the webview, and that a standalone SVG file embeds.

export const fontFamily = 'var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, "Helvetica Neue", Arial, sans-serif)';

/** The view title's size in the rules below. */
const viewTitleSize = 16;

/**
 * The SVG exports' view title as one line of `width` pixels, cut with `…` when longer (the SVG's <title> holds it
 * whole). Estimates of bold capitals run up to a tenth short of real fonts: a tenth of the line is kept free.
 */
export function viewTitleLine(title: string, width: number): string {
    return wrapText(title, width * 0.9, { fontSize: viewTitleSize, bold: true, maxLines: 1 })[0];
}

/** Rules for `svg.strategy-svg` and the progress bars (which the HTML views draw as small SVGs too). */
export const svgRules = `
svg.strategy-svg { font-family: ${fontFamily}; font-size: 12px; }
svg.strategy-svg text { fill: var(--sv-fg); }
.svg-background { fill: var(--sv-bg); }
.card-bg, .box-bg { fill: var(--sv-box); stroke: var(--sv-border); stroke-width: 1; }
.row-bg { fill: transparent; }
.strategy-svg .t-id { font-weight: 600; }
.strategy-svg .t-heading { font-weight: 600; font-size: 13px; }
.strategy-svg .t-objective-title { font-size: 14px; }
.strategy-svg .t-view-title { font-weight: 600; font-size: ${viewTitleSize}px; }
.strategy-svg .t-muted, .strategy-svg .t-figures, .strategy-svg .t-label, .strategy-svg .t-hint { fill: var(--sv-muted); }
.strategy-svg .t-label { font-size: 11px; font-weight: 600; letter-spacing: 0.02em; }
.strategy-svg .t-hint { font-style: italic; }
.strategy-svg .box-number-bg { fill: var(--sv-accent); }
.strategy-svg .box-number { fill: var(--sv-bg); font-weight: 700; font-size: 11px; }
.badge-bg { fill: none; stroke: var(--sv-muted); stroke-width: 1; }
.strategy-svg .badge text { fill: var(--sv-muted); font-size: 10.5px; }
.badge-warning .badge-bg { stroke: var(--sv-warning); }
.strategy-svg .badge-warning text { fill: var(--sv-warning); }
.badge-error .badge-bg { stroke: var(--sv-error); }
.strategy-svg .badge-error text { fill: var(--sv-error); }
.progress-track { fill: var(--sv-track); }
.strategy-svg .progress-text { font-size: 11px; }
.grade-on-track .progress-fill { fill: var(--sv-on-track); }
.grade-at-risk .progress-fill { fill: var(--sv-at-risk); }
.grade-off-track .progress-fill { fill: var(--sv-off-track); }
.grade-overdue .progress-fill { fill: var(--sv-overdue); }
.grade-reached .progress-fill { fill: var(--sv-reached); }
.metric-chart { overflow: hidden; color: var(--sv-accent); }
.metric-chart.grade-on-track, .metric-chart.grade-reached, .metric-chart.grade-healthy { color: var(--sv-on-track); }
.metric-chart.grade-at-risk { color: var(--sv-at-risk); }
.metric-chart.grade-off-track, .metric-chart.grade-overdue, .metric-chart.grade-out-of-range { color: var(--sv-off-track); }
.chart-frame { fill: var(--sv-bg); stroke: var(--sv-border); stroke-width: 1; }
.chart-range { fill: var(--sv-healthy); fill-opacity: 0.18; }
.chart-baseline { stroke: var(--sv-muted); stroke-width: 1; stroke-opacity: 0.6; }
.chart-target-line { stroke: var(--sv-fg); stroke-width: 1; stroke-dasharray: 1 2; stroke-opacity: 0.6; }
.chart-target { fill: var(--sv-fg); }
.chart-today { stroke: var(--sv-muted); stroke-width: 1; stroke-dasharray: 2 1; }
.chart-line { fill: none; stroke: currentColor; stroke-width: 1.5; stroke-linejoin: round; }
.chart-forecast { stroke: currentColor; stroke-width: 1.5; stroke-dasharray: 3 2; }
.chart-point { fill: currentColor; stroke: var(--sv-bg); stroke-width: 0.5; }
.chart-point-baseline { fill: var(--sv-bg); stroke: currentColor; stroke-width: 1; }
.edge { fill: none; stroke: var(--sv-edge); stroke-width: 1.5; }
.edge-advances { stroke-dasharray: 6 4; }
.edge-arrow { fill: var(--sv-edge); }
.node.unmeasured > .card-bg, .group-not-aligned > .card-bg { stroke: var(--sv-warning); stroke-width: 1.5; stroke-dasharray: 6 3; }
.node.cycle > .card-bg { stroke: var(--sv-error); stroke-width: 1.5; }
.strategy-svg .unresolved text { fill: var(--sv-error); }
.node-ticket.done { opacity: 0.5; }
.map-whole, .map-hidden { display: none; }
.map-whole.expanded:not(.map-hidden) { display: inline; }
.map-whole > .card-bg { stroke: var(--sv-accent); }
.map-focus { cursor: pointer; }
.map-focus-bg { fill: var(--sv-box); stroke: var(--sv-border); }
.map-focus-icon { fill: none; stroke: var(--sv-muted); stroke-width: 1.5; }
.map-focus:hover .map-focus-bg, .map-focus:focus-visible .map-focus-bg { stroke: var(--sv-focus); }
.map-more { cursor: pointer; }
.strategy-svg g[data-uri] { cursor: pointer; }
.strategy-svg g[data-uri]:hover > .row-bg { fill: var(--sv-hover); }
.strategy-svg g[data-uri]:hover > .card-bg { stroke: var(--sv-accent); }
.strategy-svg g[tabindex]:focus { outline: none; }
.strategy-svg g[tabindex]:focus-visible > :first-child { stroke: var(--sv-focus); stroke-width: 2; }
.badge-diff-added .badge-bg { fill: var(--sv-on-track); stroke: var(--sv-on-track); }
.badge-diff-changed .badge-bg, .badge-diff-renamed .badge-bg { fill: var(--sv-accent); stroke: var(--sv-accent); }
.badge-diff-removed .badge-bg { fill: var(--sv-error); stroke: var(--sv-error); }
.strategy-svg .badge-diff-added text, .strategy-svg .badge-diff-changed text, .strategy-svg .badge-diff-renamed text, .strategy-svg .badge-diff-removed text { fill: var(--sv-bg); font-weight: 600; }
.strategy-svg .t-change { fill: var(--sv-fg); }
.strategy-svg .diff-removed .t-id, .strategy-svg .diff-removed .t-title { text-decoration: line-through; }
`;

/** The style a standalone SVG file embeds: the palette on its root, then the rules. */
export const standaloneSvgCss = paletteCss(':root') + svgRules;
