import type { Canvas, Milestone, Objective, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { elementFields, type ElementLocation } from './locations.js';
import { milestoneDate, milestoneObjectives, milestoneState, type TicketStatusCounts } from './milestones.js';
import { byPriority } from './priority.js';
import type { Grade } from './progress.js';
import { isLive, statusOf } from './status.js';
import { metricTrace } from './trace.js';
import { isCalendarDate } from './values.js';

// The roadmap canvas as data: the window of time, a lane per lane objective, each milestone at its date in the
// lanes its objectives roll up to, and each lane's live tickets without a milestone ("Unscheduled") by priority.

export interface RoadmapItem {
    id: string;
    title: string;
    location: ElementLocation;
}

/** An objective with the grade of its own metrics (the least favourable), undefined when it has none. */
export interface GradedObjective extends RoadmapItem {
    grade?: Grade;
}

export interface RoadmapMilestone extends RoadmapItem {
    kind: 'milestone';
    /** Its `by` date (YYYY-MM-DD). */
    date: string;
    daysLeft: number;
    overdue: boolean;
    counts: TicketStatusCounts;
    /** The objectives it moves (`advances`, else its tickets'), each with its grade. */
    objectives: GradedObjective[];
}

export interface RoadmapTicket extends RoadmapItem {
    kind: 'ticket';
    status?: string;
    priority?: string;
}

export interface RoadmapLane {
    /** The lane's objective; undefined for the lane of work that rolls up to none of the lanes ("Other"). */
    objective?: GradedObjective;
    /** Its milestones by date (then as written). */
    milestones: RoadmapMilestone[];
    /** Its live tickets that name no milestone, by priority. */
    unscheduled: RoadmapTicket[];
}

export interface RoadmapView {
    view: 'roadmap';
    id: string;
    title: string;
    location: ElementLocation;
    /** The first and last day shown: whole months. */
    from: string;
    to: string;
    today: string;
    lanes: RoadmapLane[];
    /** Milestones left out: dated outside the window, or without a calendar date. */
    outside: number;
    undated: number;
}

/** Least favourable first: the grade an objective shows is the first of these among its metrics. */
const gradeOrder: Grade[] = ['overdue', 'off-track', 'out-of-range', 'at-risk', 'no-reading', 'on-track', 'healthy', 'reached'];

function gradedObjective(model: AlignmentModel, objective: Objective): GradedObjective {
    const grades = objective.metrics.map(ref => ref.ref).flatMap(metric => (metric ? [metricTrace(model, metric).grade] : []));
    const grade = gradeOrder.find(candidate => grades.includes(candidate));
    return { ...elementFields(objective), grade };
}

/** Not Date.UTC, which reads the years 0-99 as 1900-1999. */
function utcDate(year: number, month: number, day: number): Date {
    const date = new Date(0);
    date.setUTCFullYear(year, month, day);
    return date;
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The first day of the quarter of `date`. */
function quarterStart(date: string): string {
    return isoDay(utcDate(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3, 1));
}

/** The last day of the quarter of `date`. */
function quarterEnd(date: string): string {
    return isoDay(utcDate(Number(date.slice(0, 4)), Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 3, 0));
}

function lastOfMonth(date: string): string {
    return isoDay(utcDate(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0));
}

/**
 * `from` and `to` when written as dates (widened to whole months); otherwise the quarters from the first milestone to
 * the last, or today's quarter without any. A window that ends before it starts falls back to the default.
 */
function windowOf(canvas: Canvas, dates: string[], today: string): { from: string; to: string } {
    const sorted = [...dates].sort();
    const first = sorted[0] ?? today;
    const last = sorted[sorted.length - 1] ?? today;
    const written = (value: string | undefined) => (isCalendarDate(value) ? value : undefined);
    const from = written(canvas.from[0]) ?? quarterStart(first);
    const to = written(canvas.to[0]) ?? quarterEnd(last > from ? last : from);
    if (to < from) return { from: quarterStart(first), to: quarterEnd(last) };
    return { from: `${from.slice(0, 7)}-01`, to: lastOfMonth(to) };
}

/** The objectives the canvas names in `lanes`, else every top-level objective, each once. */
function laneObjectives(model: AlignmentModel, canvas: Canvas): Objective[] {
    const named = canvas.lanes.map(ref => ref.ref).filter((objective): objective is Objective => objective !== undefined);
    if (canvas.lanes.length > 0) return [...new Set(named)];
    return [...model.objectives.values()].filter(facts => facts.parent === undefined).map(facts => facts.objective);
}

/** The lane (its index) an objective's work rolls up to: itself if a lane, else its nearest ancestor that is one. */
function laneFinder(model: AlignmentModel, lanes: Objective[]): (objective: Objective | undefined) => number | undefined {
    const index = new Map(lanes.map((objective, i) => [objective, i]));
    const found = new Map<Objective, number | undefined>();
    return objective => {
        if (!objective) return undefined;
        if (!found.has(objective)) found.set(objective, [objective, ...model.ancestors(objective)].map(o => index.get(o)).find(i => i !== undefined));
        return found.get(objective);
    };
}

function roadmapTicket(ticket: Ticket): RoadmapTicket {
    return { kind: 'ticket', ...elementFields(ticket), status: statusOf(ticket), priority: ticket.priority[0] };
}

export function roadmapView(model: AlignmentModel, canvas: Canvas): RoadmapView {
    const objectives = laneObjectives(model, canvas);
    const laneOf = laneFinder(model, objectives);
    const lanes: RoadmapLane[] = objectives.map(objective => ({ objective: gradedObjective(model, objective), milestones: [], unscheduled: [] }));
    const other: RoadmapLane = { milestones: [], unscheduled: [] };
    const milestones = [...model.milestones.keys()] as Milestone[];
    const dated = milestones.filter(milestone => milestoneDate(milestone) !== undefined);
    const { from, to } = windowOf(canvas, dated.map(milestone => milestoneDate(milestone)!), model.today);
    let outside = 0;
    for (const milestone of dated) {
        const state = milestoneState(model, milestone);
        if (state.by! < from || state.by! > to) {
            outside++;
            continue;
        }
        const moved = milestoneObjectives(model, milestone);
        const placed: RoadmapMilestone = {
            kind: 'milestone', ...elementFields(milestone), date: state.by!, daysLeft: state.daysLeft!, overdue: state.overdue,
            counts: state.counts, objectives: moved.map(objective => gradedObjective(model, objective))
        };
        // A milestone that moves objectives of two lanes is shown in both: each lane reads whole.
        const inLanes = new Set(moved.map(laneOf).filter((i): i is number => i !== undefined));
        if (inLanes.size === 0) other.milestones.push(placed);
        for (const i of inLanes) lanes[i].milestones.push(placed);
    }
    const unscheduled = model.tickets.filter(ticket => ticket.milestone[0]?.ref === undefined && isLive(statusOf(ticket) ?? 'todo'));
    for (const ticket of [...unscheduled].sort(byPriority)) {
        const i = laneOf(ticket.serves[0]?.ref);
        (i === undefined ? other : lanes[i]).unscheduled.push(roadmapTicket(ticket));
    }
    for (const lane of [...lanes, other]) lane.milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    const shown = other.milestones.length + other.unscheduled.length > 0 ? [...lanes, other] : lanes;
    return {
        view: 'roadmap', ...elementFields(canvas), from, to, today: model.today, lanes: shown,
        outside, undated: milestones.length - dated.length
    };
}
