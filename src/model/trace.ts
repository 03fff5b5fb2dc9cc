import type { Metric, Objective, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { learningTrailOf, type SolutionTrail } from './learning-trail.js';
import { lineOf, type SourceLine } from './locations.js';
import { byPriority } from './priority.js';
import { isHistory } from './status.js';
import type { Grade, MetricFigures } from './progress.js';

export interface MetricTrace extends MetricFigures {
    id: string;
    title: string;
    progress?: number;
    grade?: Grade;
    /** At this pace, the value on the `by` date and how far of the way that is (not clamped). */
    forecast?: { value: number; date: string; progress: number };
}

export interface ObjectiveTrace {
    id: string;
    title: string;
    metrics: MetricTrace[];
}

export interface TicketTrace {
    id: string;
    title: string;
    status?: string;
    priority?: string;
    /** The ID of the milestone it names, as written. */
    milestone?: string;
    at: SourceLine;
    /** The objective the ticket serves, then its parents up to the top. Empty for an orphan. */
    chain: ObjectiveTrace[];
    /** Some objective on the chain has a metric of its own. */
    measured: boolean;
}

export interface Coverage {
    tickets: number;
    /** Tickets whose chain reaches an objective with a metric. */
    measured: number;
    orphans: string[];
    /** Tickets that serve an objective whose chain has no metric at all. */
    unmeasured: string[];
    /** Leaf objectives that no solution advances and no ticket serves. */
    objectivesWithoutWork: string[];
}

export interface Trace {
    tickets: TicketTrace[];
    coverage: Coverage;
    /** The learning trail: each solution's hypotheses, questions with their answers, insights for and against. */
    solutions: SolutionTrail[];
}

export function metricTrace(model: AlignmentModel, metric: Metric): MetricTrace {
    const facts = model.metrics.get(metric);
    const forecast = facts?.progress?.forecast;
    // Whether `current` was dated matters to the forecast only, which the trace gives whole.
    const { undatedCurrent: _, ...figures } = facts?.figures ?? {};
    return {
        id: metric.name ?? '', // undefined while the parser recovered the metric without its name
        title: metric.title,
        ...figures,
        progress: facts?.progress?.ratio,
        grade: facts?.progress?.grade,
        forecast: forecast && { value: forecast.value, date: forecast.date, progress: forecast.ratio }
    };
}

export function objectiveTrace(model: AlignmentModel, objective: Objective): ObjectiveTrace {
    const metrics = objective.metrics.map(ref => ref.ref).filter((m): m is Metric => m !== undefined);
    return { id: objective.name, title: objective.title, metrics: metrics.map(m => metricTrace(model, m)) };
}

/**
 * Every ticket's chain ticket → objective → parents → metrics, and how much of the backlog is covered. With `only`,
 * the tickets it keeps (one milestone's): the coverage counts those, while objectives without work stay a fact of
 * the whole workspace.
 */
export function traceOf(model: AlignmentModel, only?: (ticket: Ticket) => boolean): Trace {
    // Tickets on a long chain share its objectives: built once each, a 1,000-deep tree stays linear in memory.
    const traced = new Map<Objective, ObjectiveTrace>();
    const traceObjective = (objective: Objective) => {
        let trace = traced.get(objective);
        if (!trace) traced.set(objective, trace = objectiveTrace(model, objective));
        return trace;
    };
    // A ticket or objective the parser recovered without its ID has its syntax error; it has no place in a trace.
    // Listed as every view lists work (byPriority); the sort is stable, so equals stay file by file, as written.
    const tickets = model.tickets.filter(ticket => ticket.name !== undefined && (only?.(ticket) ?? true)).sort(byPriority).map((ticket): TicketTrace => {
        const chain = model.chainOf(ticket).map(traceObjective);
        return {
            id: ticket.name,
            title: ticket.title,
            status: ticket.status[0],
            priority: ticket.priority[0],
            milestone: ticket.milestone[0]?.$refText,
            at: lineOf(ticket),
            chain,
            measured: chain.some(objective => objective.metrics.length > 0)
        };
    });
    const objectivesWithoutWork = [...model.objectives.keys()].filter(o => o.name !== undefined && model.withoutWork(o)).map(o => o.name);
    // A dropped ticket is traced but is history, not backlog: coverage counts the work alone.
    const work = tickets.filter(t => !isHistory(t.status));
    return {
        tickets,
        coverage: {
            tickets: work.length,
            measured: work.filter(t => t.measured).length,
            orphans: work.filter(t => t.chain.length === 0).map(t => t.id),
            unmeasured: work.filter(t => t.chain.length > 0 && !t.measured).map(t => t.id),
            objectivesWithoutWork
        },
        solutions: learningTrailOf(model, only)
    };
}
