import type { Milestone, Objective, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { daysBetween } from './progress.js';
import { isLive, statusOf } from './status.js';
import { isCalendarDate } from './values.js';

// A milestone as the roadmap, hover, code lens and checks read it: its date, how far away or late it is, its tickets
// counted by status, and the objectives it moves. One reading, so every view says the same.

/** Ticket statuses in the order they are counted and shown; tickets without a status count as `todo`. */
export const ticketStatuses = ['todo', 'doing', 'done', 'dropped'] as const;
export type TicketStatusCounts = Record<(typeof ticketStatuses)[number], number>;

export interface MilestoneState {
    /** Its `by` date, when it is a calendar date. */
    by?: string;
    /** Days from today to `by` (negative once it has passed); undefined without a date. */
    daysLeft?: number;
    /** Past its date with a ticket still live: `milestone-overdue`. */
    overdue: boolean;
    /** Its tickets by status; a ticket without a status counts as `todo`, one with an unknown status is not counted. */
    counts: TicketStatusCounts;
    /** Its tickets that are live work (`todo`, `doing`). */
    live: Ticket[];
}

/** The `by` date of a milestone when written as a calendar date. */
export function milestoneDate(milestone: Milestone): string | undefined {
    const by = milestone.by[0];
    return isCalendarDate(by) ? by : undefined;
}

export function milestoneState(model: AlignmentModel, milestone: Milestone): MilestoneState {
    const tickets = model.milestones.get(milestone)?.tickets ?? [];
    const counts: TicketStatusCounts = { todo: 0, doing: 0, done: 0, dropped: 0 };
    for (const ticket of tickets) {
        const status = statusOf(ticket) ?? 'todo';
        if (status in counts) counts[status as keyof TicketStatusCounts]++;
    }
    const live = tickets.filter(ticket => isLive(statusOf(ticket) ?? 'todo'));
    const by = milestoneDate(milestone);
    const daysLeft = by === undefined ? undefined : daysBetween(model.today, by);
    return { by, daysLeft, overdue: daysLeft !== undefined && daysLeft < 0 && live.length > 0, counts, live };
}

/**
 * The objectives a milestone moves: those it `advances`, else those its tickets serve (dropped tickets aside), each
 * once, in the order first named.
 */
export function milestoneObjectives(model: AlignmentModel, milestone: Milestone): Objective[] {
    const named = milestone.objectives.map(ref => ref.ref).filter((objective): objective is Objective => objective !== undefined);
    if (milestone.objectives.length > 0) return [...new Set(named)];
    const tickets = (model.milestones.get(milestone)?.tickets ?? []).filter(ticket => statusOf(ticket) !== 'dropped');
    return [...new Set(tickets.map(ticket => ticket.serves[0]?.ref).filter((objective): objective is Objective => objective !== undefined))];
}

/** `due in 23 days`, `due today`, `12 days late`: the date against today in words. */
export function dueText(daysLeft: number): string {
    if (daysLeft === 0) return 'due today';
    if (daysLeft > 0) return `due in ${daysLeft} ${daysLeft === 1 ? 'day' : 'days'}`;
    return `${-daysLeft} ${daysLeft === -1 ? 'day' : 'days'} late`;
}
