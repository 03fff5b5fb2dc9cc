import type { Evidenced, Insight, Metric, Objective, Solution, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { bySource, elementFields, locationOf, type ElementLocation } from './locations.js';
import { byPriority } from './priority.js';
import { metricTrace, type MetricTrace } from './trace.js';

export interface MetricNode extends MetricTrace {
    kind: 'metric';
    location: ElementLocation;
    /** The date it is graded on (YYYY-MM-DD): where its chart draws today's line. */
    today: string;
}

/** The insights for (`supports`) and against (`contradicts`) an element, by ID and title, in source order. */
export interface EvidenceNode {
    for: Array<{ id: string; title: string }>;
    against: Array<{ id: string; title: string }>;
}

export interface SolutionNode {
    kind: 'solution';
    /** Only when an insight speaks of it. */
    evidence?: EvidenceNode;
    id: string;
    title: string;
    status?: string;
    /** Its `priority`, only when written. */
    priority?: string;
    location: ElementLocation;
}

export interface TicketNode {
    kind: 'ticket';
    id: string;
    title: string;
    status?: string;
    ticketKind?: string;
    /** Its `priority`, only when written. */
    priority?: string;
    /** The milestone it names, as written when it does not resolve; only when written. */
    milestone?: string;
    location: ElementLocation;
}

export interface ObjectiveNode {
    kind: 'objective';
    /** Only when an insight speaks of it. */
    evidence?: EvidenceNode;
    id: string;
    title: string;
    location: ElementLocation;
    /** It has a metric itself or through a sub-objective (the `unmeasured-objective` check's rule). */
    measured: boolean;
    /** It is its own ancestor; the tree shows the cycle once, entered at its first member in source order. */
    inCycle: boolean;
    metrics: MetricNode[];
    solutions: SolutionNode[];
    tickets: TicketNode[];
    children: ObjectiveNode[];
}

/** The alignment map as the explorer view and the preview show it. */
export interface AlignmentTree {
    /** Objectives without a parent, each with its sub-objectives at any depth. */
    objectives: ObjectiveNode[];
    /** Tickets that hang under no objective: no `serves`, or one that does not resolve. */
    orphanTickets: TicketNode[];
    /** Solutions that advance no (resolvable) objective. */
    unalignedSolutions: SolutionNode[];
    /** Every KPI (a `range` and no target), in source order: watched rather than moved, so it needs no objective. */
    healthMetrics: MetricNode[];
}

// An element the parser recovered without its name (`objective "Grow" {` while the ID is still being typed) has
// `name` undefined although the AST's type says string: its views show it with an empty ID rather than crash.

function unique<T>(items: Iterable<T | undefined>): T[] {
    return [...new Set(items)].filter((item): item is T => item !== undefined);
}

export function metricNode(model: AlignmentModel, metric: Metric): MetricNode {
    return { kind: 'metric', ...metricTrace(model, metric), title: metric.title ?? '', location: locationOf(metric), today: model.today };
}

function evidenceOf(model: AlignmentModel, element: Evidenced): { evidence?: EvidenceNode } {
    const evidence = model.evidenceOf(element);
    if (evidence.for.length + evidence.against.length === 0) return {};
    const item = (insight: Insight) => ({ id: insight.name, title: insight.title ?? '' });
    return { evidence: { for: evidence.for.map(item), against: evidence.against.map(item) } };
}

function solutionNode(model: AlignmentModel, solution: Solution): SolutionNode {
    const priority = solution.priority[0];
    return {
        kind: 'solution', ...elementFields(solution), status: solution.status[0], ...priority !== undefined && { priority },
        ...evidenceOf(model, solution)
    };
}

export function ticketNode(ticket: Ticket): TicketNode {
    const priority = ticket.priority[0];
    const milestone = ticket.milestone[0] && (ticket.milestone[0].ref?.name ?? ticket.milestone[0].$refText);
    return {
        kind: 'ticket', ...elementFields(ticket), status: ticket.status[0], ticketKind: ticket.kind[0],
        ...priority !== undefined && { priority }, ...milestone && { milestone }
    };
}

/** Work as every view lists it: by priority and status (`byPriority`), then in source order. */
function workOrder(a: TicketNode | SolutionNode, b: TicketNode | SolutionNode): number {
    return byPriority(a, b) || bySource(a, b);
}

/**
 * What a filtered map keeps (src/model/work-filter.ts): the tickets `ticket` keeps, and the objectives on the path to
 * one of them or that `objective` keeps themselves. Solutions and health metrics are no ticket, so no filter keeps them.
 */
export interface TreeFilter {
    ticket: (ticket: Ticket) => boolean;
    objective?: (objective: Objective) => boolean;
}

/** Drops, bottom-up, the objectives with no kept work below them that the filter does not keep themselves. */
function pruned(node: ObjectiveNode, keeps: (node: ObjectiveNode) => boolean): ObjectiveNode | undefined {
    const children = node.children.map(child => pruned(child, keeps)).filter(child => child !== undefined);
    const kept = { ...node, solutions: [], children };
    return keeps(node) || kept.tickets.length > 0 || children.length > 0 ? kept : undefined;
}

/** Objective tree with metrics, solutions and tickets, plus the work that reaches no objective; built from one model. */
export function buildAlignmentTree(model: AlignmentModel, filter?: TreeFilter): AlignmentTree {
    const placed = new Set<Objective>();
    const selfKept = new Set<ObjectiveNode>();
    const keptTickets = (tickets: readonly Ticket[]) => (filter ? tickets.filter(filter.ticket) : tickets);

    const objectiveNode = (objective: Objective): ObjectiveNode => {
        placed.add(objective);
        const facts = model.facts(objective);
        const children = (facts?.children ?? []).filter(child => !placed.has(child));
        // Mark before recursing, so a cycle closes on a member already in the tree instead of recursing forever.
        children.forEach(child => placed.add(child));
        const node: ObjectiveNode = {
            kind: 'objective',
            ...elementFields(objective),
            measured: facts?.measured ?? false,
            inCycle: facts?.cycle !== undefined,
            ...evidenceOf(model, objective),
            metrics: unique(objective.metrics.map(ref => ref.ref)).map(metric => metricNode(model, metric)),
            solutions: unique(facts?.solutions ?? []).map(solution => solutionNode(model, solution)).sort(workOrder),
            tickets: keptTickets(unique(facts?.tickets ?? [])).map(ticketNode).sort(workOrder),
            children: children.map(objectiveNode).sort(bySource)
        };
        if (filter?.objective?.(objective)) selfKept.add(node);
        return node;
    };

    const inSourceOrder = [...model.objectives.keys()]
        .map(objective => ({ objective, location: locationOf(objective) }))
        .sort(bySource)
        .map(entry => entry.objective);
    const isTop = (objective: Objective) => {
        const parent = model.facts(objective)?.parent;
        return parent === undefined || !model.objectives.has(parent);
    };
    const objectives = inSourceOrder.filter(isTop).map(objectiveNode);
    // Following parents from any objective ends at a top one or in a cycle, so entering each cycle once reaches the rest.
    for (const objective of inSourceOrder) {
        if (!placed.has(objective) && model.facts(objective)?.cycle) objectives.push(objectiveNode(objective));
    }

    const orphans = keptTickets(model.tickets.filter(ticket => !ticket.serves[0]?.ref));
    if (filter) {
        return {
            objectives: objectives.map(node => pruned(node, kept => selfKept.has(kept))).filter(node => node !== undefined),
            orphanTickets: orphans.map(ticketNode).sort(workOrder),
            unalignedSolutions: [],
            healthMetrics: []
        };
    }
    return {
        objectives,
        orphanTickets: orphans.map(ticketNode).sort(workOrder),
        unalignedSolutions: [...model.solutions.keys()]
            .filter(solution => !solution.objectives.some(ref => ref.ref))
            .map(solution => solutionNode(model, solution))
            .sort(workOrder),
        healthMetrics: [...model.metrics.values()]
            .filter(facts => facts.figures.kpi && facts.metric.name !== undefined)
            .map(facts => metricNode(model, facts.metric))
            .sort(bySource)
    };
}
