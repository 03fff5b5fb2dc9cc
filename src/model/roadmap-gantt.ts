import type { Canvas, Milestone, Objective } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { bySource, locationOf } from './locations.js';
import { milestoneDate, milestoneObjectives, milestoneState } from './milestones.js';
import { isCalendarDate } from './values.js';

// A roadmap canvas as a Gantt chart reads it (`strategy render --canvas <roadmap> --format mermaid`): one section per
// lane, each milestone at its date. Only what a chart of dates can show; the roadmap view has its own data.

export interface GanttMilestone {
    id: string;
    title: string;
    /** Its `by` date, as written. */
    date: string;
    /** Past its date with a ticket still live (`milestone-overdue`). */
    overdue: boolean;
    /** It has tickets and every one is done or dropped, at least one done. */
    done: boolean;
}

export interface GanttSection {
    /** The lane objective's ID; undefined for "Other", the milestones that move no lane objective. */
    id?: string;
    title: string;
    milestones: GanttMilestone[];
}

export interface RoadmapGantt {
    title: string;
    sections: GanttSection[];
}

/** The canvas's `lanes`, or the top-level objectives in source order when it names none (spec v2 section 3). */
export function laneObjectives(model: AlignmentModel, canvas: Canvas): Objective[] {
    const named = canvas.lanes.map(ref => ref.ref).filter((objective): objective is Objective => objective !== undefined);
    if (canvas.lanes.length > 0) return [...new Set(named)];
    return [...model.objectives.keys()]
        .filter(objective => {
            const parent = model.facts(objective)?.parent;
            return objective.name !== undefined && (parent === undefined || !model.objectives.has(parent));
        })
        .map(objective => ({ objective, location: locationOf(objective) }))
        .sort(bySource)
        .map(entry => entry.objective);
}

/**
 * The lanes a milestone goes in: for each objective it moves, the topmost of that objective and its ancestors that is
 * a lane; each lane once, in the order of the lanes.
 */
function lanesOf(model: AlignmentModel, milestone: Milestone, lanes: readonly Objective[]): Objective[] {
    const isLane = new Set(lanes);
    const found = new Set<Objective>();
    for (const objective of milestoneObjectives(model, milestone)) {
        const top = [objective, ...model.ancestors(objective)].filter(each => isLane.has(each)).pop();
        if (top) found.add(top);
    }
    return lanes.filter(lane => found.has(lane));
}

function inWindow(date: string, canvas: Canvas): boolean {
    const from = canvas.from[0];
    const to = canvas.to[0];
    return !(isCalendarDate(from) && date < from) && !(isCalendarDate(to) && date > to);
}

/**
 * Every milestone with a calendar date inside the canvas's window (`from`, `to` when they are dates), by date then as
 * written, in the section of each lane it moves, or in "Other"; sections without milestones are left out.
 */
export function roadmapGantt(model: AlignmentModel, canvas: Canvas): RoadmapGantt {
    const lanes = laneObjectives(model, canvas);
    const dated = [...model.milestones.keys()]
        .filter(milestone => milestone.name !== undefined)
        .map(milestone => ({ milestone, date: milestoneDate(milestone), location: locationOf(milestone) }))
        .filter((entry): entry is typeof entry & { date: string } => entry.date !== undefined && inWindow(entry.date, canvas))
        .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : bySource(a, b)));
    const byLane = new Map<Objective | undefined, GanttMilestone[]>();
    for (const { milestone, date } of dated) {
        const state = milestoneState(model, milestone);
        const counted = state.counts.todo + state.counts.doing + state.counts.done + state.counts.dropped;
        const item: GanttMilestone = {
            id: milestone.name, title: milestone.title ?? '', date, overdue: state.overdue,
            done: counted > 0 && state.live.length === 0 && state.counts.done > 0
        };
        const placed = lanesOf(model, milestone, lanes);
        for (const lane of placed.length > 0 ? placed : [undefined]) {
            const list = byLane.get(lane) ?? [];
            list.push(item);
            byLane.set(lane, list);
        }
    }
    const sections: GanttSection[] = lanes.filter(lane => byLane.has(lane))
        .map(lane => ({ id: lane.name, title: lane.title ?? lane.name, milestones: byLane.get(lane)! }));
    const other = byLane.get(undefined);
    if (other) sections.push({ title: 'Other', milestones: other });
    return { title: canvas.title || canvas.name, sections };
}
