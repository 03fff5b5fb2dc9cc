import type { AlignmentTree, ObjectiveNode, SolutionNode, TicketNode } from '../../model/alignment-tree.js';
import { elementKey } from '../../model/preview-view.js';
import { cycleBadge as cycle, statusBadge, unmeasuredBadge as unmeasured, type Badge } from '../badges.js';
import { elementAttributes } from '../item-markup.js';
import { measureCard, type CardBlock, type MeasuredCard } from '../svg/svg-card.js';
import { fullTitle, itemBlock, labelBlock, metricBlock } from '../svg/svg-blocks.js';
import type { LayoutEdge, LayoutGraph, LayoutNode } from './map-layout.js';
import { solutionIdentity } from './map-counts.js';

// The alignment tree as the graph the map lays out. It stays small: a node per objective (a card with its metrics
// and the tickets that serve it: a ticket serves one objective), a node per solution (edges to every objective it
// advances), parent → child edges, and one "Not aligned" node for orphan tickets and unaligned solutions.

export interface MapNode extends LayoutNode {
    kind: 'objective' | 'solution' | 'health' | 'not-aligned';
    /** Classes of the node's <g>: `node node-objective unmeasured`… */
    classes: string;
    /** Pre-escaped `data-element` and location attributes of the node's <g>; none for the group. */
    attributes: string;
    title: string;
    card: MeasuredCard;
}

export interface MapEdge extends LayoutEdge {
    kind: 'parent' | 'advances';
}

export interface MapGraph extends LayoutGraph {
    nodes: MapNode[];
    edges: MapEdge[];
}

const width = { objective: 300, solution: 240, group: 300 };
const orphan: Badge = { text: 'orphan', tone: 'warning', name: 'orphan' };
const unaligned: Badge = { text: 'unaligned', tone: 'warning', name: 'unaligned' };

function ticketBlock(ticket: TicketNode, interactive: boolean, badges: Badge[] = []): CardBlock {
    return itemBlock({
        key: elementKey('ticket', ticket.id), location: ticket.location, interactive,
        classes: `node node-ticket${badges.includes(orphan) ? ' orphan' : ''}`,
        head: [ticket.id, ticket.status, ticket.priority, ticket.ticketKind].filter(Boolean).join(' · '), title: ticket.title, titleLines: 2, badges
    });
}

/** A node's card, measured at the node's width: the layout sizes the node by it. */
function card(blocks: CardBlock[], nodeWidth: number): Pick<MapNode, 'card' | 'width' | 'height'> {
    const measured = measureCard(blocks, nodeWidth);
    return { card: measured, width: nodeWidth, height: measured.height };
}

function objectiveNode(id: string, objective: ObjectiveNode, interactive: boolean): MapNode {
    const badges = [...(objective.measured ? [] : [unmeasured]), ...(objective.inCycle ? [cycle] : [])];
    const blocks: CardBlock[] = [{
        texts: [
            { text: objective.id, cls: 't-id', size: 13, bold: true, maxLines: 2 },
            ...(objective.title ? [{ text: objective.title, cls: 't-title', maxLines: 3 }] : [])
        ],
        badges
    }];
    if (objective.metrics.length > 0) blocks.push(labelBlock('METRICS'), ...objective.metrics.map(metric => metricBlock(metric, interactive)));
    if (objective.tickets.length > 0) {
        blocks.push(labelBlock(`TICKETS (${objective.tickets.length})`), ...objective.tickets.map(ticket => ticketBlock(ticket, interactive)));
    }
    const classes = ['node', 'node-objective', ...badges.map(badge => badge.name)].join(' ');
    return {
        id, kind: 'objective', classes, title: fullTitle(objective.id, objective.title),
        attributes: elementAttributes(elementKey('objective', objective.id), objective.location, interactive),
        ...card(blocks, width.objective)
    };
}

function solutionBlocks(solution: SolutionNode): CardBlock[] {
    return [{
        texts: [
            { text: 'SOLUTION', cls: 't-label', size: 10.5 },
            { text: solution.id, cls: 't-id', size: 12.5, bold: true, maxLines: 2 },
            ...(solution.title ? [{ text: solution.title, cls: 't-title', maxLines: 3 }] : [])
        ],
        badges: statusBadge(solution.status)
    }];
}

