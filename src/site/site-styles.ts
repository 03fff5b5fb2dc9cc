import { gradeLabel } from '../model/metric-text.js';
import { previewCss } from '../render/preview-styles.js';

// The site's one stylesheet: the views' own (canvases, map and roadmap look as they do in the preview and the
// HTML export, light or dark by the reader's system, plain on paper) and the site's frame around them.

const frame = `
body.strategy-site { padding: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; line-height: 1.5; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; padding: 10px 24px;
  border-bottom: 1px solid var(--sv-border); background: var(--sv-box); }
.site-header .site-name { font-weight: 600; color: var(--sv-fg); text-decoration: none; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 4px 14px; margin: 0; padding: 0; list-style: none; }
.site-nav a { color: var(--sv-accent); text-decoration: none; }
.site-nav a[aria-current="page"] { color: var(--sv-fg); font-weight: 600; }
.site-search { margin-left: auto; display: flex; gap: 4px; }
.site-search input { font: inherit; padding: 3px 8px; min-width: 14em; color: var(--sv-fg); background: var(--sv-bg);
  border: 1px solid var(--sv-border); border-radius: 4px; }
.site-search button { font: inherit; padding: 3px 10px; color: var(--sv-fg); background: var(--sv-bg);
  border: 1px solid var(--sv-border); border-radius: 4px; cursor: pointer; }
.site-main { max-width: 1100px; margin: 0 auto; padding: 16px 24px 40px; }
.site-main.site-wide { max-width: 1600px; }
.site-main h1 { font-size: 1.6em; margin: 8px 0 4px; }
.site-main h2 { font-size: 1.25em; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--sv-border); }
.site-main h3 { font-size: 1.05em; margin: 0; }
.site-main a { color: var(--sv-accent); }
.site-main a:focus-visible, .site-nav a:focus-visible { outline: 2px solid var(--sv-focus); outline-offset: 2px; }
.site-lede { color: var(--sv-muted); margin: 0 0 12px; }
.site-vision { font-size: 1.15em; margin: 4px 0 16px; }
.site-main code, .site-id { font-family: ui-monospace, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.92em; }
.site-counts { display: flex; flex-wrap: wrap; gap: 8px 20px; padding: 0; list-style: none; }
.site-tree, .site-tree ul { list-style: none; padding-left: 1.2em; margin: 0; }
.site-tree { padding-left: 0; }
.site-tree li { margin: 4px 0; }
.site-tree ul { border-left: 1px solid var(--sv-border); margin-left: 0.4em; }
.site-metrics { margin: 2px 0 2px 1.2em; padding: 0; list-style: none; color: var(--sv-muted); }
.grade { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.85em; border: 1px solid currentColor; }
${Object.keys(gradeLabel).filter(grade => grade !== 'no-reading').map(grade => `.grade-${grade} { color: var(--sv-${grade}); }`).join('\n')}
.grade-no-reading { color: var(--sv-muted); }
.site-table { border-collapse: collapse; width: 100%; font-size: 0.95em; }
.site-table th, .site-table td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--sv-border); }
.site-table th { color: var(--sv-muted); font-weight: 600; }
.severity-error { color: var(--sv-error); font-weight: 600; }
.severity-warning { color: var(--sv-warning); font-weight: 600; }
.element { padding: 12px 0; border-bottom: 1px solid var(--sv-border); scroll-margin-top: 8px; }
.element:target { background: var(--sv-hover); outline: 2px solid var(--sv-focus); outline-offset: 4px; }
.element .site-where { color: var(--sv-muted); font-size: 0.9em; margin: 2px 0 6px; }
.element dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 6px 0; }
.element dt { color: var(--sv-muted); }
.element dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.element .site-links { margin: 4px 0; padding-left: 1.2em; }
.site-links-label { color: var(--sv-muted); font-size: 0.9em; margin: 6px 0 0; }
.site-results { padding-left: 1.2em; }
.site-results li { margin: 3px 0; }
.site-kind { color: var(--sv-muted); font-size: 0.85em; }
.site-footer { max-width: 1100px; margin: 0 auto; padding: 12px 24px 24px; color: var(--sv-muted); font-size: 0.85em; }
.site-skip { position: absolute; left: -9999px; }
.site-skip:focus { left: 8px; top: 8px; padding: 4px 8px; background: var(--sv-bg); }
@media print {
  .site-header, .site-search, .site-skip { display: none; }
  .site-main { max-width: none; padding: 0; }
  .element { break-inside: avoid; }
  .element:target { background: none; outline: none; }
  .site-main a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
}
`;

export const siteCss = `${previewCss}${frame}`;
