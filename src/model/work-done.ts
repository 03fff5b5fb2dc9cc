import type { Metric, Objective } from '../language/generated/ast.js';
import type { AlignmentModel, MetricFacts } from './alignment.js';
import { targetReached } from './progress.js';
import { isLive, statusOf, workOnly } from './status.js';

// `work-done-target-unmet`: the work planned for a leaf objective is finished, yet one of its metrics has not moved
// to its target. The work moved nothing (yet): plan more, or revisit the solutions.

export interface WorkDoneTargetUnmet {
    /** The tickets serving the objective, all done (dropped ones are history and left out). */
    doneTickets: number;
    /** Its own metrics that still await their target, each with how far it has come (0..1). */
    unmet: Array<{ metric: Metric; ratio: number }>;
}

/**
 * A metric whose target the work was meant to reach and has not: it has a reading and it is short of its target.
 * Without a current reading nothing says the work failed to move it, so it is not reported. A KPI (a `range`
 * without a target) is watched rather than moved to a target: it has no progress, so it is never reported.
 */
export function awaitsTarget(facts: MetricFacts): boolean {
    return facts.progress?.ratio !== undefined && !targetReached(facts.figures);
}

/**
 * The finding for a leaf objective, or undefined: at least one ticket serves it and every one is `done`, no
 * solution advancing it is live (`idea`, `testing`, `building`), and one of its own metrics awaits its target.
 */
export function workDoneTargetUnmet(objective: Objective, model: AlignmentModel): WorkDoneTargetUnmet | undefined {
    const facts = model.facts(objective);
    if (!facts || facts.children.length > 0) return undefined;
    const tickets = workOnly(facts.tickets);
    if (tickets.length === 0 || tickets.some(ticket => statusOf(ticket) !== 'done')) return undefined;
    if (facts.solutions.some(solution => isLive(statusOf(solution)))) return undefined;
    const unmet: WorkDoneTargetUnmet['unmet'] = [];
    for (const ref of objective.metrics) {
        const metric = ref.ref && model.metrics.get(ref.ref);
        if (metric && awaitsTarget(metric) && !unmet.some(u => u.metric === metric.metric)) {
            unmet.push({ metric: metric.metric, ratio: metric.progress!.ratio! });
        }
    }
    return unmet.length > 0 ? { doneTickets: tickets.length, unmet } : undefined;
}
