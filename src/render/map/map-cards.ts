import type { EvidenceNode, MetricNode, ObjectiveNode, SolutionNode, TicketNode } from '../../model/alignment-tree.js';
import { elementKey } from '../../model/preview-view.js';
import { isLive } from '../../model/status.js';
import { allowedValues, plural } from '../../model/values.js';
import { evidenceBadge, statusBadge, type Badge } from '../badges.js';
import { elementAttributes } from '../item-markup.js';
import { progressText } from '../progress-markup.js';
import { itemBlock, labelBlock, metricBlock } from '../svg/svg-blocks.js';
import type { CardBlock } from '../svg/svg-card.js';

// The blocks of the map's cards, twice: the summary the map is laid out with (a metric's grade line, the work as
// counts by status, the first live tickets by priority and "+N more") and the whole card (figures and charts, every
// solution and ticket, done ones dimmed) that the preview draws over the summary when the card is expanded.

/** The live tickets a summary lists; the rest are counted in "+N more". */
export const summaryTickets = 3;

/** Counts by status, in the order work moves (`12 done · 10 doing · 8 todo`), then any other status, then none. */
export function statusCountsText(items: ReadonlyArray<{ status?: string }>): string {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item.status ?? 'no status', (counts.get(item.status ?? 'no status') ?? 0) + 1);
    const order = ['done', 'doing', 'todo', 'dropped', ...allowedValues.solutionStatus];
    const keys = [...counts.keys()].sort((a, b) => rank(order, a) - rank(order, b));
    return keys.map(key => `${counts.get(key)} ${key}`).join(' · ');
}

function rank(order: string[], key: string): number {
    const index = order.indexOf(key);
    return index < 0 ? order.length : index;
}

/** A ticket as one row of the whole card: its facts line and title; a done (or dropped) one is dimmed by class. */
export function ticketBlock(ticket: TicketNode, interactive: boolean, badges: Badge[] = []): CardBlock {
    const dimmed = ticket.status === 'done' || ticket.status === 'dropped' ? ' done' : '';
    return itemBlock({
        key: elementKey('ticket', ticket.id), location: ticket.location, interactive,
        classes: `node node-ticket${dimmed}${badges.some(badge => badge.name === 'orphan') ? ' orphan' : ''}`,
        head: [ticket.id, ticket.status, ticket.priority, ticket.ticketKind].filter(Boolean).join(' · '), title: ticket.title, titleLines: 2, badges
    });
}

/** A live ticket in a summary: one line, its ID, priority and title, cut to the card. */
function ticketLine(ticket: TicketNode, interactive: boolean): CardBlock {
    const head = [ticket.id, ticket.status, ticket.priority].filter(Boolean).join(' · ');
    return {
        key: elementKey('ticket', ticket.id),
        classes: 'node node-ticket ticket-summary',
        attributes: elementAttributes(elementKey('ticket', ticket.id), ticket.location, interactive),
        title: ticket.title ? `${head}: ${ticket.title}` : head,
        indent: 4,
        texts: [{ text: ticket.title ? `${ticket.id} ${ticket.title}` : head, cls: 't-title', maxLines: 1 }]
    };
}

/** A metric in a summary, one line: the bar, then its ID, how far it is and its grade in words; no figures, no chart. */
function metricLine(metric: MetricNode, interactive: boolean, indent = 4): CardBlock {
    const grade = metric.grade?.replace(/-/g, ' ');
    const share = metric.progress === undefined ? '' : ` ${Math.round(metric.progress * 100)}%`;
    return {
        key: elementKey('metric', metric.id),
        classes: 'node node-metric metric-summary',
        attributes: elementAttributes(elementKey('metric', metric.id), metric.location, interactive),
        title: `${metric.title ? `${metric.id}: ${metric.title}` : metric.id}${progressText(metric) ? `, ${progressText(metric)}` : ''}`,
        indent,
        texts: grade ? [] : [{ text: `${metric.id}: ${metric.current === undefined ? 'no current value yet' : 'no progress to grade'}`, cls: 't-hint', maxLines: 1 }],
        // A short bar leaves the line to the words, which say the grade on their own.
        progress: grade ? { ratio: metric.progress, grade: metric.grade!, text: `${metric.id}${share} ${grade}`, barWidth: 40 } : undefined
    };
}

/** `+27 more: expand` as a focusable row: the preview expands the card on it (`data-action`). */
function moreBlock(hidden: number, interactive: boolean): CardBlock {
    return {
        classes: 'map-more',
        attributes: interactive ? ' data-action="expand" tabindex="0" role="button"' : '',
        indent: 4,
        texts: [{ text: `+${hidden} more`, cls: 't-hint', maxLines: 1 }]
    };
}

