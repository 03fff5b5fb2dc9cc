import type { AlignmentTree, MetricNode, ObjectiveNode, SolutionNode } from '../../model/alignment-tree.js';
import { placeKey } from '../../model/locations.js';
import { workOnly } from '../../model/status.js';
import { plural } from '../../model/values.js';

// What the map shows, counted: the line under its title, in the preview, the SVG and the Markdown.

export interface MapCounts {
    objectives: number;
    metrics: number;
    solutions: number;
    tickets: number;
    orphanTickets: number;
    unalignedSolutions: number;
    unmeasured: number;
}

/** A solution is one node however many objectives it advances; two solutions with one ID (an error) stay two. */
export function solutionIdentity(solution: SolutionNode): string {
    return `${solution.id}@${placeKey(solution.location)}`;
}

function metricIdentity(metric: MetricNode): string {
    return `${metric.id}@${placeKey(metric.location)}`;
}

/** Counted with a stack, not recursion: a tree may be thousands of objectives deep. */
export function countTree(tree: AlignmentTree): MapCounts {
    // Dropped tickets and rejected solutions stay on the map as history but are not counted as work.
    const orphanTickets = workOnly(tree.orphanTickets).length;
    const unalignedSolutions = workOnly(tree.unalignedSolutions).length;
    const counts: MapCounts = {
        objectives: 0, metrics: 0, solutions: 0, tickets: orphanTickets, orphanTickets, unalignedSolutions, unmeasured: 0
    };
    const solutions = new Set<string>();
    // A metric is counted once however many objectives it measures, and a health metric no objective names counts too.
    const metrics = new Set<string>(tree.healthMetrics.map(metricIdentity));
    const stack: ObjectiveNode[] = [...tree.objectives];
    while (stack.length > 0) {
        const objective = stack.pop()!;
        counts.objectives++;
        for (const metric of objective.metrics) metrics.add(metricIdentity(metric));
        counts.tickets += workOnly(objective.tickets).length;
        if (!objective.measured) counts.unmeasured++;
        for (const solution of workOnly(objective.solutions)) solutions.add(solutionIdentity(solution));
        for (const child of objective.children) stack.push(child);
    }
    counts.solutions = solutions.size + unalignedSolutions;
    counts.metrics = metrics.size;
    return counts;
}

/** `3 objectives · 3 metrics · 3 solutions · 4 tickets`, then what is out of line, if anything. */
export function summaryText(counts: MapCounts): string {
    return [
        plural(counts.objectives, 'objective'), plural(counts.metrics, 'metric'), plural(counts.solutions, 'solution'),
        plural(counts.tickets, 'ticket'),
        ...(counts.unmeasured ? [`${plural(counts.unmeasured, 'objective')} not measured`] : []),
        ...(counts.orphanTickets ? [plural(counts.orphanTickets, 'orphan ticket')] : []),
        ...(counts.unalignedSolutions ? [plural(counts.unalignedSolutions, 'unaligned solution')] : [])
    ].join(' · ');
}
