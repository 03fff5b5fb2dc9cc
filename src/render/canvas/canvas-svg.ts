import { gridColumns } from './canvas-areas.js';
import { canvasTitle, entryKey, textLimit, type Box, type CanvasBoxes, type Entry } from './canvas-boxes.js';
import { clampText } from '../../model/evidence-text.js';
import { escapeHtml } from '../escape.js';
import { round } from '../progress-markup.js';
import { itemBlock, labelBlock, metricBlock } from '../svg/svg-blocks.js';
import { cardBodySvg, measureCard, type CardBlock, type MeasuredCard } from '../svg/svg-card.js';
import { standaloneSvgCss, viewTitleLine } from '../svg/svg-styles.js';
import { elementAttributes, locationAttributes } from '../item-markup.js';
import { visionBand, visionSvg } from '../vision-markup.js';

// A canvas as a standalone SVG file: the same boxes on the same grid as the preview, each box as tall as its
// wrapped text needs (a row as tall as its tallest box; a box spanning rows stretches the last of them).

const page = { width: 1200, margin: 20, gap: 12, header: 64, minBoxHeight: 110 };
/** A canvas with axes (SWOT) gives their names a band above the grid and a strip left of it. */
const axisBand = { top: 22, left: 24 };

interface Frame { left: number; top: number; columnWidth: number }

function frameOf(canvas: CanvasBoxes): Frame {
    const left = page.margin + (canvas.axes ? axisBand.left : 0);
    const top = page.header + visionBand(canvas.vision) + (canvas.axes ? axisBand.top : 0);
    return { left, top, columnWidth: (page.width - left - page.margin - (gridColumns - 1) * page.gap) / gridColumns };
}
const nested = 14;
/** The SVG is only ever an export: no element is clickable, so none carries the location of its source. */
const interactive = false;

