import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { Metric, Objective, Solution, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { metricTrace, type MetricTrace } from './trace.js';

/** Zero-based, as LSP and VS Code count; plain data so it crosses the wire and reaches a webview unchanged. */
export interface TextRange {
    start: { line: number; character: number };
    end: { line: number; character: number };
}

/** Where an element's name is written. */
export interface ElementLocation {
    uri: string;
    range: TextRange;
}

export interface MetricNode extends MetricTrace {
    kind: 'metric';
    location: ElementLocation;
}

export interface SolutionNode {
    kind: 'solution';
    id: string;
    title: string;
    status?: string;
    location: ElementLocation;
}

export interface TicketNode {
    kind: 'ticket';
    id: string;
    title: string;
    status?: string;
    ticketKind?: string;
    location: ElementLocation;
}

export interface ObjectiveNode {
    kind: 'objective';
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
}

// An element the parser recovered without its name (`objective "Grow" {` while the ID is still being typed) has
// `name` undefined although the AST's type says string: its views show it with an empty ID rather than crash.

/** Where `cst` is written in the document of `node`, as plain data (the start of the file when there is no `cst`). */
export function cstLocation(node: AstNode, cst: CstNode | undefined): ElementLocation {
    const start = cst?.range.start ?? { line: 0, character: 0 };
    const end = cst?.range.end ?? start;
    return {
        uri: AstUtils.getDocument(node).uri.toString(),
        range: { start: { line: start.line, character: start.character }, end: { line: end.line, character: end.character } }
    };
}

/** Where the element's name is written (the whole element while it has no name, or if its kind has none). */
export function locationOf(node: AstNode): ElementLocation {
    return cstLocation(node, GrammarUtils.findNodeForProperty(node.$cstNode, 'name') ?? node.$cstNode);
}

/**
 * An element's ID, title and location as every view shows them. The parser recovers an element without its name
 * or title while the user types it (`objective "…"`): those show as empty text.
 */
export function elementFields(element: AstNode & { name: string; title?: string }): { id: string; title: string; location: ElementLocation } {
    return { id: element.name ?? '', title: element.title ?? '', location: locationOf(element) };
}

// Documents arrive in whatever order the file system listed them; source order keeps the tree stable between builds.
function bySource(a: { location: ElementLocation }, b: { location: ElementLocation }): number {
    if (a.location.uri !== b.location.uri) return a.location.uri < b.location.uri ? -1 : 1;
    return a.location.range.start.line - b.location.range.start.line
        || a.location.range.start.character - b.location.range.start.character;
}

function unique<T>(items: Iterable<T | undefined>): T[] {
    return [...new Set(items)].filter((item): item is T => item !== undefined);
}

export function metricNode(model: AlignmentModel, metric: Metric): MetricNode {
    return { kind: 'metric', ...metricTrace(model, metric), title: metric.title ?? '', location: locationOf(metric) };
}

function solutionNode(solution: Solution): SolutionNode {
    return { kind: 'solution', ...elementFields(solution), status: solution.status[0] };
}

export function ticketNode(ticket: Ticket): TicketNode {
    return { kind: 'ticket', ...elementFields(ticket), status: ticket.status[0], ticketKind: ticket.kind[0] };
}

/** Objective tree with metrics, solutions and tickets, plus the work that reaches no objective; built from one model. */
export function buildAlignmentTree(model: AlignmentModel): AlignmentTree {
    const placed = new Set<Objective>();

    const objectiveNode = (objective: Objective): ObjectiveNode => {
        placed.add(objective);
        const facts = model.facts(objective);
        const children = (facts?.children ?? []).filter(child => !placed.has(child));
        // Mark before recursing, so a cycle closes on a member already in the tree instead of recursing forever.
        children.forEach(child => placed.add(child));
        return {
            kind: 'objective',
            ...elementFields(objective),
            measured: facts?.measured ?? false,
            inCycle: facts?.cycle !== undefined,
            metrics: unique(objective.metrics.map(ref => ref.ref)).map(metric => metricNode(model, metric)),
            solutions: unique(facts?.solutions ?? []).map(solutionNode).sort(bySource),
            tickets: unique(facts?.tickets ?? []).map(ticketNode).sort(bySource),
            children: children.map(objectiveNode).sort(bySource)
        };
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

    return {
        objectives,
        orphanTickets: model.tickets.filter(ticket => !ticket.serves[0]?.ref).map(ticketNode).sort(bySource),
        unalignedSolutions: [...model.solutions.keys()]
            .filter(solution => !solution.objectives.some(ref => ref.ref))
            .map(solutionNode)
            .sort(bySource)
    };
}