function solutionNode(id: string, solution: SolutionNode, interactive: boolean): MapNode {
    return {
        id, kind: 'solution', classes: 'node node-solution', title: fullTitle(solution.id, solution.title),
        attributes: elementAttributes(elementKey('solution', solution.id), solution.location, interactive),
        ...card(solutionBlocks(solution), width.solution)
    };
}

function notAlignedNode(tree: AlignmentTree, interactive: boolean): MapNode {
    const blocks: CardBlock[] = [{ texts: [{ text: 'Not aligned', cls: 't-heading', size: 13, bold: true }, { text: 'Work that reaches no objective', cls: 't-muted' }] }];
    if (tree.orphanTickets.length > 0) {
        blocks.push(labelBlock(`ORPHAN TICKETS (${tree.orphanTickets.length}): SERVE NO OBJECTIVE`));
        for (const ticket of tree.orphanTickets) blocks.push(ticketBlock(ticket, interactive, [orphan]));
    }
    if (tree.unalignedSolutions.length > 0) {
        blocks.push(labelBlock(`UNALIGNED SOLUTIONS (${tree.unalignedSolutions.length}): ADVANCE NO OBJECTIVE`));
        for (const solution of tree.unalignedSolutions) blocks.push(itemBlock({
            key: elementKey('solution', solution.id), location: solution.location, interactive, classes: 'node node-solution unaligned',
            head: solution.id, title: solution.title, titleLines: 2, badges: [unaligned, ...statusBadge(solution.status)]
        }));
    }
    return { id: 'not-aligned', kind: 'not-aligned', classes: 'group group-not-aligned', title: 'Not aligned', attributes: '', ...card(blocks, width.group) };
}

/** The KPIs, each with its figures and grade in words: a band to stay inside, watched beside the objectives. */
function healthNode(tree: AlignmentTree, interactive: boolean): MapNode {
    const blocks: CardBlock[] = [{ texts: [{ text: 'Health metrics', cls: 't-heading', size: 13, bold: true }, { text: 'Kept inside a range, not moved to a target', cls: 't-muted' }] }];
    for (const metric of tree.healthMetrics) blocks.push(metricBlock(metric, interactive, 0));
    return { id: 'health', kind: 'health', classes: 'group group-health', title: 'Health metrics', attributes: '', ...card(blocks, width.group) };
}

/** The graph of the tree, objectives in depth-first order, walked with a stack (a tree may be thousands deep). */
export function mapGraph(tree: AlignmentTree, interactive: boolean): MapGraph {
    const nodes: MapNode[] = [];
    const edges: MapEdge[] = [];
    const solutions = new Map<string, string>();
    const solutionNodes: MapNode[] = [];
    const stack: Array<{ objective: ObjectiveNode; parent?: string }> = [...tree.objectives].reverse().map(objective => ({ objective }));
    while (stack.length > 0) {
        const { objective, parent } = stack.pop()!;
        const id = `o${nodes.length}`;
        nodes.push(objectiveNode(id, objective, interactive));
        if (parent) edges.push({ id: `e${edges.length}`, source: parent, target: id, kind: 'parent' });
        for (const solution of objective.solutions) {
            const identity = solutionIdentity(solution);
            let solutionId = solutions.get(identity);
            if (!solutionId) {
                solutionId = `s${solutions.size}`;
                solutions.set(identity, solutionId);
                solutionNodes.push(solutionNode(solutionId, solution, interactive));
            }
            edges.push({ id: `e${edges.length}`, source: id, target: solutionId, kind: 'advances' });
        }
        for (let index = objective.children.length - 1; index >= 0; index--) stack.push({ objective: objective.children[index], parent: id });
    }
    for (const node of solutionNodes) nodes.push(node);
    if (tree.healthMetrics.length > 0) nodes.push(healthNode(tree, interactive));
    if (tree.orphanTickets.length > 0 || tree.unalignedSolutions.length > 0) nodes.push(notAlignedNode(tree, interactive));
    return { nodes, edges };
}
