import type { AstNode } from 'langium';
import type { Metric, Ticket, UserType } from '../language/generated/ast.js';
import { grammarFacts } from '../language/grammar-facts.js';
import type { AlignmentModel } from '../model/alignment.js';
import { metricLine } from '../model/metric-text.js';
import { metricTrace } from '../model/trace.js';
import { escapeHtml } from '../render/escape.js';
import type { ElementIndex, SiteElement, SiteLink } from './element-index.js';
import type { SitePage } from './site-page.js';
import { elementLink, gradeHtml, idCode, idLink } from './site-links.js';

// A page per kind of element: each element an entry with its own anchor, its fields as written, and its links
// both ways, what it refers to and what refers to it. Fields are read from the AST, so a field the grammar adds
// shows without a change here.

const skipped = new Set(['name', 'title']);

/** The source text of a part (`30 by 2027-06-30`), or its title (a plan's step). */
function partText(part: AstNode & { title?: unknown }): string {
    if (typeof part.title === 'string') return part.title;
    return part.$cstNode?.text.replace(/\s+/g, ' ') ?? '';
}

/**
 * A value as text; a web address (a ticket's `link` to its tracker) is a link too, which the reader may follow:
 * the page itself requests nothing from it.
 */
function valueHtml(text: string): string {
    if (!/^https?:\/\/[^\s"<>]+$/.test(text)) return escapeHtml(text);
    return `<a href="${escapeHtml(text)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`;
}

/** Every field of values as written, one row per field, in the order of the AST's properties. */
function fieldRows(element: SiteElement): string[] {
    const keywords = grammarFacts().valueKeywords;
    const rows: string[] = [];
    for (const [property, value] of Object.entries(element.node)) {
        if (property.startsWith('$') || skipped.has(property) || !Array.isArray(value) || value.length === 0) continue;
        const texts = value.map(item => (typeof item === 'string' || typeof item === 'number' ? String(item)
            : typeof item === 'object' && item !== null && '$type' in item && !('ref' in item) && !('$refText' in item) ? partText(item as AstNode)
                : undefined)).filter((text): text is string => text !== undefined);
        if (texts.length === 0) continue; // references: listed under "Refers to"
        if (element.type === 'UserType' && property === 'needs') continue; // entries of their own
        const keyword = keywords.get(`${element.type}.${property}`);
        const label = keyword && /^[a-z]+$/.test(keyword) ? keyword : property;
        rows.push(`<dt>${escapeHtml(label)}</dt><dd>${texts.map(valueHtml).join('<br>')}</dd>`);
    }
    return rows;
}

/** A metric's progress in words, as `strategy trace` gives it: graded on the model's day. */
function metricRows(model: AlignmentModel, element: SiteElement): string[] {
    if (element.type !== 'Metric') return [];
    return [`<dt>progress</dt><dd>${escapeHtml(metricLine(metricTrace(model, element.node as Metric)))}${gradeBadge(model, element)}</dd>`];
}

/** A metric's grade as a badge, where a link names the metric: an objective's entry says how its metrics stand. */
function gradeBadge(model: AlignmentModel, element: SiteElement): string {
    return element.type === 'Metric' ? gradeHtml(model.metrics.get(element.node as Metric)?.progress?.grade) : '';
}

/** A ticket's objectives up to the top, as `strategy trace` gives them: the goal an engineer's work serves. */
function chainRows(model: AlignmentModel, index: ElementIndex, element: SiteElement): string[] {
    if (element.type !== 'Ticket') return [];
    const chain = model.chainOf(element.node as Ticket).map(objective => index.byNode.get(objective)).filter(found => found !== undefined);
    if (chain.length === 0) return [];
    return [`<dt>up to the top</dt><dd>${chain.map(objective => idLink(objective)).join(' › ')}</dd>`];
}

function linkList(model: AlignmentModel, label: string, links: readonly SiteLink[], other: (link: SiteLink) => SiteElement, page: string): string {
    if (links.length === 0) return '';
    const items = links.map(link => `<li>${escapeHtml(link.keyword)} ${elementLink(other(link), page)}${gradeBadge(model, other(link))}</li>`);
    return `<p class="site-links-label">${label}</p><ul class="site-links">${items.join('')}</ul>`;
}

/** A user type's needs, each an entry of its own on the needs' page. */
function partList(index: ElementIndex, element: SiteElement): string {
    const parts = element.type === 'UserType' ? (element.node as UserType).needs.map(need => index.byNode.get(need)) : [];
    const items = parts.filter(part => part !== undefined).map(part => `<li>${elementLink(part, element.page)}</li>`);
    return items.length > 0 ? `<p class="site-links-label">Needs</p><ul class="site-links">${items.join('')}</ul>` : '';
}

function entryHtml(model: AlignmentModel, index: ElementIndex, element: SiteElement, extra: (element: SiteElement) => string): string {
    const title = element.title.trim() ? ` ${escapeHtml(element.title)}` : '';
    const fields = [...metricRows(model, element), ...chainRows(model, index, element), ...fieldRows(element)];
    const outgoing = linkList(model, 'Refers to', index.outgoing.get(element) ?? [], link => link.to, element.page);
    const parts = partList(index, element);
    const incoming = linkList(model, 'Referred to by', index.incoming.get(element) ?? [], link => link.from, element.page);
    return `<article class="element" id="${escapeHtml(element.anchor)}">`
        + `<h3>${idCode(element.id)}${title}</h3>`
        + `<p class="site-where">${escapeHtml(element.file)}:${element.line}</p>`
        + (fields.length > 0 ? `<dl>${fields.join('')}</dl>` : '')
        + parts + extra(element) + outgoing + incoming
        + '</article>';
}

/**
 * One page per kind that has elements. `extra`: what the site adds to an entry (a canvas's link to its rendered
 * page).
 */
export function elementPages(model: AlignmentModel, index: ElementIndex, extra: (element: SiteElement) => string): SitePage[] {
    return index.pages.map(kind => {
        const listed = index.elements.filter(element => element.page === kind.page);
        const entries = listed.map(element => entryHtml(model, index, element, extra));
        const count = `${listed.length} ${listed.length === 1 ? 'entry' : 'entries'}, file by file as written`;
        return {
            page: kind.page,
            title: kind.heading,
            body: `<h1>${escapeHtml(kind.heading)}</h1><p class="site-lede">${count}</p>\n${entries.join('\n')}`
        };
    });
}
