import type { Trace } from '../model/trace.js';
import { escapeHtml } from '../render/escape.js';
import type { ElementIndex } from './element-index.js';
import { elementLink, gradeHtml, keyLink } from './site-links.js';
import type { SitePage } from './site-page.js';

// `strategy trace` as a page: every ticket, the objectives it serves up to the top, and how the metrics of the
// nearest measured one stand.

export function tracePage(index: ElementIndex, trace: Trace): SitePage {
    const rows = trace.tickets.map(ticket => {
        const element = index.byKey.get(`ticket:${ticket.id}`);
        const chain = ticket.chain.length > 0
            ? ticket.chain.map(objective => keyLink(index, `objective:${objective.id}`, objective.id)).join(' › ')
            : '<span class="severity-warning">serves no objective</span>';
        // The nearest objective with metrics measures the ticket's work; the ones above are on the index's tree.
        const measuredBy = ticket.chain.find(objective => objective.metrics.length > 0);
        const metrics = (measuredBy?.metrics ?? []).map(metric => {
            return `${keyLink(index, `metric:${metric.id}`, metric.id)}${gradeHtml(metric.grade)}`;
        });
        return `<tr><td>${element ? elementLink(element) : escapeHtml(ticket.id)}</td>`
            + `<td>${escapeHtml(ticket.status ?? '')}</td><td>${chain}</td>`
            + `<td>${metrics.length > 0 ? metrics.join('<br>') : ticket.chain.length > 0 ? '<span class="severity-warning">no metric on the way up</span>' : ''}</td></tr>`;
    });
    const { coverage } = trace;
    const body = rows.length === 0
        ? '<p class="site-lede">The workspace has no tickets.</p>'
        : '<table class="site-table"><thead><tr><th>Ticket</th><th>Status</th><th>Serves, up to the top</th><th>Measured by</th></tr></thead>'
            + `<tbody>${rows.join('\n')}</tbody></table>`;
    return {
        page: 'trace.html',
        title: 'Trace',
        body: '<h1>Trace: from each ticket to the goal it serves</h1>'
            + `<p class="site-lede">${coverage.measured} of ${coverage.tickets} tickets in the backlog reach a measured objective; `
            + 'tickets are listed by priority and status, as <code>strategy trace</code> lists them.</p>'
            + body
    };
}
