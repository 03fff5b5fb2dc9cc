import type { MetricNode, ObjectiveNode, SolutionNode, TicketNode } from '../../model/alignment-tree.js';
import { metricLine } from '../../model/metric-text.js';
import type { MapView } from '../../model/preview-view.js';
import { countTree, summaryText } from '../map/map-counts.js';
import { cycleBadge, unmeasuredBadge, type Badge } from '../badges.js';
import { canvasTitle, type Box, type CanvasBoxes, type Entry } from '../canvas/canvas-boxes.js';
import { visibleText } from '../escape.js';
import { visionMarkdown } from '../vision-markup.js';

// Markdown for a wiki (GitHub, GitLab, Confluence's Markdown): a canvas as one table per row of its boxes, as the
// canvas reads; the map as nested lists. Text from the workspace is escaped so that it stays text: no HTML, no
// emphasis or links, no heading or list started by a leading `#` or `-`, no `|` ending a table cell, no e-mail
// link, @mention or #issue reference, and line breaks become <br> so a cell or list item never ends early.

/** Text from a .strategy file as inline Markdown that shows exactly that text. */
export function markdownText(text: string): string {
    return visibleText(text)
        .replace(/[\\`*_[\]|~#]/g, char => `\\${char}`)
        // A bare web address would become a link (GFM's autolinks), one that in some renderers runs on over the
        // escaped `&lt;` that follows it and shows it as written; escaped, the address stays text.
        .replace(/:\/\//g, '\\://').replace(/\b(www)\./gi, '$1\\.')
        // An address (`bob@example.com`) would become a mailto link, on GitHub `@team` in a pull-request comment
        // notifies the team and `#12` links issue 12 and notes the comment there. Each needs a letter or digit right
        // after the @ or #: a zero-width joiner there keeps the text as it reads and leaves none of them. (A
        // backslash would not do: GitHub finds them in the rendered text, after Markdown has removed it.)
        .replace(/@/g, '@\u200D').replace(/#(?=\d)/g, '#\u200D')
        .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/\r\n|\r|\n/g, '<br>');
}

/** Our own hints: code in backticks stays code (they hold no backtick, pipe or markup). */
function hint(text: string): string {
    return `*${text}*`;
}

function badges(list: Badge[]): string {
    return list.length > 0 ? ` *(${list.map(badge => markdownText(badge.text)).join(', ')})*` : '';
}

function idAndTitle(id: string, title: string): string {
    return `**${markdownText(id)}**${title ? ` ${markdownText(title)}` : ''}`;
}

function metricText(metric: MetricNode): string {
    return `${idAndTitle(metric.id, metric.title)}: ${markdownText(metricLine(metric))}`;
}

/** An entry as lines of a cell; nested entries indented with em spaces and a dash. */
function entryLines(entry: Entry, depth: number): string[] {
    const lead = depth === 0 ? '• ' : `${'&emsp;'.repeat(depth)}– `;
    switch (entry.type) {
        case 'label': return [`${lead}*${markdownText(entry.text)}*`];
        case 'hint': return [`${lead}${hint(entry.text)}`];
        case 'text': return [`${lead}${entry.text.trim() ? markdownText(entry.text) : '*(empty)*'}`];
        case 'metric': return [`${lead}${metricText(entry.metric)}`];
        case 'item': return [`${lead}${idAndTitle(entry.item.id, entry.item.title)}${badges(entry.badges)}`];
        case 'group': return [...entryLines(entry.head, depth), ...entry.children.flatMap(child => entryLines(child, depth + 1))];
    }
}

function boxCell(box: Box): string {
    return box.entries.length > 0 ? box.entries.flatMap(entry => entryLines(entry, 0)).join('<br>') : hint(box.hint);
}

/**
 * One table per row of the canvas's grid, with the boxes that start in that row; a canvas with axes (SWOT) is one
 * table whose header names the columns' axis and whose first column names the rows'.
 */
export function canvasMarkdown(canvas: CanvasBoxes): string {
    const lines = [`# ${markdownText(canvasTitle(canvas))}`, '', `*${canvas.kindLabel}* · \`${canvas.id.replace(/`/g, '')}\``,
        ...visionMarkdown(canvas.vision, markdownText)];
    if (canvas.axes) {
        const { columns, rows } = canvas.axes;
        lines.push('', `| | ${columns.map(name => `*${name}*`).join(' | ')} |`, '|---|---|---|');
        rows.forEach((name, index) => {
            const boxes = canvas.boxes.slice(2 * index, 2 * index + 2);
            lines.push(`| *${name}* | ${boxes.map(box => `**${box.number}. ${box.title}**<br>${boxCell(box)}`).join(' | ')} |`);
        });
        return lines.join('\n') + '\n';
    }
    const shown = new Set<string>();
    for (const row of canvas.areas) {
        const names = [...new Set(row)].filter(name => !shown.has(name));
        if (names.length === 0) continue;
        names.forEach(name => shown.add(name));
        const boxes = names.map(name => canvas.boxes.find(box => box.name === name)!);
        const cells = boxes.map(boxCell);
        lines.push('', `| ${boxes.map(box => `${box.number}. ${box.title}`).join(' | ')} |`,
            `|${boxes.map(() => '---').join('|')}|`, `| ${cells.join(' | ')} |`);
    }
    return lines.join('\n') + '\n';
}

