import { dueText, ticketStatuses, type TicketStatusCounts } from '../../model/milestones.js';
import { gradeLabel } from '../../model/metric-text.js';
import type { GradedObjective, RoadmapLane, RoadmapMilestone, RoadmapTicket, RoadmapView } from '../../model/roadmap-view.js';

// The roadmap's words, the same in the SVG, the HTML and Markdown: counts by status, grades, overdue, the summary.

/** `3 todo · 1 doing · 2 done`, statuses with no ticket left out; `no tickets` for none. */
export function countsText(counts: TicketStatusCounts): string {
    const parts = ticketStatuses.filter(status => counts[status] > 0).map(status => `${counts[status]} ${status}`);
    return parts.length > 0 ? parts.join(' · ') : 'no tickets';
}

/** `on track`, or `no metric` for an objective without a graded metric of its own. */
export function objectiveGradeText(objective: GradedObjective): string {
    return objective.grade ? gradeLabel[objective.grade] : 'no metric';
}

/** `overdue, 12 days late · Engagement: on track`: overdue first, so that a cut line still says it. */
export function milestoneStatusText(milestone: RoadmapMilestone): string {
    const grades = milestone.objectives.map(objective => `${objective.id}: ${objectiveGradeText(objective)}`);
    const due = milestone.overdue ? [`overdue, ${dueText(milestone.daysLeft)}`] : [];
    return [...due, ...grades].join(' · ') || 'moves no objective';
}

/** The whole of a milestone in one line, for <title> and Markdown: ID, title, date, due, counts, objectives. */
export function milestoneSummary(milestone: RoadmapMilestone): string {
    const objectives = milestone.objectives.map(objective => `${objective.id} (${objectiveGradeText(objective)})`).join(', ');
    const due = milestone.overdue ? `overdue, ${dueText(milestone.daysLeft)}` : dueText(milestone.daysLeft);
    return `${milestone.id} ${milestone.title}: by ${milestone.date}, ${due}; ${countsText(milestone.counts)}`
        + (objectives ? `; moves ${objectives}` : '');
}

export function ticketLine(ticket: RoadmapTicket): string {
    return `${ticket.priority ? `${ticket.priority} · ` : ''}${ticket.id} ${ticket.title}`;
}

export function laneTitle(lane: RoadmapLane): string {
    return lane.objective ? lane.objective.title || lane.objective.id : 'Other work';
}

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthText = (date: string) => `${monthNames[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `Jan 2027 – Dec 2027 · 12 milestones, 2 overdue · 40 unscheduled tickets · …` */
export function roadmapSummary(view: RoadmapView): string {
    const milestones = new Set(view.lanes.flatMap(lane => lane.milestones));
    const overdue = [...milestones].filter(milestone => milestone.overdue).length;
    const unscheduled = view.lanes.reduce((sum, lane) => sum + lane.unscheduled.length, 0);
    const parts = [
        `${monthText(view.from)} – ${monthText(view.to)}`,
        plural(milestones.size, 'milestone') + (overdue > 0 ? `, ${overdue} overdue` : ''),
        plural(unscheduled, 'unscheduled ticket')
    ];
    if (view.outside > 0) parts.push(`${plural(view.outside, 'milestone')} outside the window`);
    if (view.undated > 0) parts.push(`${plural(view.undated, 'milestone')} without a date`);
    return parts.join(' · ');
}
