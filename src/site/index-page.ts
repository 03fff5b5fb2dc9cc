import type { SourceDiagnostic } from '../model/diff/diagnostic-changes.js';
import type { AlignmentModel } from '../model/alignment.js';
import { buildAlignmentTree, type ObjectiveNode } from '../model/alignment-tree.js';
import { metricLine } from '../model/metric-text.js';
import type { Coverage } from '../model/trace.js';
import { plural } from '../model/values.js';
import { escapeHtml } from '../render/escape.js';
import type { ElementIndex, SiteElement } from './element-index.js';
import { elementLink, gradeHtml, idCode } from './site-links.js';
import { elementAt, problemsHtml } from './problems.js';
import { anchorScript } from './search-page.js';
import type { SitePage } from './site-page.js';

// The front page: what a reader from outside the team needs first. The vision, the objective tree with each
// metric's grade, how much of the backlog traces to a measured objective, and what the checks found.

export interface IndexInput {
    model: AlignmentModel;
    index: ElementIndex;
    coverage: Coverage;
    diagnostics: readonly SourceDiagnostic[];
    /** The site's other pages, for the contents: views first, then kinds of element. */
    views: Array<{ page: string; label: string }>;
}

function linkTo(index: ElementIndex, kind: string, id: string, title?: string): string {
    const element = index.byKey.get(`${kind}:${id}`);
    if (element) return elementLink(element);
    return `${idCode(id)}${title ? ` ${escapeHtml(title)}` : ''}`;
}

function objectiveHtml(index: ElementIndex, node: ObjectiveNode): string {
    const work = [
        node.solutions.length > 0 ? plural(node.solutions.length, 'solution') : '',
        node.tickets.length > 0 ? plural(node.tickets.length, 'ticket') : ''
    ].filter(Boolean).join(' · ');
    const marks = [node.measured ? '' : 'not measured', node.inCycle ? 'in a parent cycle' : ''].filter(Boolean);
    const metrics = node.metrics.map(metric => `<li>${linkTo(index, 'metric', metric.id, metric.title)}: ${escapeHtml(metricLine(metric))}${gradeHtml(metric.grade)}</li>`);
    const children = node.children.map(child => objectiveHtml(index, child));
    return `<li>${linkTo(index, 'objective', node.id, node.title)}`
        + (work ? ` <span class="site-kind">${escapeHtml(work)}</span>` : '')
        + (marks.length > 0 ? ` <span class="grade grade-no-reading">${escapeHtml(marks.join(', '))}</span>` : '')
        + (metrics.length > 0 ? `<ul class="site-metrics">${metrics.join('')}</ul>` : '')
        + (children.length > 0 ? `<ul>${children.join('')}</ul>` : '')
        + '</li>';
}

/** A list of elements by ID, links where the site has them; a long one folds after the first few. */
function idList(index: ElementIndex, kind: string, ids: readonly string[]): string {
    const items = ids.map(id => `<li>${linkTo(index, kind, id)}</li>`);
    if (items.length <= 12) return `<ul>${items.join('')}</ul>`;
    return `<ul>${items.slice(0, 10).join('')}</ul><details><summary>${items.length - 10} more</summary><ul>${items.slice(10).join('')}</ul></details>`;
}

function coverageHtml(index: ElementIndex, coverage: Coverage): string {
    const share = coverage.tickets === 0 ? '' : ` (${Math.round((coverage.measured / coverage.tickets) * 100)}%)`;
    const parts = [`<p>${coverage.measured} of ${plural(coverage.tickets, 'ticket')} in the backlog trace to a measured objective${share}.`
        + ' Dropped tickets are history and are not counted.</p>'];
    const list = (heading: string, kind: string, ids: readonly string[]) => {
        if (ids.length > 0) parts.push(`<h3>${escapeHtml(heading)} (${ids.length})</h3>${idList(index, kind, ids)}`);
    };
    list('Orphan tickets: they serve no objective', 'ticket', coverage.orphans);
    list('Tickets whose objectives have no metric', 'ticket', coverage.unmeasured);
    list('Objectives without work: no solution advances them, no ticket serves them', 'objective', coverage.objectivesWithoutWork);
    return parts.join('\n');
}

export function indexPage({ model, index, coverage, diagnostics, views }: IndexInput): SitePage {
    const tree = buildAlignmentTree(model);
    const vision = model.vision?.trim() ? `<p class="site-vision">${escapeHtml(model.vision)}</p>` : '<p class="site-lede">The workspace writes no vision.</p>';
    const counts = index.pages.map(kind => `<li><a href="${escapeHtml(kind.page)}">${escapeHtml(kind.heading)}</a> ${kind.count}</li>`);
    const contents = views.map(view => `<li><a href="${escapeHtml(view.page)}">${escapeHtml(view.label)}</a></li>`);
    const objectives = tree.objectives.length > 0
        ? `<ul class="site-tree">${tree.objectives.map(node => objectiveHtml(index, node)).join('')}</ul>`
        : '<p class="site-lede">No objectives yet.</p>';
    const health = tree.healthMetrics.length > 0
        ? `<h3>Health metrics</h3><ul class="site-metrics">${tree.healthMetrics.map(metric => `<li>${linkTo(index, 'metric', metric.id, metric.title)}: ${escapeHtml(metricLine(metric))}${gradeHtml(metric.grade)}</li>`).join('')}</ul>`
        : '';
    const located = (file: string, line: number): SiteElement | undefined => elementAt(index, file, line);
    return {
        page: 'index.html',
        title: 'Overview',
        body: `<h1>Strategy</h1>${vision}`
            + `<ul class="site-counts">${counts.join('')}</ul>`
            + (contents.length > 0 ? `<h2>Views</h2><ul>${contents.join('')}</ul>` : '')
            + `<h2>Objectives and their metrics</h2>${objectives}${health}`
            + `<h2>Coverage</h2>${coverageHtml(index, coverage)}`
            + `<h2 id="site-problems">Problems</h2>${problemsHtml(diagnostics, located)}`,
        script: anchorScript
    };
}
