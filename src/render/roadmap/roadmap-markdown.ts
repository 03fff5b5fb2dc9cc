import type { RoadmapView } from '../../model/roadmap-view.js';
import { markdownText } from '../text/markdown.js';
import { countsText, laneTitle, milestoneStatusText, objectiveGradeText, roadmapSummary, ticketLine } from './roadmap-text.js';

// The roadmap for a wiki: per lane, a table of its milestones by date, then its unscheduled tickets by priority
// (the first `ticketsListed`, the rest counted), as the drawing's Unscheduled column reads.

const ticketsListed = 20;

export function roadmapMarkdown(view: RoadmapView): string {
    const lines = [`# ${markdownText(view.title || view.id)}`, '', `*${markdownText(roadmapSummary(view))}*`, ''];
    for (const lane of view.lanes) {
        const grade = lane.objective ? ` (${markdownText(lane.objective.id)}, ${objectiveGradeText(lane.objective)})` : '';
        lines.push(`## ${markdownText(laneTitle(lane))}${grade}`, '');
        if (lane.milestones.length > 0) {
            lines.push('| Date | Milestone | Tickets | Status |', '|---|---|---|---|');
            for (const milestone of lane.milestones) {
                lines.push(`| ${milestone.date} | **${markdownText(milestone.id)}** ${markdownText(milestone.title)} | ${countsText(milestone.counts)} | ${markdownText(milestoneStatusText(milestone))} |`);
            }
        } else lines.push('*No milestones in the window.*');
        lines.push('');
        const shown = lane.unscheduled.slice(0, ticketsListed);
        lines.push(shown.length > 0 ? '*Unscheduled, by priority:*' : '*Unscheduled: none.*', '');
        for (const ticket of shown) lines.push(`- ${markdownText(ticketLine(ticket))}`);
        const more = lane.unscheduled.length - shown.length;
        if (more > 0) lines.push(`- *+ ${more} more*`);
        if (shown.length > 0) lines.push('');
    }
    return lines.join('\n').replace(/\n+$/, '\n');
}
