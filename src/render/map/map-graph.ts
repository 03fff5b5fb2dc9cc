import type { AlignmentTree, ObjectiveNode } from '../../model/alignment-tree.js';
import { elementKey } from '../../model/preview-view.js';
import { cycleBadge as cycle, statusBadge, unmeasuredBadge as unmeasured, type Badge } from '../badges.js';
import { elementAttributes } from '../item-markup.js';
import { isLive } from '../../model/status.js';
import { measureCard, type CardBlock, type MeasuredCard } from '../svg/svg-card.js';
import { fullTitle, itemBlock, labelBlock } from '../svg/svg-blocks.js';
import type { OutlineEdge, OutlineNode } from './map-outline.js';
import { plural } from '../../model/values.js';
import type { ChangeMarks } from './map-changes.js';
import { countsBlock, healthCards, moreBlock, objectiveCards, summaryTickets, ticketBlock, ticketLine, type CardPair } from './map-cards.js';

// The alignment tree as the graph the map lays out. It stays small: a node per objective (a card summarising its
// metrics and the solutions and tickets that serve it, see map-cards.ts), parent → child edges, a "Health metrics"
// group and one "Not aligned" node for orphan tickets and unaligned solutions.

export interface MapNode extends OutlineNode {
    kind: 'objective' | 'health' | 'not-aligned' | 'removed' | 'other-changes';
    /** What the preview remembers the card by, as its script's cardKey: the element's key, a group's `group:<id>`. */
    key: string;
    /** How many objectives are above it: the outline indents it by that much. */
    depth: number;
    /** Classes of the node's <g>: `node node-objective unmeasured`… */
    classes: string;
    /** Pre-escaped `data-element`, location and `data-node` attributes of the node's <g>; a group has no element. */
    attributes: string;
    title: string;
    /** The summary the node is laid out with. */
    card: MeasuredCard;
    /**
     * The whole card, drawn over the summary when the preview expands it; measured only for the cards `wantWhole`
     * names (the preview's fragment carries only the expanded ones: the others are most of its bytes).
     */
    whole?: MeasuredCard;
    /** The summary leaves something out: the card has a whole card to expand to. */
    expandable: boolean;
}

/** Which nodes' whole cards to measure, by their key; none by default (exports draw the summaries only). */
export type WantWhole = (key: string) => boolean;
const noWhole: WantWhole = () => false;

export interface MapEdge extends OutlineEdge {
    kind: 'parent';
}

export interface MapGraph {
    nodes: MapNode[];
    edges: MapEdge[];
}

const width = { objective: 260, group: 260 };
const orphan: Badge = { text: 'orphan', tone: 'warning', name: 'orphan' };
const unaligned: Badge = { text: 'unaligned', tone: 'warning', name: 'unaligned' };

/** A node's card, measured at the node's width (the layout sizes the node by its summary), and its whole card. */
function cards(pair: CardPair, nodeWidth: number, whole: boolean, marks?: ChangeMarks): Pick<MapNode, 'card' | 'whole' | 'width' | 'height' | 'expandable'> {
    if (marks) pair = marks.mark(pair);
    const measured = measureCard(pair.summary, nodeWidth);
    return { card: measured, ...pair.whole && whole && { whole: measureCard(pair.whole, nodeWidth) }, width: nodeWidth, height: measured.height, expandable: pair.whole !== undefined };
}

function objectiveNode(id: string, path: string, objective: ObjectiveNode, interactive: boolean, wantWhole: WantWhole, marks?: ChangeMarks): MapNode {
    const badges = [...(objective.measured ? [] : [unmeasured]), ...(objective.inCycle ? [cycle] : [])];
    const classes = ['node', 'node-objective', ...badges.map(badge => badge.name)].join(' ');
    // data-node and data-path (its ancestors' nodes and its own) let the preview show one objective's subtree.
    const place = interactive ? ` data-node="${id}" data-path="${path}"` : '';
    const key = elementKey('objective', objective.id);
    return {
        id, key, kind: 'objective', depth: path.split(' ').length - 1, classes, title: fullTitle(objective.id, objective.title),
        attributes: elementAttributes(key, objective.location, interactive) + place,
        ...cards(objectiveCards(objective, badges, interactive), width.objective, wantWhole(key), marks)
    };
}

/** A group's card expands in the preview as an objective's does: focusable, named by its node's ID. */
function groupAttributes(id: string, interactive: boolean): string {
    return interactive ? ` data-node="${id}" tabindex="0" role="button"` : '';
}

