import type { RoadmapMilestone } from '../../model/roadmap-view.js';

// Where each milestone of a lane is drawn. A label is wider than the days between nearby milestones, so labels are
// stacked: each goes to the first row where it overlaps nothing (greedy, by date). A lane has at most `maxRows`
// rows of labels; what finds no room there is gathered in a last row of clusters ("12 milestones"), one cluster per
// run of milestones whose clusters would overlap, so nothing is drawn over anything else, however many share a day.

export const labelWidth = 148;
/** How far a label may run past the timeline's end, into the gutter before the Unscheduled column. */
export const overhang = 84;
export const clusterWidth = 104;
export const maxRows = 3;

export interface PlacedMilestone {
    milestone: RoadmapMilestone;
    /** The marker's x: the date's. */
    x: number;
    /** The label's left edge: at the marker, or left of it near the end of the timeline. */
    left: number;
    row: number;
}

export interface Cluster {
    x: number;
    left: number;
    milestones: RoadmapMilestone[];
}

export interface LanePlacement {
    placed: PlacedMilestone[];
    clusters: Cluster[];
    /** Rows of labels used (clusters not counted). */
    rows: number;
}

/**
 * The label's left edge for a marker at x: at the marker, moved left just enough to end in the gutter. So the
 * edges grow with the dates, and the greedy rows are as few as the labels allow.
 */
function leftOf(x: number, width: number, timelineWidth: number): number {
    return Math.max(0, Math.min(x, timelineWidth + overhang - width));
}

export function placeLane(milestones: readonly RoadmapMilestone[], x: (date: string) => number, timelineWidth: number): LanePlacement {
    const rowEnds: number[] = [];
    const placed: PlacedMilestone[] = [];
    const clusters: Cluster[] = [];
    for (const milestone of milestones) {
        const at = x(milestone.date);
        const left = leftOf(at, labelWidth, timelineWidth);
        // Every label placed in a row ends at or before rowEnds[row], so starting after it overlaps none of them.
        let row = rowEnds.findIndex(end => end <= left);
        if (row < 0 && rowEnds.length < maxRows) row = rowEnds.length;
        if (row >= 0) {
            rowEnds[row] = Math.max(rowEnds[row] ?? 0, left + labelWidth);
            placed.push({ milestone, x: at, left, row });
            continue;
        }
        const last = clusters[clusters.length - 1];
        const clusterLeft = leftOf(at, clusterWidth, timelineWidth);
        if (last && clusterLeft < last.left + clusterWidth) last.milestones.push(milestone);
        else clusters.push({ x: at, left: clusterLeft, milestones: [milestone] });
    }
    return { placed, clusters, rows: rowEnds.length };
}