function headBlock(objective: ObjectiveNode, badges: Badge[]): CardBlock {
    return {
        key: elementKey('objective', objective.id),
        texts: [
            { text: objective.id, cls: 't-id', size: 13, bold: true, maxLines: 2 },
            ...(objective.title ? [{ text: objective.title, cls: 't-title t-objective-title', size: 14, maxLines: 3 }] : [])
        ],
        badges
    };
}

/** Solutions and tickets, each as counts by status; live tickets first by priority (the tree's order), then "+N more". */
function workSummary(solutions: SolutionNode[], tickets: TicketNode[], interactive: boolean): CardBlock[] {
    const blocks: CardBlock[] = [];
    if (solutions.length > 0) blocks.push(countsBlock(plural(solutions.length, 'solution'), solutions));
    if (tickets.length > 0) {
        blocks.push(countsBlock(plural(tickets.length, 'ticket'), tickets));
        const live = tickets.filter(ticket => isLive(ticket.status)).slice(0, summaryTickets);
        blocks.push(...live.map(ticket => ticketLine(ticket, interactive)));
        if (tickets.length > live.length) blocks.push(moreBlock(tickets.length - live.length, interactive));
    }
    return blocks;
}

/** `30 tickets: 12 done · 10 doing · 8 todo`. */
export function countsBlock(what: string, items: ReadonlyArray<{ status?: string }>): CardBlock {
    return { classes: 'work-counts', texts: [{ text: `${what}: ${statusCountsText(items)}`, cls: 't-muted', maxLines: 2 }] };
}

export interface CardPair {
    summary: CardBlock[];
    /** The whole card, when the summary leaves anything out. */
    whole?: CardBlock[];
}

/** The insights an expanded card names per side; the rest are counted. */
const namedInsights = 5;

/** The insights for and against, one muted line each (`for NotificationTest Two-week test`), under the row they speak of. */
function evidenceLines(evidence: EvidenceNode | undefined, indent: number): CardBlock[] {
    if (!evidence) return [];
    return (['for', 'against'] as const).flatMap(side => {
        const insights = evidence[side];
        const named = insights.slice(0, namedInsights).map(insight => [side, insight.id, insight.title].filter(part => part).join(' '));
        if (insights.length > namedInsights) named.push(`${side}: +${insights.length - namedInsights} more`);
        return named.map(text => ({ classes: 'evidence', indent, texts: [{ text, cls: 't-muted', maxLines: 2 }] }));
    });
}

function solutionRow(solution: SolutionNode, interactive: boolean): CardBlock[] {
    return [itemBlock({
        key: elementKey('solution', solution.id), location: solution.location, interactive, classes: 'node node-solution',
        head: solution.id, title: solution.title, titleLines: 2, badges: [...statusBadge(solution.status), ...evidenceBadge(solution.evidence)]
    }), ...evidenceLines(solution.evidence, 12)];
}

export function objectiveCards(objective: ObjectiveNode, badges: Badge[], interactive: boolean): CardPair {
    const head = headBlock(objective, [...badges, ...evidenceBadge(objective.evidence)]);
    const summary: CardBlock[] = [head];
    summary.push(...objective.metrics.map(metric => metricLine(metric, interactive)));
    summary.push(...workSummary(objective.solutions, objective.tickets, interactive));
    const whole: CardBlock[] = [head, ...evidenceLines(objective.evidence, 0)];
    if (objective.metrics.length > 0) whole.push(labelBlock('METRICS'), ...objective.metrics.map(metric => metricBlock(metric, interactive)));
    if (objective.solutions.length > 0) {
        whole.push(labelBlock(`SOLUTIONS (${objective.solutions.length})`), ...objective.solutions.flatMap(solution => solutionRow(solution, interactive)));
    }
    if (objective.tickets.length > 0) {
        whole.push(labelBlock(`TICKETS (${objective.tickets.length})`), ...objective.tickets.map(ticket => ticketBlock(ticket, interactive)));
    }
    const anyLeftOut = objective.metrics.length > 0 || objective.solutions.length > 0 || objective.tickets.length > 0 || objective.evidence !== undefined;
    return { summary, whole: anyLeftOut ? whole : undefined };
}

/** The health metrics: each one's grade line, and their charts when expanded. */
export function healthCards(metrics: MetricNode[], heading: CardBlock, interactive: boolean): CardPair {
    return {
        summary: [heading, ...metrics.map(metric => metricLine(metric, interactive, 0))],
        whole: [heading, ...metrics.map(metric => metricBlock(metric, interactive, 0))]
    };
}

export { metricLine, moreBlock, ticketLine };