function notAlignedNode(tree: AlignmentTree, interactive: boolean, wantWhole: WantWhole, marks?: ChangeMarks): MapNode {
    const heading: CardBlock = { texts: [{ text: 'Not aligned', cls: 't-heading', size: 13, bold: true }, { text: 'Work that reaches no objective', cls: 't-muted' }] };
    const summary: CardBlock[] = [heading];
    const whole: CardBlock[] = [heading];
    const orphans = tree.orphanTickets;
    if (orphans.length > 0) {
        const label = labelBlock(`ORPHAN TICKETS (${orphans.length}): SERVE NO OBJECTIVE`);
        summary.push(countsBlock(plural(orphans.length, 'orphan ticket'), orphans));
        const live = orphans.filter(ticket => isLive(ticket.status)).slice(0, summaryTickets);
        summary.push(...live.map(ticket => ticketLine(ticket, interactive)));
        if (orphans.length > live.length) summary.push(moreBlock(orphans.length - live.length, interactive));
        whole.push(label, ...orphans.map(ticket => ticketBlock(ticket, interactive, [orphan])));
    }
    if (tree.unalignedSolutions.length > 0) {
        const label = labelBlock(`UNALIGNED SOLUTIONS (${tree.unalignedSolutions.length}): ADVANCE NO OBJECTIVE`);
        summary.push(countsBlock(plural(tree.unalignedSolutions.length, 'unaligned solution'), tree.unalignedSolutions));
        whole.push(label, ...tree.unalignedSolutions.map(solution => itemBlock({
            key: elementKey('solution', solution.id), location: solution.location, interactive, classes: 'node node-solution unaligned',
            head: solution.id, title: solution.title, titleLines: 2, badges: [unaligned, ...statusBadge(solution.status)]
        })));
    }
    const key = 'group:not-aligned';
    return { id: 'not-aligned', key, kind: 'not-aligned', depth: 0, classes: 'group group-not-aligned', title: 'Not aligned', attributes: groupAttributes('not-aligned', interactive), ...cards({ summary, whole }, width.group, wantWhole(key), marks) };
}

/** The KPIs, each with its figures and grade in words: a band to stay inside, watched beside the objectives. */
function healthNode(tree: AlignmentTree, interactive: boolean, wantWhole: WantWhole, marks?: ChangeMarks): MapNode {
    const heading: CardBlock = { texts: [{ text: 'Health metrics', cls: 't-heading', size: 13, bold: true }, { text: 'Kept inside a range, not moved to a target', cls: 't-muted' }] };
    const key = 'group:health';
    return { id: 'health', key, kind: 'health', depth: 0, classes: 'group group-health', title: 'Health metrics', attributes: groupAttributes('health', interactive), ...cards(healthCards(tree.healthMetrics, heading, interactive), width.group, wantWhole(key), marks) };
}

/**
 * The graph of the tree, objectives in depth-first order, walked with a stack (a tree may be thousands deep). Solutions
 * are counted and listed inside the cards of the objectives they advance, not drawn as nodes of their own: sixty
 * solutions in one layer made a column taller than the rest of the map.
 */
export function mapGraph(tree: AlignmentTree, interactive: boolean, wantWhole: WantWhole = noWhole, marks?: ChangeMarks): MapGraph {
    const nodes: MapNode[] = [];
    const edges: MapEdge[] = [];
    const stack: Array<{ objective: ObjectiveNode; parent?: string; path: string }> = [...tree.objectives].reverse().map(objective => ({ objective, path: '' }));
    while (stack.length > 0) {
        const { objective, parent, path } = stack.pop()!;
        const id = `o${nodes.length}`;
        const own = path ? `${path} ${id}` : id;
        nodes.push(objectiveNode(id, own, objective, interactive, wantWhole, marks));
        if (parent) edges.push({ id: `e${edges.length}`, source: parent, target: id, kind: 'parent' });
        for (let index = objective.children.length - 1; index >= 0; index--) stack.push({ objective: objective.children[index], parent: id, path: own });
    }
    if (tree.healthMetrics.length > 0) nodes.push(healthNode(tree, interactive, wantWhole, marks));
    if (tree.orphanTickets.length > 0 || tree.unalignedSolutions.length > 0) nodes.push(notAlignedNode(tree, interactive, wantWhole, marks));
    // After every card is marked: what no card showed goes to "Other changes".
    for (const group of marks?.groups(interactive) ?? []) {
        const key = `group:${group.id}`;
        nodes.push({ id: group.id, key, kind: group.id, depth: 0, classes: `group group-${group.id}`, title: group.title, attributes: groupAttributes(group.id, interactive), ...cards(group.pair, width.group, wantWhole(key)) });
    }
    return { nodes, edges };
}

/**
 * The node of the card with this key, its whole card measured, found without measuring any other card: what the
 * preview asks for when it expands one. Its `id` and path are not the map's (the preview places it by the card).
 */
export function mapNodeByKey(tree: AlignmentTree, key: string, marks?: ChangeMarks): MapNode | undefined {
    const all: WantWhole = () => true;
    if (key === 'group:health') return tree.healthMetrics.length > 0 ? healthNode(tree, true, all, marks) : undefined;
    if (key === 'group:not-aligned') return tree.orphanTickets.length > 0 || tree.unalignedSolutions.length > 0 ? notAlignedNode(tree, true, all, marks) : undefined;
    const stack = [...tree.objectives];
    while (stack.length > 0) {
        const objective = stack.pop()!;
        if (elementKey('objective', objective.id) === key) return objectiveNode('o0', 'o0', objective, true, all, marks);
        stack.push(...objective.children);
    }
    return undefined;
}
