import type { AlignmentTree, MetricNode, ObjectiveNode, SolutionNode, TicketNode } from '../model/alignment-tree.js';
import type { StrategyDiff } from '../model/diff/strategy-diff.js';
import { placeKey, type ElementLocation } from '../model/locations.js';
import { gradeLabel, metricLine } from '../model/metric-text.js';
import type { Grade } from '../model/progress.js';
import { rollUpWork } from '../model/work-rollup.js';
import { workOnly } from '../model/status.js';
import { workText } from '../model/work-text.js';

// What each item of the Strategy view shows, as plain data: alignment-view.ts turns it into a vscode TreeItem,
// and tests read it without VS Code.

export interface GroupNode {
    kind: 'group';
    label: string;
    members: Array<TicketNode | SolutionNode | MetricNode>;
    /** Health metrics are a group to watch, not a warning about the work. */
    health?: boolean;
}
export type AlignmentItem = ObjectiveNode | MetricNode | SolutionNode | TicketNode | GroupNode;

/** A codicon ID and the theme colour ID it is drawn in (the icon's own colour when absent). */
export interface IconView {
    id: string;
    color?: string;
}

export interface ItemView {
    label: string;
    description?: string;
    tooltip?: string;
    icon: IconView;
    state: 'none' | 'collapsed' | 'expanded';
    /** `objective`, `metric`, `solution` or `ticket`, for menus; none on a group. */
    contextValue?: string;
    /** Where a click leads; none on a group. */
    location?: ElementLocation;
}

/** The Problems panel's icons: a grade is progress, not a compile error, so the view never uses these for one. */
export const problemIcons: ReadonlySet<string> = new Set(['error', 'warning', 'info']);

/**
 * One family of circles, filled as far as the grade goes, so the shape tells the grade without the colour:
 * a tick (reached), full (on track), a ring with a dot (at risk), an empty ring (off track), and a clock (overdue:
 * time ran out). A KPI shows a heart (healthy) or arrows pointing both ways (out of its band); a metric not yet
 * read, a question mark without colour.
 */
export const gradeIcons: Record<Grade, IconView> = {
    reached: { id: 'pass-filled', color: 'charts.green' },
    'on-track': { id: 'circle-large-filled', color: 'charts.green' },
    'at-risk': { id: 'record', color: 'charts.yellow' },
    'off-track': { id: 'circle-large-outline', color: 'charts.red' },
    overdue: { id: 'history', color: 'charts.red' },
    healthy: { id: 'heart', color: 'charts.green' },
    'out-of-range': { id: 'arrow-both', color: 'charts.red' },
    'no-reading': { id: 'question' }
};

function joined(...parts: Array<string | undefined>): string {
    return parts.filter(part => part).join(' · ');
}

/** `priority high`, as the hover's fields line says it. */
function priorityText(priority: string | undefined): string | undefined {
    return priority && `priority ${priority}`;
}

/** A ticket or solution is one item however many objectives list it; two with one ID (an error) stay two. */
function itemKey(item: TicketNode | SolutionNode): string {
    return `${item.kind}:${item.id}@${placeKey(item.location)}`;
}

/** `4 tickets (through 2 sub-objectives) · 1 solution`, from the nodes below the objective. */
function objectiveWork(objective: ObjectiveNode): string {
    return workText(rollUpWork<ObjectiveNode, TicketNode, SolutionNode>(objective, {
        children: node => node.children,
        tickets: node => workOnly(node.tickets),
        solutions: node => workOnly(node.solutions),
        key: itemKey
    }));
}

/** Objectives, then the health metrics, then the groups of work aligned to nothing; groups only with members. */
export function alignmentRoots(tree: AlignmentTree): AlignmentItem[] {
    const groups: GroupNode[] = [
        { kind: 'group', label: 'Health metrics', members: tree.healthMetrics, health: true },
        { kind: 'group', label: 'Tickets serving no objective', members: tree.orphanTickets },
        { kind: 'group', label: 'Solutions advancing no objective', members: tree.unalignedSolutions }
    ];
    return [...tree.objectives, ...groups.filter(group => group.members.length > 0)];
}

export function childrenOf(item: AlignmentItem): AlignmentItem[] {
    switch (item.kind) {
        case 'objective': return [...item.metrics, ...item.children, ...item.solutions, ...item.tickets];
        case 'group': return item.members;
        default: return [];
    }
}

/** The item as the view shows it; the top level opens expanded, objectives below it collapsed. */
export function itemView(item: AlignmentItem, topLevel: boolean): ItemView {
    if (item.kind === 'group') {
        const icon = item.health ? { id: 'pulse' } : { id: 'warning', color: 'charts.yellow' };
        return { label: `${item.label} (${item.members.length})`, icon, state: 'expanded' };
    }
    const common = { label: item.id, contextValue: item.kind, location: item.location };
    switch (item.kind) {
        case 'objective': {
            const hasChildren = item.metrics.length + item.children.length + item.solutions.length + item.tickets.length > 0;
            return {
                ...common,
                description: joined(objectiveWork(item), item.inCycle ? 'parent cycle' : undefined, item.measured ? undefined : 'no metric', item.title),
                tooltip: item.title,
                icon: item.inCycle ? { id: 'sync', color: 'charts.red' } : { id: 'target', color: item.measured ? undefined : 'charts.yellow' },
                state: !hasChildren ? 'none' : topLevel ? 'expanded' : 'collapsed'
            };
        }
        case 'metric':
            return {
                ...common,
                // 20% → 22% → 30% by 2027-06-30 (20% of the way, off track), as hover and `strategy trace` show it.
                description: metricLine(item),
                tooltip: joined(item.title, item.grade && gradeLabel[item.grade]),
                icon: item.grade ? gradeIcons[item.grade] : { id: 'graph' },
                state: 'none'
            };
        case 'solution':
            return { ...common, description: joined(item.title, item.status, priorityText(item.priority)), tooltip: item.title, icon: { id: 'lightbulb' }, state: 'none' };
        case 'ticket':
            return {
                ...common,
                description: joined(item.title, item.status, priorityText(item.priority), item.milestone && `milestone ${item.milestone}`),
                tooltip: joined(item.title, item.status),
                icon: { id: item.status === 'done' ? 'pass' : item.status === 'dropped' ? 'circle-slash' : 'tasklist' },
                state: 'none'
            };
    }
}

/** How "Compare with Revision…" marks an element, in the preview's words, with what changed. */
export interface ItemChange {
    mark: 'new' | 'changed' | 'renamed';
    words: string[];
}

/** The elements a comparison added, changed or renamed, by `kind:id` (the removed ones are in no tree). */
export function itemChanges(diff: StrategyDiff): Map<string, ItemChange> {
    const marks = { added: 'new', changed: 'changed', renamed: 'renamed' } as const;
    const changes = new Map<string, ItemChange>();
    for (const change of diff.changes) {
        if (change.change === 'removed') continue;
        const words = [...(change.from ? [`renamed from ${change.from}`] : []), ...change.fields.map(field => field.words)];
        changes.set(`${change.kind}:${change.id}`, { mark: marks[change.change], words });
    }
    return changes;
}

/** The item's view with its mark first in the description and what changed in the tooltip; unmarked items as they are. */
export function markedView(item: AlignmentItem, view: ItemView, changes: ReadonlyMap<string, ItemChange>): ItemView {
    const change = item.kind === 'group' ? undefined : changes.get(`${item.kind}:${item.id}`);
    if (!change) return view;
    return { ...view, description: joined(change.mark, view.description), tooltip: [view.tooltip, ...change.words].filter(Boolean).join('\n') };
}
