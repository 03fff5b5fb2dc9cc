import { metricLine } from '../../model/metric-text.js';
import type { SourceLine } from '../../model/locations.js';
import type { ObjectiveTrace, Trace, TicketTrace } from '../../model/trace.js';
import { oneLine, plural } from '../../model/values.js';
import { terminalText } from '../escape.js';
import { markdownText } from './markdown.js';
import { trailMarkdownLines, trailTextLines } from './trail-formats.js';

/** How a host shows a document's URI: the CLI prints paths relative to where it runs. */
export type DisplayPath = (uri: string) => string;

function where(ticket: TicketTrace, path: DisplayPath): string {
    return `${path(ticket.at.uri)}:${ticket.at.line}`;
}

/** ` [doing, high]`: the ticket's status and priority as written, whichever it states; nothing when neither. */
function stateText(ticket: TicketTrace): string {
    const words = [ticket.status, ticket.priority].filter(word => word !== undefined);
    return words.length > 0 ? ` [${words.join(', ')}]` : '';
}

function percent(part: number, whole: number): string {
    return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}

function coverageLines(trace: Trace): string[] {
    const c = trace.coverage;
    const list = (ids: string[]) => (ids.length > 0 ? `: ${ids.join(', ')}` : '');
    return [
        `${plural(c.tickets, 'ticket')}, ${c.measured} ${c.measured === 1 ? 'traces' : 'trace'} to a measured objective (${percent(c.measured, c.tickets)})`,
        `${plural(c.orphans.length, 'orphan ticket')}${list(c.orphans)}`,
        `${plural(c.unmeasured.length, 'ticket')} whose objectives have no metric${list(c.unmeasured)}`,
        `${plural(c.objectivesWithoutWork.length, 'objective')} without work${list(c.objectivesWithoutWork)}`
    ];
}

/** Each line escaped on its own (`terminalText`): a title, unit or file name holding a line break stays on its line. */
export function traceText(trace: Trace, path: DisplayPath): string {
    const lines: string[] = [];
    // Every ticket below an objective repeats its lines: written once, a deep tree is not quadratic in work.
    const blocks = new Map<ObjectiveTrace, string>();
    const block = (objective: ObjectiveTrace) => {
        let text = blocks.get(objective);
        if (text === undefined) {
            text = [`  → ${objective.id} "${oneLine(objective.title)}"`,
                ...objective.metrics.map(metric => `      metric ${metric.id}: ${metricLine(metric)}`)].map(terminalText).join('\n');
            blocks.set(objective, text);
        }
        return text;
    };
    for (const ticket of trace.tickets) {
        lines.push(terminalText(`${ticket.id} "${oneLine(ticket.title)}"${stateText(ticket)}  ${where(ticket, path)}`));
        if (ticket.chain.length === 0) lines.push('  (orphan: serves no objective)');
        for (const objective of ticket.chain) lines.push(block(objective));
    }
    if (lines.length > 0) lines.push('');
    lines.push('Coverage', ...coverageLines(trace).map(line => terminalText(`  ${line}`)), ...trailTextLines(trace.solutions, path));
    return lines.join('\n') + '\n';
}

/** `head`: what comes before the tickets in the object (the milestone of `trace --milestone`). */
export function traceJson(trace: Trace, path: DisplayPath, head: object = {}): string {
    const tickets = trace.tickets.map(({ at, ...ticket }) => ({ ...ticket, at: where({ ...ticket, at } as TicketTrace, path) }));
    // The learning trail whole (every answer and insight in full), each place as `file:line` as a ticket's.
    const located = <T extends { at: SourceLine }>(item: T) => ({ ...item, at: `${path(item.at.uri)}:${item.at.line}` });
    const solutions = trace.solutions.map(solution => ({
        ...located(solution),
        questions: solution.questions.map(located),
        insights: { for: solution.insights.for.map(located), against: solution.insights.against.map(located) }
    }));
    return JSON.stringify({ ...head, tickets, coverage: trace.coverage, solutions }, null, 2) + '\n';
}

/** One line of text from the workspace in a table cell, escaped as every Markdown export escapes it. */
function cell(text: string): string {
    return markdownText(oneLine(text));
}

export function traceMarkdown(trace: Trace, path: DisplayPath): string {
    const lines = ['# Strategy trace', '', '| Ticket | Serves | Chain to the top | Metrics |', '|---|---|---|---|'];
    for (const ticket of trace.tickets) {
        const [served, ...parents] = ticket.chain;
        const metrics = ticket.chain.flatMap(o => o.metrics.map(m => `${cell(m.id)}: ${cell(metricLine(m))}`));
        lines.push(`| ${cell(ticket.id)} ${cell(`${ticket.title}${stateText(ticket)}`)} (${cell(where(ticket, path))}) | ${served ? cell(served.id) : '**orphan**'} | ${parents.map(p => cell(p.id)).join(' → ')} | ${metrics.join('<br>')} |`);
    }
    lines.push('', '## Coverage', '', ...coverageLines(trace).map(line => `- ${cell(line)}`), ...trailMarkdownLines(trace.solutions));
    return lines.join('\n') + '\n';
}
