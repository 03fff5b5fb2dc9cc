import type { Grade } from '../../model/progress.js';
import type { Badge } from '../badges.js';
import { escapeHtml } from '../escape.js';
import { elementLink, type ElementHref } from '../item-markup.js';
import { progressRects, round } from '../progress-markup.js';
import { chartElement, type MetricChart } from './metric-chart.js';
import { textWidth, wrapText } from './text-wrap.js';

// A card of SVG text: the alignment map's nodes and the SVG canvases' boxes. A card is measured first (its text
// wrapped to the card's width, which gives its height, which the map's layout needs) and drawn afterwards at the
// place the layout gave it. Every line is a <tspan> of escaped text; nothing is sized by style attributes.

export interface CardText {
    text: string;
    /** `t-id`, `t-title`, `t-figures`…: the class of its <text>. */
    cls: string;
    size?: number;
    bold?: boolean;
    maxLines?: number;
}

export interface CardBlock {
    /** The `data-element` key of the element the block shows, if it shows one (the changes view marks it by this). */
    key?: string;
    /** Classes of the block's <g>; a block with neither classes nor attributes is drawn without a group. */
    classes?: string;
    /** Pre-escaped attributes of the block's <g> (`data-element` and its location). */
    attributes?: string;
    /** A tooltip and accessible name: the block's full text, which lines may cut. */
    title?: string;
    indent?: number;
    texts: CardText[];
    badges?: Badge[];
    /** The grade in words, after a bar when the metric has a ratio toward a target (a KPI's grade has none). */
    progress?: { ratio?: number; grade: Grade; text: string; /** The bar's width; a third of the line (at most 90) by default. */ barWidth?: number };
    /** A metric's chart, below its grade in words: as wide as it was drawn for, or narrower in proportion. */
    chart?: MetricChart;
}

interface MeasuredText extends CardText {
    lines: string[];
    lineHeight: number;
}

interface BadgePlace {
    badge: Badge;
    /** Its text, or as much of it as fits the card, ending in `…`. */
    shown: string;
    x: number;
    y: number;
    width: number;
}

interface MeasuredBlock {
    block: CardBlock;
    texts: MeasuredText[];
    badges: BadgePlace[];
    progress?: { barWidth: number; lines: string[] };
    chart?: { width: number; height: number };
    height: number;
}

export interface MeasuredCard {
    width: number;
    height: number;
    blocks: MeasuredBlock[];
}

const padding = { x: 10, top: 8, bottom: 8 };
const blockGap = 4;
const bodySize = 12;
const badge = { size: 10.5, height: 15, gap: 4, padding: 6 };
const progressSize = 11;
const chartGap = 4;

function lineHeightOf(size: number): number {
    return Math.round(size * 1.35);
}

function measureBlock(block: CardBlock, width: number): MeasuredBlock {
    const inner = width - 2 * padding.x - (block.indent ?? 0);
    let height = 0;
    const texts = block.texts.map(text => {
        const size = text.size ?? bodySize;
        const lines = wrapText(text.text, inner, { fontSize: size, bold: text.bold, maxLines: text.maxLines });
        const measured = { ...text, size, lines, lineHeight: lineHeightOf(size) };
        height += lines.length * measured.lineHeight;
        return measured;
    });
    const badges: BadgePlace[] = [];
    let x = 0;
    let rowTop = height + 2;
    for (const each of block.badges ?? []) {
        // A badge wider than the card is cut with an ellipsis; its <title> holds the whole text.
        const [shown] = wrapText(each.text, inner - 2 * badge.padding, { fontSize: badge.size, maxLines: 1 });
        const badgeWidth = Math.ceil(textWidth(shown, badge.size) + 2 * badge.padding);
        if (x > 0 && x + badgeWidth > inner) {
            x = 0;
            rowTop += badge.height + 3;
        }
        badges.push({ badge: each, shown, x, y: rowTop, width: badgeWidth });
        x += badgeWidth + badge.gap;
    }
    if (badges.length > 0) height = rowTop + badge.height + 2;
    let progress: MeasuredBlock['progress'];
    if (block.progress) {
        const barWidth = block.progress.ratio === undefined ? 0 : block.progress.barWidth ?? Math.min(90, Math.floor(inner / 3));
        const lines = wrapText(block.progress.text, inner - barWidth - (barWidth ? 8 : 0), { fontSize: progressSize, maxLines: 2 });
        progress = { barWidth, lines };
        height += lines.length * lineHeightOf(progressSize) + 2;
    }
    let chart: MeasuredBlock['chart'];
    if (block.chart) {
        const chartWidth = Math.max(0, Math.min(block.chart.size.width, inner));
        chart = { width: chartWidth, height: round(chartWidth * block.chart.size.height / block.chart.size.width) };
        height += chart.height + chartGap;
    }
    return { block, texts, badges, progress, chart, height: height + 4 };
}

