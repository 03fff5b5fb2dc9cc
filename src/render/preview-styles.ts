import { gridColumns, productAreas, strategyAreas, swotAreas } from './canvas/canvas-areas.js';
import { paletteCss } from './palette.js';
import { roadmapRules } from './roadmap/roadmap-styles.js';
import { fontFamily, svgRules } from './svg/svg-styles.js';

// The one stylesheet of the rendered views: the webview inlines it with a nonce, the HTML export with its hash.
// Colours come from the palette (VS Code's theme variables inside the webview, readable fallbacks elsewhere);
// sizes are relative to the editor's font, so the preview follows the user's zoom and font settings.

const boxNames = [...new Set([...productAreas, ...strategyAreas, ...swotAreas].flat())];

function gridTemplate(areas: string[][]): string {
    return areas.map(row => `"${row.join(' ')}"`).join(' ');
}

const layout = `
.strategy-view {
  color: var(--sv-fg);
  font-family: ${fontFamily};
  font-size: var(--vscode-font-size, 14px);
  line-height: 1.45;
  overflow-wrap: anywhere; /* a word longer than its line breaks: a 20,000-character title made the page 200,000 px wide */
}
.strategy-view *, .strategy-view *::before, .strategy-view *::after { box-sizing: border-box; }
.view-header { margin: 0 0 12px; }
.view-header h1 { margin: 0; font-size: 1.4em; font-weight: 600; line-height: 1.25; }
.view-kind { margin: 0 0 2px; color: var(--sv-muted); font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.06em; }
.view-summary { margin: 4px 0 0; color: var(--sv-muted); }
/* The vision on one line above the view, cut with an ellipsis, whole on hover. */
.view-vision { margin: 0 0 10px; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.view-vision:hover { white-space: normal; }
.view-vision-label { color: var(--sv-muted); font-size: 0.85em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; margin-right: 4px; }
.strategy-view[data-view="map"] > .view-vision { margin: 0; padding: 4px 8px; }
.strategy-view code, .strategy-view .item-id {
  font-family: var(--vscode-editor-font-family, ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace);
  font-size: 0.9em;
}
.strategy-view .item-id { color: var(--sv-muted); overflow-wrap: anywhere; }
.view-title { font-weight: 600; }
/* A row is as tall as its fullest box: no minimum height leaves empty boxes tall. */
.canvas { display: grid; gap: 8px; grid-template-columns: repeat(${gridColumns}, minmax(0, 1fr)); }
.canvas-product { grid-template-areas: ${gridTemplate(productAreas)}; }
.canvas-strategy { grid-template-areas: ${gridTemplate(strategyAreas)}; }
/* SWOT: its two columns under their axis names (helpful, harmful), its two rows beside theirs (internal, external). */
.canvas-swot {
  grid-template-columns: auto minmax(0, 1fr) minmax(0, 1fr);
  grid-template-areas: ". column-1 column-2" "row-1 strengths weaknesses" "row-2 opportunities threats";
}
/* A long canvas text is cut to its first lines (a 2,000-character text would fill the page), whole on hover or focus. */
.item-text > .text { display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 12; overflow: hidden; }
.item-text:hover > .text, .item-text:focus > .text, .item-text:focus-within > .text { -webkit-line-clamp: unset; }
.axis { color: var(--sv-muted); font-size: 0.85em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; text-align: center; }
.axis-row { writing-mode: vertical-rl; transform: rotate(180deg); align-self: center; }
${['column-1', 'column-2', 'row-1', 'row-2'].map(name => `[data-axis="${name}"] { grid-area: ${name}; }`).join('\n')}
${boxNames.map(name => `.box-${name} { grid-area: ${name}; }`).join('\n')}
.box {
  min-width: 0;
  padding: 10px 12px 12px;
  border: 1px solid var(--sv-border);
  border-radius: 6px;
  background: var(--sv-box);
  overflow-wrap: anywhere;
}
.box h2 { display: flex; align-items: baseline; gap: 8px; margin: 0 0 8px; font-size: 1em; font-weight: 600; }
.box-number {
  display: inline-flex; align-items: center; justify-content: center; flex: none;
  min-width: 1.6em; height: 1.6em; padding: 0 0.3em; border-radius: 0.8em;
  background: var(--sv-accent); color: var(--sv-bg); font-size: 0.8em; font-weight: 700;
}
.entries { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 2px; }
.entries .entries { margin: 2px 0 4px 14px; padding-left: 8px; border-left: 2px solid var(--sv-border); }
.item { display: block; padding: 3px 6px; border-radius: 4px; }
.item[data-uri] { cursor: pointer; }
.item[data-uri]:hover, .view-title[data-uri]:hover { background: var(--sv-hover); }
.item:focus { outline: none; }
.item:focus-visible, .view-title:focus-visible { outline: 2px solid var(--sv-focus); outline-offset: 1px; }
.item-title { unicode-bidi: isolate; }
.text { white-space: pre-line; unicode-bidi: isolate; }
.text.empty { color: var(--sv-muted); font-style: italic; }
.label { margin-top: 6px; color: var(--sv-muted); font-size: 0.85em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; }
.hint { margin: 0; padding: 3px 6px; color: var(--sv-muted); font-style: italic; }
.hint code { font-style: normal; }
.badge {
  display: inline-block; padding: 0 0.5em; border: 1px solid var(--sv-muted); border-radius: 0.8em;
  color: var(--sv-muted); font-size: 0.8em; line-height: 1.5; vertical-align: 0.05em;
  max-width: 100%; /* a badge fits on one line as a whole; only one wider than the box breaks */
}
.badge-warning { border-color: var(--sv-warning); color: var(--sv-warning); }
.badge-error { border-color: var(--sv-error); color: var(--sv-error); }
.item.unresolved .item-id { color: var(--sv-error); text-decoration: underline wavy var(--sv-error); }
/*
 * The static site links each element's ID (its title where no ID is shown) to the element's page: it reads as the
 * ID does (colour and weight inherited, an SVG label keeps its fill), underlined on hover and keyboard focus, with
 * the focus ring every control has. On paper it is plain text.
 */
.strategy-view a.element-link { color: inherit; text-decoration: none; border-radius: 2px; }
.strategy-view a.element-link:hover, .strategy-view a.element-link:focus-visible,
.strategy-svg a.element-link:hover > text, .strategy-svg a.element-link:focus-visible > text { text-decoration: underline; }
.strategy-view a.element-link:focus { outline: none; }
.strategy-view a.element-link:focus-visible { outline: 2px solid var(--sv-focus); outline-offset: 1px; }
.metric-figures { color: var(--sv-muted); font-size: 0.92em; }
/* A figure (20%, 2027-12-28, 20% → 22.5%) never breaks inside; the words around it wrap between words. */
.figure { white-space: nowrap; }
.metric-note { color: var(--sv-muted); font-size: 0.85em; font-style: italic; }
/* The words go under the bar (and the progress under the chart) when a narrow box has no room beside it. */
.progress { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 8px; margin-top: 2px; font-size: 0.9em; }
.progress-bar { flex: none; width: 7em; height: 0.55em; }
.progress-text { flex: 1 1 12em; min-width: 0; color: var(--sv-fg); }
.metric-trend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin-top: 4px; }
.metric-trend > .metric-chart { flex: none; }
.metric-trend > .progress, .metric-trend > .metric-note { flex: 1 1 16em; min-width: 0; margin-top: 0; }
.strategy-view[data-view="map"] { display: flex; flex-direction: column; }
.strategy-view[data-view="map"] > .view-header { flex: none; margin: 0; padding: 10px 16px; }
.map-viewport { flex: 1 1 auto; min-height: 0; overflow: auto; }
.map-viewport > svg { display: block; }
.map-viewport > svg.alignment-map { overflow: visible; }
.map-breadcrumb { flex: none; padding: 2px 16px; }
.map-breadcrumb button { font: inherit; color: var(--sv-accent); background: none; border: none; padding: 0; cursor: pointer; }
.view-changes { flex: none; padding: 4px 16px; border-bottom: 1px solid var(--sv-border); background: var(--sv-box); }
.view-changes .changes-headline { font-weight: 600; }
.view-changes .leave-comparison { margin-left: 8px; font: inherit; color: var(--sv-accent); background: none; border: 1px solid var(--sv-border); border-radius: 2px; padding: 1px 8px; cursor: pointer; }
.view-changes .changes-notes { margin: 2px 0 0; padding-left: 1.2em; color: var(--sv-warning); font-size: 0.9em; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 6px 0 0; padding: 0; list-style: none; color: var(--sv-muted); font-size: 0.85em; }
.legend svg { color: var(--sv-accent); width: 2.2em; height: 0.8em; vertical-align: -0.05em; margin-right: 4px; }
.legend .legend-edge { stroke: var(--sv-edge); stroke-width: 1.5; }
.legend .legend-advances { stroke-dasharray: 5 3; }
.view-legend > summary { margin-top: 6px; color: var(--sv-muted); font-size: 0.85em; cursor: pointer; }
.empty-map { margin: 16px; color: var(--sv-muted); font-style: italic; }
body.strategy-export { margin: 0; padding: 24px; color: var(--sv-fg); background: var(--sv-bg); }
body.strategy-export .strategy-view { max-width: 1600px; margin: 0 auto; }
body.strategy-export .map-viewport { border: 1px solid var(--sv-border); border-radius: 6px; }
/*
 * The side panel's usual width: the product canvas in two columns, its boxes in number order down the first and on
 * down the second, each box as tall as its content (rows of a grid left the shorter box of each pair half empty).
 * The strategy canvas is two by two already.
 */
@media (max-width: 800px) {
  .canvas-product { display: block; column-count: 2; column-gap: 8px; }
  .canvas-product > .box { break-inside: avoid; margin-bottom: 8px; }
  .canvas-product .entries .entries { margin-left: 6px; }
}
@media (max-width: 479.98px) {
  .canvas { grid-template-columns: minmax(0, 1fr); grid-template-areas: none; }
  .canvas > .box { grid-area: auto; }
  .canvas-product { column-count: 1; }
  /* One column has no sides to name: the boxes' titles say which quadrant each is. */
  .canvas-swot > .axis { display: none; }
}
@media print {
  .strategy-view { font-size: 10.5pt; }
  .item-text > .text { -webkit-line-clamp: unset; }
  body.strategy-export { padding: 0; }
  .box { break-inside: avoid; }
  .progress-bar, .metric-chart, .box-number, .badge { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .strategy-view[data-view="map"] { display: block; }
  .map-viewport { overflow: visible !important; height: auto !important; border: none !important; }
  .map-viewport > svg { transform: none !important; max-width: 100% !important; height: auto !important; }
  .strategy-view a.element-link, .strategy-svg a.element-link > text { text-decoration: none !important; outline: none !important; }
}
`;

/** Palette, canvas and map layout, the SVG rules (map and progress bars), the roadmap's, print. */
export const previewCss = paletteCss(':root') + layout + svgRules + roadmapRules;
