import type { MetricNode } from '../../model/alignment-tree.js';
import type { ElementLocation } from '../../model/locations.js';
import { figuresText } from '../../model/metric-text.js';
import { elementKey } from '../../model/preview-view.js';
import type { Badge } from '../badges.js';
import { elementAttributes } from '../item-markup.js';
import { progressText } from '../progress-markup.js';
import { cardChartSize, metricChart } from './metric-chart.js';
import type { CardBlock, CardText } from './svg-card.js';

// The blocks that the map's cards and the SVG canvases' boxes share: an element's ID and title, a metric with its
// figures and progress, a small heading.

export function fullTitle(id: string, title: string): string {
    return title ? `${id}: ${title}` : id;
}

export function labelBlock(text: string, indent = 0): CardBlock {
    return { indent, texts: [{ text, cls: 't-label', size: 11 }] };
}

export interface ItemBlockOptions {
    /** `element` attributes: the element's key and location. */
    key: string;
    location: ElementLocation;
    interactive: boolean;
    classes: string;
    /** First line (bold); the title follows on its own lines. */
    head: string;
    title: string;
    badges?: Badge[];
    indent?: number;
    headSize?: number;
    titleLines?: number;
}

/** A clickable element: its ID (or facts line) in bold, its title below, its badges. */
export function itemBlock(options: ItemBlockOptions): CardBlock {
    const texts: CardText[] = [{ text: options.head, cls: 't-id', size: options.headSize ?? 11.5, bold: true, maxLines: 2 }];
    if (options.title) texts.push({ text: options.title, cls: 't-title', maxLines: options.titleLines });
    return {
        key: options.key,
        classes: options.classes,
        attributes: elementAttributes(options.key, options.location, options.interactive),
        title: fullTitle(options.head, options.title),
        indent: options.indent ?? 4,
        texts,
        badges: options.badges
    };
}

/** A metric: ID, title, `baseline → current → target by date`, the graded bar with its words, and the chart of its dated points. */
export function metricBlock(metric: MetricNode, interactive: boolean, indent = 4): CardBlock {
    const progress = progressText(metric);
    const texts: CardText[] = [{ text: metric.id, cls: 't-id', bold: true, maxLines: 2 }];
    if (metric.title) texts.push({ text: metric.title, cls: 't-muted', maxLines: 2 });
    texts.push({ text: figuresText(metric), cls: 't-figures', maxLines: 2 });
    if (!progress) texts.push({ text: metric.current === undefined ? 'no current value yet' : 'no progress to grade', cls: 't-hint', maxLines: 1 });
    return {
        key: elementKey('metric', metric.id),
        classes: 'node node-metric',
        attributes: elementAttributes(elementKey('metric', metric.id), metric.location, interactive),
        title: fullTitle(metric.id, metric.title),
        indent,
        texts,
        progress: progress && metric.grade ? { ratio: metric.progress, grade: metric.grade, text: progress } : undefined,
        chart: metricChart(metric, metric.today, cardChartSize)
    };
}