/** Text wrapped to the card's width and the height it all takes. */
export function measureCard(blocks: CardBlock[], width: number): MeasuredCard {
    const measured = blocks.map(block => measureBlock(block, width));
    const height = padding.top + padding.bottom + measured.reduce((sum, block) => sum + block.height, 0) + blockGap * Math.max(0, measured.length - 1);
    return { width, height: Math.ceil(height), blocks: measured };
}

function tspans(lines: string[], x: number, top: number, lineHeight: number): string {
    return lines.map((line, index) => `<tspan x="${round(x)}" y="${round(top + lineHeight * index + lineHeight * 0.75)}">${escapeHtml(line)}</tspan>`).join('');
}

/**
 * `href`: the static site's links. A block that shows an element links the text that names it: its first text (the
 * ID, or the line that starts with it), or the grade in words (`MonthlyRepeatUsers 25% on track`) when it has no text.
 */
function blockSvg(measured: MeasuredBlock, x: number, y: number, width: number, href?: ElementHref): string {
    const { block } = measured;
    const link = (markup: string): string => (block.key === undefined ? markup : elementLink(block.key, markup, href));
    const left = x + padding.x + (block.indent ?? 0);
    const parts: string[] = [];
    let top = y;
    for (const [index, text] of measured.texts.entries()) {
        const markup = `<text class="${text.cls}">${tspans(text.lines, left, top, text.lineHeight)}</text>`;
        parts.push(index === 0 ? link(markup) : markup);
        top += text.lines.length * text.lineHeight;
    }
    for (const place of measured.badges) {
        const bx = left + place.x;
        const by = y + place.y;
        parts.push(`<g class="badge badge-${place.badge.tone} badge-${escapeHtml(place.badge.name)}">`
            + `<rect class="badge-bg" x="${round(bx)}" y="${round(by)}" width="${place.width}" height="${badge.height}" rx="7.5"/>`
            + (place.shown === place.badge.text ? '' : `<title>${escapeHtml(place.badge.text)}</title>`)
            + `<text x="${round(bx + badge.padding)}" y="${round(by + badge.height * 0.72)}">${escapeHtml(place.shown)}</text></g>`);
    }
    if (measured.badges.length > 0) top = y + measured.badges[measured.badges.length - 1].y + badge.height + 2;
    if (block.progress && measured.progress) {
        const lineHeight = lineHeightOf(progressSize);
        const barY = top + 2 + (lineHeight - 6) / 2;
        const { ratio } = block.progress;
        const { barWidth } = measured.progress;
        const words = `<text class="progress-text">${tspans(measured.progress.lines, left + barWidth + (barWidth ? 8 : 0), top + 2, lineHeight)}</text>`;
        parts.push(`<g class="progress grade-${block.progress.grade}"${ratio === undefined ? '' : ` data-progress="${round(ratio)}"`}>`
            + (ratio === undefined ? '' : progressRects(round(left), round(barY), barWidth, 6, ratio))
            + `${measured.texts.length === 0 ? link(words) : words}</g>`);
        top += measured.progress.lines.length * lineHeight + 2;
    }
    if (block.chart && measured.chart) parts.push(chartElement(block.chart, { x: left, y: top + chartGap, ...measured.chart }));
    if (!block.classes && !block.attributes) return parts.join('');
    const background = `<rect class="row-bg" x="${round(x + 4)}" y="${round(y - 2)}" width="${round(width - 8)}" height="${round(measured.height + 2)}" rx="3"/>`;
    const title = block.title ? `<title>${escapeHtml(block.title)}</title>` : '';
    return `<g class="${block.classes ?? ''}"${block.attributes ?? ''}>${background}${title}${parts.join('')}</g>`;
}

/** The card's blocks drawn from (x, y) down; the card's own background and group are the caller's. */
export function cardBodySvg(card: MeasuredCard, x: number, y: number, href?: ElementHref): string {
    const parts: string[] = [];
    let top = y + padding.top;
    for (const block of card.blocks) {
        parts.push(blockSvg(block, x, top, card.width, href));
        top += block.height + blockGap;
    }
    return parts.join('');
}