/** Lists nest no deeper than this; a deeper objective says under which objective it sits. */
const deepest = 8;

function listItem(depth: number, text: string): string {
    return `${'  '.repeat(Math.min(depth, deepest))}- ${text}`;
}

function objectiveLines(root: ObjectiveNode): string[] {
    const lines: string[] = [];
    const stack: Array<{ objective: ObjectiveNode; depth: number; parent?: string }> = [{ objective: root, depth: 0 }];
    while (stack.length > 0) {
        const { objective, depth, parent } = stack.pop()!;
        const marks = [...(objective.measured ? [] : [unmeasuredBadge.text]), ...(objective.inCycle ? [cycleBadge.text] : [])];
        const under = depth > deepest && parent ? ` *(under ${markdownText(parent)})*` : '';
        lines.push(listItem(depth, `${idAndTitle(objective.id, objective.title)}${marks.length ? ` ⚠ *${marks.join(', ')}*` : ''}${under}`));
        for (const metric of objective.metrics) lines.push(listItem(depth + 1, `Metric ${metricText(metric)}`));
        for (const solution of objective.solutions) lines.push(listItem(depth + 1, `Solution ${solutionText(solution)}`));
        for (const ticket of objective.tickets) lines.push(listItem(depth + 1, `Ticket ${ticketText(ticket)}`));
        for (let index = objective.children.length - 1; index >= 0; index--) {
            stack.push({ objective: objective.children[index], depth: depth + 1, parent: objective.id });
        }
    }
    return lines;
}

/** ` *(doing, high)*`: the facts written, each escaped; nothing when none is. */
function factsText(...facts: Array<string | undefined>): string {
    const written = facts.filter((fact): fact is string => Boolean(fact)).map(markdownText);
    return written.length ? ` *(${written.join(', ')})*` : '';
}

function solutionText(solution: SolutionNode): string {
    return `${idAndTitle(solution.id, solution.title)}${factsText(solution.status, solution.priority)}`;
}

function ticketText(ticket: TicketNode): string {
    return `${idAndTitle(ticket.id, ticket.title)}${factsText(ticket.status, ticket.priority, ticket.ticketKind)}`;
}

/** The objective tree as nested lists with metrics and progress, solutions and tickets; the KPIs; then what is not aligned. */
export function mapMarkdown(view: MapView): string {
    const { tree } = view;
    const lines = [`# ${markdownText(view.title)}`, ...visionMarkdown(view.vision, markdownText), '', markdownText(summaryText(countTree(tree))), ''];
    if (tree.objectives.length === 0) lines.push('*No objectives yet.*');
    for (const objective of tree.objectives) for (const line of objectiveLines(objective)) lines.push(line);
    if (tree.healthMetrics.length > 0) {
        lines.push('', '## Health metrics', '', ...tree.healthMetrics.map(metric => `- ${metricText(metric)}`));
    }
    if (tree.orphanTickets.length > 0 || tree.unalignedSolutions.length > 0) {
        lines.push('', '## Not aligned');
        if (tree.orphanTickets.length > 0) {
            lines.push('', '### Orphan tickets (serve no objective)', '', ...tree.orphanTickets.map(ticket => `- ${ticketText(ticket)} ⚠ *orphan*`));
        }
        if (tree.unalignedSolutions.length > 0) {
            lines.push('', '### Unaligned solutions (advance no objective)', '', ...tree.unalignedSolutions.map(solution => `- ${solutionText(solution)} ⚠ *unaligned*`));
        }
    }
    return lines.join('\n') + '\n';
}
