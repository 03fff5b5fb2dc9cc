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
  display: flex;
  align-items: center;
  gap: 8px;
  flex: none;
  min-height: 32px;
  padding: 4px 16px;
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128, 128, 128, 0.35));
}
.preview-title {
  flex: 1;
  min-width: 0;
  margin: 0;
  font-size: 1.1em;
  font-weight: 600;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
}
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
.map-tools { display: flex; gap: 2px; }
.map-tools[hidden] { display: none; }
.map-tools [data-zoom="reset"] { min-width: 4.5em; }
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
  .preview-content { overflow: visible; padding: 0; }
}
`;
