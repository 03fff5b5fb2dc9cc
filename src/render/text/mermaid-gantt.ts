import type { RoadmapGantt } from '../../model/roadmap-gantt.js';
import { ganttText } from './mermaid-text.js';

// A roadmap canvas as a Mermaid gantt chart, so a Markdown file on GitHub draws it: one section per lane, each
// milestone a point at its date, marked `crit` when overdue and `done` when all its work is done. Mermaid draws
// today's line at the reader's date (its `todayMarker` only styles or hides it).

/** Words Mermaid reads as a task's tags where its ID should be. */
const tags = new Set(['active', 'done', 'crit', 'milestone', 'vert']);

export function roadmapMermaid(gantt: RoadmapGantt): string {
    const lines = ['gantt', '    dateFormat YYYY-MM-DD', `    title ${ganttText(gantt.title, 'Roadmap')}`];
    // A milestone in two lanes is two tasks; Mermaid needs each task's ID once.
    const used = new Set<string>();
    const taskId = (id: string) => {
        let candidate = tags.has(id.toLowerCase()) ? `m_${id}` : id;
        for (let n = 2; used.has(candidate); n++) candidate = `${id}_${n}`;
        used.add(candidate);
        return candidate;
    };
    for (const section of gantt.sections) {
        lines.push(`    section ${ganttText(section.title, section.id ?? 'Other')}`);
        for (const milestone of section.milestones) {
            const marks = ['milestone', ...(milestone.overdue ? ['crit'] : []), ...(milestone.done ? ['done'] : [])];
            lines.push(`    ${ganttText(milestone.title, milestone.id)} :${marks.join(', ')}, ${taskId(milestone.id)}, ${milestone.date}, 0d`);
        }
    }
    return lines.join('\n') + '\n';
}
