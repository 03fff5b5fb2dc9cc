import type { Model } from '../language/generated/ast.js';
import type { AlignmentModel } from '../model/alignment.js';
import type { SourceDiagnostic } from '../model/diff/diagnostic-changes.js';
import { traceOf } from '../model/trace.js';
import { plural } from '../model/values.js';
import { escapeHtml } from '../render/escape.js';
import { elementIndex } from './element-index.js';
import { elementPages } from './element-pages.js';
import { indexPage } from './index-page.js';
import { searchPage } from './search-page.js';
import { pageHtml, type NavEntry, type SiteFrame } from './site-page.js';
import { tracePage } from './trace-page.js';
import { viewPages } from './view-pages.js';

// `strategy build`: the whole strategy as a folder of pages, from the model every other view reads. Pure: the
// same model, files and day give the same pages, byte for byte, so a team can commit the site and diff it.

export interface SiteInput {
    model: AlignmentModel;
    /** Each document with its path relative to the site's root folder (as the pages show it). */
    roots: ReadonlyArray<{ file: string; root: Model }>;
    /** What `strategy check` reports for the same files, paths relative to the same folder. */
    diagnostics: readonly SourceDiagnostic[];
}

export interface SiteFile {
    /** A plain file name: the site is one flat folder. */
    name: string;
    content: string;
}

export function buildSite({ model, roots, diagnostics }: SiteInput): SiteFile[] {
    const index = elementIndex(roots);
    const trace = traceOf(model);
    const views = viewPages(model, index);
    const kinds = elementPages(model, index, element => {
        const page = views.canvasPage.get(element);
        return page ? `<p><a href="${escapeHtml(page)}">Open the canvas</a></p>` : '';
    });
    const roadmap = views.contents.find(entry => entry.page !== 'map.html' && /^Roadmap/.test(entry.label));
    const nav: NavEntry[] = [
        { page: 'index.html', label: 'Overview' },
        { page: 'map.html', label: 'Map' },
        ...roadmap ? [{ page: roadmap.page, label: 'Roadmap' }] : [],
        { page: 'trace.html', label: 'Trace' },
        ...index.pages.map(kind => ({ page: kind.page, label: kind.heading }))
    ];
    const problems = diagnostics.length > 0 ? ` · ${plural(diagnostics.length, 'problem')}` : '';
    const frame: SiteFrame = {
        name: 'Strategy',
        nav,
        footer: `Built by <code>strategy build</code> from ${plural(roots.length, '.strategy file')}${problems} · metrics graded on ${escapeHtml(model.today)}`
    };
    const pages = [
        indexPage({ model, index, coverage: trace.coverage, diagnostics, views: views.contents }),
        ...views.pages,
        tracePage(index, trace),
        ...kinds,
        searchPage(index)
    ];
    return pages.map(page => ({ name: page.page, content: pageHtml(page, frame) }));
}
