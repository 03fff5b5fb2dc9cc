// The webview's own look: the header, the map's viewport that the script pans and zooms, the highlight. The
// rendered view's look is the renderer's `previewCss` (src/render/preview-styles.ts), shared with the HTML export.
// Colours are VS Code's theme variables, so light, dark and high-contrast themes apply, with readable fallbacks.

export const shellCss = `
html, body { height: 100%; }
body {
  margin: 0;
  padding: 0;
  display: flex;
  flex-direction: column;
  overflow: hidden;
  color: var(--vscode-editor-foreground, #1f2328);
  background: var(--vscode-editor-background, #ffffff);
  font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif);
  font-size: var(--vscode-font-size, 13px);
}
.preview-header {
  position: relative;
  display: flex;
  align-items: center;
  gap: 8px;
  flex: none;
  padding: 4px 16px;
  white-space: nowrap;
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
}
/* The title keeps its width up to almost half the line; the counts beside it are cut short first. A canvas has no
   counts: its title may take the line, and is cut only when the Problems button's short form leaves too little. */
.preview-title {
  flex: 0 1 auto;
  min-width: 0;
  max-width: 45%;
  margin: 0;
  font-size: 1.1em;
  font-weight: 600;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}
.preview-header:has(.view-info:empty) .preview-title { max-width: none; }
.preview-title[data-uri] { cursor: pointer; }
.preview-title[data-uri]:hover { text-decoration: underline; }
.preview-title:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: 1px; }
.preview-header button {
  font: inherit;
  color: var(--vscode-button-secondaryForeground, inherit);
  background: var(--vscode-button-secondaryBackground, transparent);
  border: 1px solid var(--vscode-button-border, rgba(128, 128, 128, 0.45));
  border-radius: 2px;
  padding: 2px 8px;
  cursor: pointer;
  white-space: nowrap;
}
.preview-header button:hover { background: var(--vscode-button-secondaryHoverBackground, rgba(128, 128, 128, 0.2)); }
.preview-header button:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: 1px; }
/* The view's counts and legend, moved here by the script: the header stays one line, the counts cut short first. */
.view-info { flex: 1 1 auto; min-width: 0; display: flex; align-items: center; gap: 8px; }
.view-info .view-summary { flex: 0 1 auto; min-width: 0; margin: 0; overflow: hidden; text-overflow: ellipsis; font-size: 0.92em; }
/* Where the line is short (src/webview/header-fit.ts): tighter spacing before any text is dropped. */
.preview-header.compact { gap: 4px; padding: 4px 8px; }
.preview-header.compact .view-info { gap: 4px; }
.preview-header.compact button:not([data-zoom="reset"]) { padding: 2px 5px; }
.view-info .view-legend { flex: none; color: var(--vscode-descriptionForeground, #6e7781); font-size: 0.92em; }
.view-info .view-legend > summary { cursor: pointer; }
.view-info .view-legend > summary:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: 1px; }
.view-info .view-legend > .legend {
  position: absolute;
  top: 100%;
  left: 8px;
  right: 8px;
  z-index: 10;
  margin: 0;
  padding: 8px 12px;
  white-space: normal;
  background: var(--vscode-editorWidget-background, var(--vscode-editor-background, #ffffff));
  border: 1px solid var(--vscode-editorWidget-border, rgba(128, 128, 128, 0.45));
  border-radius: 4px;
  box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0, 0, 0, 0.25));
}
/* The title, kind and ID the shell's title already shows; what else the view's header held is in .view-info. */
.preview-content > .strategy-view > .view-header { display: none; }
.map-tools { display: flex; gap: 2px; flex: none; }
.map-tools[hidden] { display: none; }
.map-tools [data-zoom="reset"] { min-width: 3.8em; padding: 2px 4px; }
/*
 * The map's filter: a funnel button. Open, a field; while it has the focus it takes the room of the counts and the
 * zoom buttons (the header stays one line at the side panel's 541 px), afterwards it keeps a short field that shows
 * the filter applied, the title and the counts of what it keeps giving up room to it. Its problems open over the view while
 * it has the focus; afterwards its red border and tooltip say there are some.
 */
.map-filter { flex: none; display: flex; align-items: center; gap: 2px; min-width: 0; }
.map-filter[hidden] { display: none; }
.map-filter.open { flex: 0 1 14em; min-width: 9em; }
.preview-header:has(.map-filter.open) > .preview-title { flex-shrink: 1; min-width: 5em; }
.map-filter.open:focus-within { flex: 1 1 auto; }
.preview-header:has(.map-filter.open:focus-within) > .view-info,
.preview-header:has(.map-filter.open:focus-within) > .map-tools { display: none; }
.preview-header:has(.map-filter.open) .view-legend { display: none; }
.map-filter:not(.open) > .filter-input, .map-filter:not(.open) > .filter-clear { display: none; }
.preview-header .filter-toggle { flex: none; padding: 2px 5px; line-height: 0; }
.filter-toggle > svg { width: 14px; height: 14px; fill: none; stroke: currentColor; stroke-width: 1.3; stroke-linejoin: round; }
.map-filter.active > .filter-toggle > svg { fill: currentColor; }
.filter-input {
  flex: 1 1 auto;
  min-width: 0;
  width: 100%;
  font: inherit;
  padding: 2px 4px;
  color: var(--vscode-input-foreground, inherit);
  background: var(--vscode-input-background, transparent);
  border: 1px solid var(--vscode-input-border, rgba(128, 128, 128, 0.45));
  border-radius: 2px;
}
.filter-input:focus { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: -1px; }
.filter-input[aria-invalid="true"] { border-color: var(--vscode-inputValidation-errorBorder, #be1100); }
.preview-header .filter-clear { flex: none; padding: 2px 6px; }
.filter-note {
  position: absolute;
  top: calc(100% + 2px);
  right: 8px;
  z-index: 10;
  width: max-content;
  max-width: min(360px, calc(100% - 16px));
  padding: 4px 8px;
  white-space: pre-wrap;
  font-size: 0.92em;
  color: var(--vscode-inputValidation-errorForeground, inherit);
  background: var(--vscode-inputValidation-errorBackground, var(--vscode-editorWidget-background, #ffffff));
  border: 1px solid var(--vscode-inputValidation-errorBorder, #be1100);
}
.filter-note[hidden], .map-filter:not(:focus-within) > .filter-note { display: none; }
.filter-empty { padding: 24px 16px; }
.filter-empty > p { margin: 0 0 12px; }
.filter-empty code { font-family: var(--vscode-editor-font-family, monospace); overflow-wrap: anywhere; }
.filter-empty > button {
  font: inherit;
  color: var(--vscode-button-foreground, #ffffff);
  background: var(--vscode-button-background, #0078d4);
  border: 1px solid var(--vscode-button-border, transparent);
  border-radius: 2px;
  padding: 4px 12px;
  cursor: pointer;
}
.filter-empty > button:hover { background: var(--vscode-button-hoverBackground, #026ec1); }
.problems { flex: none; margin-left: auto; }
.problems.has-errors { color: var(--vscode-errorForeground, #c72e0f); border-color: currentColor; }
.problems.has-warnings { color: var(--vscode-editorWarning-foreground, #8a5a00); border-color: currentColor; }
.preview-content {
  flex: 1;
  min-height: 0;
  overflow: auto;
  padding: 16px;
  box-sizing: border-box;
}
.preview-content:has(> .strategy-view[data-view="map"]) { padding: 0; overflow: hidden; }
.preview-content > .strategy-view[data-view="map"] {
  height: 100%;
  box-sizing: border-box;
  display: flex;
  flex-direction: column;
}
.preview-content > .strategy-view[data-view="map"] > :not(.map-viewport) { flex: none; }
.preview-content .map-viewport {
  position: relative;
  flex: 1;
  min-height: 0;
  overflow: hidden;
  cursor: grab;
  user-select: none;
  touch-action: none;
}
.preview-content .map-viewport.panning { cursor: grabbing; }
.preview-content .map-viewport:focus-visible { outline: 1px solid var(--vscode-focusBorder, #0078d4); outline-offset: -1px; }
.preview-content .map-viewport > svg {
  display: block;
  max-width: none;
  max-height: none;
  transform-origin: 0 0;
}
.preview-content [data-uri] { cursor: pointer; }
.preview-content .map-viewport.panning [data-uri] { cursor: grabbing; }
.preview-content .highlighted {
  outline: 2px solid var(--vscode-focusBorder, #0078d4);
  outline-offset: 2px;
}
.preview-content svg .highlighted { outline: none; }
.preview-content svg .highlighted > :first-child {
  stroke: var(--vscode-focusBorder, #0078d4);
  stroke-width: 3px;
}
body.vscode-high-contrast .preview-content .highlighted { outline-color: var(--vscode-contrastActiveBorder, #f38518); }
body.vscode-high-contrast .preview-content svg .highlighted > :first-child { stroke: var(--vscode-contrastActiveBorder, #f38518); }
.preview-loading { opacity: 0.7; }
@media print {
  html, body { height: auto; }
  body { display: block; overflow: visible; }
  .preview-header { display: none; }
  .preview-content > .strategy-view > .view-header { display: block; }
  .preview-content { overflow: visible; padding: 0; }
}
`;
