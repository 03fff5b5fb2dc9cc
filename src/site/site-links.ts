import type { Grade } from '../model/progress.js';
import { gradeLabel } from '../model/metric-text.js';
import { escapeHtml } from '../render/escape.js';
import type { ElementIndex, SiteElement } from './element-index.js';

// How every page of the site names an element and a grade, so that they read and link alike everywhere.

/** The element's entry: `objectives.html#Engagement`, or `#Engagement` from its own page. */
export function hrefOf(element: SiteElement, fromPage?: string): string {
    return element.page === fromPage ? `#${element.anchor}` : `${element.page}#${element.anchor}`;
}

/** An ID as the site shows one, without a link. */
export function idCode(id: string): string {
    return `<code class="site-id">${escapeHtml(id)}</code>`;
}

/** `<a href="metrics.html#Activation"><code>Activation</code></a>`: the element's ID, linked to its entry. */
export function idLink(element: SiteElement, fromPage?: string): string {
    return `<a href="${escapeHtml(hrefOf(element, fromPage))}">${idCode(element.id)}</a>`;
}

/** The linked ID, then the title: how a list names an element. */
export function elementLink(element: SiteElement, fromPage?: string): string {
    return idLink(element, fromPage) + (element.title.trim() ? ` ${escapeHtml(element.title)}` : '');
}

/** The linked ID of the element with this view key (`metric:Revenue`), or the ID alone when the site has no entry. */
export function keyLink(index: ElementIndex, key: string, id: string): string {
    const element = index.byKey.get(key);
    return element ? idLink(element) : idCode(id);
}

/** ` <span class="grade …">on track</span>`, or nothing for a metric without a grade. */
export function gradeHtml(grade: Grade | undefined): string {
    return grade ? ` <span class="grade grade-${grade}">${escapeHtml(gradeLabel[grade])}</span>` : '';
}
