import { figuresText } from '../../model/metric-text.js';
import { elementKey } from '../../model/preview-view.js';
import { escapeHtml } from '../escape.js';
import { visionHtml } from '../vision-markup.js';
import { figuresHtml } from '../figure-markup.js';
import { elementAttributes, elementLink, locationAttributes, viewTitleHtml, type ElementHref } from '../item-markup.js';
import type { Badge } from '../badges.js';
import type { Box, CanvasBoxes, Entry, ItemEntry, MetricEntry, TextEntry } from './canvas-boxes.js';
import { canvasTitle, entryKey, type CanvasAxes } from './canvas-boxes.js';
import { progressHtml } from '../progress-markup.js';
import { metricChartHtml } from '../svg/metric-chart.js';

// A canvas as the preview's HTML fragment: the boxes in number order (for reading and for screen readers), placed
// on the canvas's grid by the stylesheet. Every item names its element and location for the webview's script.

export interface HtmlOptions {
    /** Location attributes, focus and button roles for the live preview; off for a file to share. */
    interactive: boolean;
    /** The static site's links: each element's ID (its text, for a canvas text) links to the element's page. */
    href?: ElementHref;
}

/** Code in backticks becomes <code>; everything else is escaped text. */
function hintHtml(hint: string): string {
    return hint.split('`').map((part, index) => (index % 2 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join('');
}

function badgesHtml(badges: Badge[]): string {
    return badges.map(badge => ` <span class="badge badge-${badge.tone} badge-${escapeHtml(badge.name)}">${escapeHtml(badge.text)}</span>`).join('');
}

function idAndTitle(key: string, id: string, title: string, href: ElementHref | undefined): string {
    const titleHtml = title ? ` <span class="item-title">${escapeHtml(title)}</span>` : '';
    return `<span class="item-id">${elementLink(key, escapeHtml(id), href)}</span>${titleHtml}`;
}

function itemClasses(kind: string, entry: ItemEntry): string {
    return ['item', `item-${kind}`, ...entry.badges.map(badge => badge.name).filter(name => name === 'unresolved' || name === 'unmeasured')]
        .join(' ');
}

/** One entry as an element of `tag` (li in a list, div as the head of a group). */
function entryHtml(entry: ItemEntry | MetricEntry | TextEntry, tag: string, options: HtmlOptions): string {
    if (entry.type === 'text') {
        // Whole in the markup: the stylesheet cuts a long one to a few lines, and shows it all on hover or focus.
        // A text has no ID: the text itself is its link.
        const text = entry.text.trim()
            ? `<span class="text">${elementLink(entry.key, escapeHtml(entry.text), options.href)}</span>`
            : `<span class="text empty">${elementLink(entry.key, '(empty)', options.href)}</span>`;
        return `<${tag} class="item item-text"${elementAttributes(entry.key, entry.location, options.interactive)}>${text}</${tag}>`;
    }
    if (entry.type === 'metric') {
        const metric = entry.metric;
        const progress = metric.current === undefined ? '<div class="metric-note">no current value yet</div>' : progressHtml(metric);
        // The chart of its dated points, with the grade in words beside it.
        const chart = metricChartHtml(metric, metric.today);
        return `<${tag} class="item item-metric"${elementAttributes(entryKey(entry), metric.location, options.interactive)}>`
            + `${idAndTitle(entryKey(entry), metric.id, metric.title, options.href)}<div class="metric-figures">${figuresHtml(figuresText(metric))}</div>`
            + `${chart ? `<div class="metric-trend">${chart}${progress}</div>` : progress}</${tag}>`;
    }
    const item = entry.item;
    return `<${tag} class="${itemClasses(item.kind, entry)}"${elementAttributes(entryKey(entry), item.location, options.interactive)}>`
        + `${idAndTitle(entryKey(entry), item.id, item.title, options.href)}${badgesHtml(entry.badges)}</${tag}>`;
}

function entriesHtml(entries: Entry[], options: HtmlOptions): string {
    const items = entries.map(entry => {
        switch (entry.type) {
            case 'label': return `<li class="label">${escapeHtml(entry.text)}</li>`;
            case 'hint': return `<li class="hint">${hintHtml(entry.text)}</li>`;
            case 'group': {
                const first = entry.head;
                const head = first.type === 'label' || first.type === 'hint'
                    ? `<div class="${first.type}">${escapeHtml(first.text)}</div>`
                    : entryHtml(first, 'div', options);
                const children = entry.children.length > 0 ? entriesHtml(entry.children, options) : '';
                return `<li class="group">${head}${children}</li>`;
            }
            default: return entryHtml(entry, 'li', options);
        }
    });
    return `<ul class="entries">${items.join('')}</ul>`;
}

function boxHtml(box: Box, options: HtmlOptions): string {
    const content = box.entries.length > 0 ? entriesHtml(box.entries, options) : `<p class="hint">${hintHtml(box.hint)}</p>`;
    return `<section class="box box-${box.name}" data-box="${box.name}"${locationAttributes(box.location, options.interactive)}>`
        + `<h2><span class="box-number">${box.number}</span> ${escapeHtml(box.title)}</h2>${content}</section>`;
}

/** A two-by-two canvas's axis names, placed on the grid beside its columns and rows by the stylesheet. */
function axesHtml(axes: CanvasAxes | undefined): string {
    if (!axes) return '';
    const label = (axis: 'column' | 'row', index: number, text: string): string =>
        `<div class="axis axis-${axis}" data-axis="${axis}-${index + 1}">${escapeHtml(text)}</div>`;
    return [...axes.columns.map((text, index) => label('column', index, text)), ...axes.rows.map((text, index) => label('row', index, text))]
        .join('') + '\n';
}

/** `<div class="strategy-view" data-view="product|strategy|swot">`: the header and the boxes on their grid. */
export function canvasHtml(canvas: CanvasBoxes, options: HtmlOptions): string {
    const title = canvasTitle(canvas);
    const header = `<header class="view-header"><p class="view-kind">${escapeHtml(canvas.kindLabel)}</p>`
        + `<h1>${viewTitleHtml(elementKey('canvas', canvas.id), canvas.location, title, canvas.id, options)}</h1></header>`;
    const boxes = canvas.boxes.map(box => boxHtml(box, options)).join('\n');
    return `<div class="strategy-view" data-view="${canvas.view}">${header}${visionHtml(canvas.vision)}\n<div class="canvas canvas-${canvas.view}">\n${axesHtml(canvas.axes)}${boxes}\n</div></div>`;
}