/** Code in backticks reads as plain text in SVG. */
function plain(hint: string): string {
    return hint.replace(/`/g, '');
}

function entryBlocks(entry: Entry, indent: number): CardBlock[] {
    switch (entry.type) {
        case 'label': return [labelBlock(entry.text.toUpperCase(), indent)];
        case 'hint': return [{ indent, texts: [{ text: plain(entry.text), cls: 't-hint' }] }];
        case 'group': return [
            ...entryBlocks(entry.head, indent),
            ...entry.children.flatMap(child => entryBlocks(child, indent + nested))
        ];
        case 'metric': return [metricBlock(entry.metric, interactive, indent)];
        case 'text': {
            const shown = clampText(entry.text, textLimit);
            return [{
                classes: 'item item-text', attributes: elementAttributes(entry.key, entry.location, interactive), indent,
                title: shown === entry.text ? undefined : entry.text,
                texts: [{ text: entry.text.trim() ? shown : '(empty)', cls: entry.text.trim() ? 't-text' : 't-hint' }]
            }];
        }
        case 'item': {
            const { item } = entry;
            const unresolved = item.unresolved ? ' unresolved' : '';
            return [itemBlock({
                key: entryKey(entry), location: item.location, interactive, classes: `item item-${item.kind}${unresolved}`,
                head: item.id, title: item.title, badges: entry.badges, indent
            })];
        }
    }
}

interface PlacedBox {
    box: Box;
    card: MeasuredCard;
    width: number;
    rows: [number, number];
    columns: [number, number];
}

function spanOf(areas: string[][], name: string): { rows: [number, number]; columns: [number, number] } {
    const rows = areas.map((row, index) => (row.includes(name) ? index : -1)).filter(index => index >= 0);
    const columns = areas[rows[0]].map((cell, index) => (cell === name ? index : -1)).filter(index => index >= 0);
    return { rows: [rows[0], rows[rows.length - 1]], columns: [columns[0], columns[columns.length - 1]] };
}

function headBlock(box: Box): CardBlock {
    return { indent: 24, texts: [{ text: box.title, cls: 't-heading', size: 13, bold: true }] };
}

function place(canvas: CanvasBoxes, columnWidth: number): PlacedBox[] {
    return canvas.boxes.map(box => {
        const { rows, columns } = spanOf(canvas.areas, box.name);
        const span = columns[1] - columns[0] + 1;
        const width = span * columnWidth + (span - 1) * page.gap;
        const body = box.entries.length > 0
            ? box.entries.flatMap(entry => entryBlocks(entry, 0))
            : [{ texts: [{ text: plain(box.hint), cls: 't-hint' }] }];
        return { box, rows, columns, width, card: measureCard([headBlock(box), ...body], width) };
    });
}

/** Rows as tall as their one-row boxes, then stretched where a box spanning rows needs more. */
function rowHeights(placed: PlacedBox[], rowCount: number): number[] {
    const heights = Array<number>(rowCount).fill(page.minBoxHeight);
    for (const each of placed.filter(p => p.rows[0] === p.rows[1])) heights[each.rows[0]] = Math.max(heights[each.rows[0]], each.card.height);
    for (const each of placed.filter(p => p.rows[0] !== p.rows[1])) {
        const [first, last] = each.rows;
        const spanned = heights.slice(first, last + 1).reduce((sum, h) => sum + h, 0) + (last - first) * page.gap;
        if (spanned < each.card.height) heights[last] += each.card.height - spanned;
    }
    return heights;
}

function boxSvg(each: PlacedBox, x: number, y: number, width: number, height: number): string {
    const { box } = each;
    return `<g class="box box-${box.name}" data-box="${box.name}"${locationAttributes(box.location, interactive)}>`
        + `<rect class="box-bg" x="${round(x)}" y="${round(y)}" width="${round(width)}" height="${round(height)}" rx="6"/>`
        + `<circle class="box-number-bg" cx="${round(x + 20)}" cy="${round(y + 17)}" r="9"/>`
        + `<text class="box-number" x="${round(x + 20)}" y="${round(y + 21)}" text-anchor="middle">${box.number}</text>`
        + `${cardBodySvg(each.card, x, y)}</g>`;
}

/** A two-by-two canvas's axis names: each column's centred above it, each row's turned upright beside it. */
function axesSvg(canvas: CanvasBoxes, frame: Frame, rowTop: number[], heights: number[]): string {
    if (!canvas.axes) return '';
    const half = (gridColumns / 2) * frame.columnWidth + (gridColumns / 2 - 1) * page.gap;
    const columns = canvas.axes.columns.map((text, index) => {
        const x = frame.left + index * (half + page.gap) + half / 2;
        return `<text class="t-muted axis axis-column" data-axis="column-${index + 1}" x="${round(x)}" y="${round(frame.top - 8)}" text-anchor="middle">${escapeHtml(text.toUpperCase())}</text>`;
    });
    const rows = canvas.axes.rows.map((text, index) => {
        const [x, y] = [frame.left - 10, rowTop[index] + heights[index] / 2];
        return `<text class="t-muted axis axis-row" data-axis="row-${index + 1}" x="${round(x)}" y="${round(y)}" text-anchor="middle" transform="rotate(-90 ${round(x)} ${round(y)})">${escapeHtml(text.toUpperCase())}</text>`;
    });
    return [...columns, ...rows].join('\n') + '\n';
}

/** The canvas as a standalone SVG file, style embedded; a title too long for its line is cut there, whole in <title>. */
export function canvasSvg(canvas: CanvasBoxes): string {
    const frame = frameOf(canvas);
    const placed = place(canvas, frame.columnWidth);
    const heights = rowHeights(placed, canvas.areas.length);
    const rowTop = heights.map((_, index) => frame.top + heights.slice(0, index).reduce((sum, h) => sum + h + page.gap, 0));
    const boxes = placed.map(each => {
        const x = frame.left + each.columns[0] * (frame.columnWidth + page.gap);
        const [first, last] = each.rows;
        const height = rowTop[last] + heights[last] - rowTop[first];
        return boxSvg(each, x, rowTop[first], each.width, height);
    });
    const height = Math.ceil(rowTop[rowTop.length - 1] + heights[heights.length - 1] + page.margin);
    const title = canvasTitle(canvas);
    return `<?xml version="1.0" encoding="UTF-8"?>
<svg class="strategy-svg canvas-svg canvas-${canvas.view}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${page.width} ${height}" width="${page.width}" height="${height}">
<title>${escapeHtml(title)}</title>
<style>${standaloneSvgCss}</style>
<rect class="svg-background" width="100%" height="100%"/>
<text class="t-muted" x="${page.margin}" y="24">${escapeHtml(canvas.kindLabel.toUpperCase())}</text>
<text class="t-view-title" x="${page.margin}" y="46">${escapeHtml(viewTitleLine(title, page.width - 2 * page.margin))}</text>
${visionSvg(canvas.vision, page.margin, 66, page.width - 2 * page.margin)}${axesSvg(canvas, frame, rowTop, heights)}${boxes.join('\n')}
</svg>
`;
}
