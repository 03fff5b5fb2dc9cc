import type { Milestone, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { milestoneObjectives, milestoneState, type TicketStatusCounts } from './milestones.js';
import { objectiveTrace, traceOf, type ObjectiveTrace, type Trace } from './trace.js';

// `strategy trace --milestone ID`: one milestone's tickets with their chains, and what a release note says of it
// (its date against today, its tickets by status, the objectives it moves with their metrics).

export interface MilestoneTrace {
    id: string;
    title: string;
    /** Its `by` as written (a date, or the word in its place); undefined when it has none. */
    by?: string;
    /** Days from today to `by` when it is a calendar date (negative once past). */
    daysLeft?: number;
    /** Past its date with a ticket still live. */
    overdue: boolean;
    counts: TicketStatusCounts;
    /** The objectives it moves (`milestoneObjectives`), each with its metrics and their grades. */
    objectives: ObjectiveTrace[];
    /** Its tickets, by priority, with their chains; the coverage is theirs. */
    trace: Trace;
}

/** The milestones of the workspace with this ID (more than one only with a `duplicate-id` error). */
export function milestonesNamed(model: AlignmentModel, id: string): Milestone[] {
    return (model.byName.get(id) ?? []).filter((element): element is Milestone => element.$type === 'Milestone');
}

/** Every milestone's ID, sorted, each once: what an unknown ID is compared with. */
export function milestoneIds(model: AlignmentModel): string[] {
    return [...new Set([...model.milestones.keys()].map(milestone => milestone.name).filter(name => name !== undefined))].sort();
}

/** `only`: the tickets the other filters of `strategy trace` keep; the milestone's own figures count all of its tickets. */
export function milestoneTrace(model: AlignmentModel, milestone: Milestone, only?: (ticket: Ticket) => boolean): MilestoneTrace {
    const state = milestoneState(model, milestone);
    const tickets = new Set(model.milestones.get(milestone)?.tickets ?? []);
    return {
        id: milestone.name,
        title: milestone.title ?? '', // undefined while the parser recovered the milestone without its title
        by: milestone.by[0],
        daysLeft: state.daysLeft,
        overdue: state.overdue,
        counts: state.counts,
        objectives: milestoneObjectives(model, milestone).map(objective => objectiveTrace(model, objective)),
        trace: traceOf(model, ticket => tickets.has(ticket) && (only?.(ticket) ?? true))
    };
}
