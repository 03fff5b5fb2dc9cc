import { metricLine } from '../../model/metric-text.js';
import { dueText } from '../../model/milestones.js';
import type { MilestoneTrace } from '../../model/milestone-trace.js';
import { isLive } from '../../model/status.js';
import type { TicketTrace } from '../../model/trace.js';
import { oneLine, plural } from '../../model/values.js';
import { terminalText } from '../escape.js';
import { markdownText } from './markdown.js';
import { traceJson, traceText, type DisplayPath } from './trace-formats.js';

// `strategy trace --milestone ID`: the milestone's tickets with their chains (text, JSON), or a release note (md).

/**
 * `by 2027-01-31, due in 69 days`; once past, `12 days late` while a ticket is live, `12 days ago` when none is;
 * `by soon` for a `by` that is not a date, `no date` without one.
 */
export function dueWords(milestone: MilestoneTrace): string {
    if (milestone.by === undefined) return 'no date';
    if (milestone.daysLeft === undefined) return `by ${oneLine(milestone.by)}`;
    const days = milestone.daysLeft;
    const when = days >= 0 || milestone.overdue ? dueText(days) : `${plural(-days, 'day')} ago`;
    return `by ${milestone.by}, ${when}`;
}

/** `1 done, 1 doing, 2 to do, 1 dropped`: the statuses it has tickets in. */
function countsText(milestone: MilestoneTrace): string {
    const { todo, doing, done, dropped } = milestone.counts;
    const parts = [[done, 'done'], [doing, 'doing'], [todo, 'to do'], [dropped, 'dropped']] as const;
    const some = parts.filter(([count]) => count > 0).map(([count, word]) => `${count} ${word}`);
    return some.length > 0 ? some.join(', ') : 'no tickets';
}

export function milestoneText(milestone: MilestoneTrace, path: DisplayPath): string {
    const moves = milestone.objectives.map(objective => objective.id);
    const head = [
        `Milestone ${milestone.id} "${oneLine(milestone.title)}" (${dueWords(milestone)}): ${countsText(milestone)}`,
        `  moves ${moves.length > 0 ? moves.join(', ') : 'no objective'}`
    ];
    return head.map(terminalText).join('\n') + '\n\n' + traceText(milestone.trace, path);
}

export function milestoneJson(milestone: MilestoneTrace, path: DisplayPath): string {
    const { trace: _, ...head } = milestone;
    return traceJson(milestone.trace, path, { milestone: head });
}

/** A ticket in a section that already says its status: the status is told only where it varies (`doing`). */
function ticketItem(ticket: TicketTrace, withStatus: boolean): string {
    const facts = (withStatus && ticket.status ? [ticket.status] : []).concat(ticket.priority ? [ticket.priority] : []);
    const said = facts.length > 0 ? ` *(${markdownText(facts.join(', '))})*` : '';
    return `- **${markdownText(ticket.id)}** ${markdownText(oneLine(ticket.title))}${said}`;
}

function section(title: string, tickets: TicketTrace[], none: string, withStatus = false): string[] {
    return [`## ${title}`, '', ...(tickets.length > 0 ? tickets.map(ticket => ticketItem(ticket, withStatus)) : [`*${none}*`]), ''];
}

/**
 * A release note: what the milestone delivers (done tickets as delivered, live ones as remaining, dropped ones
 * noted), then the objectives it moves with their metrics and grades in words. Tickets come by priority.
 */
export function milestoneMarkdown(milestone: MilestoneTrace): string {
    const tickets = milestone.trace.tickets;
    const status = (ticket: TicketTrace) => ticket.status ?? 'todo';
    const delivered = tickets.filter(ticket => status(ticket) === 'done');
    const remaining = tickets.filter(ticket => isLive(status(ticket)));
    const dropped = tickets.filter(ticket => status(ticket) === 'dropped');
    const lines = [
        `# Milestone ${markdownText(milestone.id)}: ${markdownText(oneLine(milestone.title))} (${markdownText(dueWords(milestone))})`, '',
        markdownText(`${plural(tickets.length, 'ticket')}: ${countsText(milestone)}`) + (milestone.overdue ? ' — **overdue**' : ''), '',
        ...section('Delivered', delivered, 'Nothing delivered yet.'),
        ...section('Remaining', remaining, 'Nothing remaining.', true)
    ];
    if (dropped.length > 0) lines.push(...section('Dropped', dropped, ''));
    lines.push('## Objectives it moves', '');
    if (milestone.objectives.length === 0) lines.push('*It names no objective and its tickets serve none.*');
    for (const objective of milestone.objectives) {
        lines.push(`- **${markdownText(objective.id)}** ${markdownText(oneLine(objective.title))}`);
        if (objective.metrics.length === 0) lines.push('  - *no metric*');
        for (const metric of objective.metrics) {
            lines.push(`  - Metric **${markdownText(metric.id)}** ${markdownText(oneLine(metric.title))}: ${markdownText(metricLine(metric))}`);
        }
    }
    return lines.join('\n') + '\n';
}
