import type { MetricNode, ObjectiveNode, SolutionNode } from '../../model/alignment-tree.js';
import { placeKey } from '../../model/locations.js';
import { gradeLabel, wayText } from '../../model/metric-text.js';
import type { MapView } from '../../model/preview-view.js';
import { workOnly } from '../../model/status.js';
import { plural } from '../../model/values.js';
import { mermaidText } from './mermaid-text.js';

// The alignment map as a Mermaid flowchart, so a Markdown file on GitHub draws it: objectives left to right from
// the top ones to their sub-objectives, a dotted arrow from an objective to each solution that advances it. Tickets
// are counted on their objective, not drawn: at a team's size (hundreds of tickets) a node each is unreadable.

/** `MonthlyRepeatUsers 25% of the way, on track`: a metric's progress in the words of the map, without the forecast. */
function metricWords(metric: MetricNode): string {
    const grade = metric.grade ? gradeLabel[metric.grade] : 'no reading';
    const words = metric.progress !== undefined && !metric.kpi ? `${wayText(metric.progress)}, ${grade}` : grade;
    return `${mermaidText(metric.id)} ${words}`;
}

/** The objective's own live tickets by status: `3 tickets (1 doing)`, `no tickets`. */
function ticketWords(objective: ObjectiveNode): string {
    const work = workOnly(objective.tickets);
    const doing = work.filter(ticket => ticket.status === 'doing').length;
    return work.length === 0 ? 'no tickets' : `${plural(work.length, 'ticket')}${doing > 0 ? ` (${doing} doing)` : ''}`;
}

/**
 * The lines of a label, broken by a line break inside its quotes: a `<br/>` would make Mermaid read the label as
 * HTML, where it also turns a title's backslash and `n` into a line break.
 */
function lines(...parts: string[]): string {
    return parts.filter(Boolean).join('\n');
}

/** Its ID, its title, then its own tickets (left out on a parent without any) and its metrics' progress. */
function objectiveLabel(objective: ObjectiveNode): string {
    const facts = objective.tickets.length > 0 || objective.children.length === 0 ? [ticketWords(objective)] : [];
    facts.push(...objective.metrics.map(metricWords));
    if (!objective.measured) facts.push('no metric');
    return lines(mermaidText(objective.id), mermaidText(objective.title), facts.join(' · '));
}

function solutionLabel(solution: SolutionNode): string {
    const facts = [solution.status, solution.priority].filter((fact): fact is string => Boolean(fact)).map(mermaidText);
    return lines(mermaidText(solution.id), mermaidText(solution.title), facts.join(' · '));
}

export function mapMermaid(view: MapView): string {
    const diagram = ['flowchart LR'];
    const edges: string[] = [];
    // Node names are ours (o1, s1): an ID such as `end` or `graph` is a Mermaid keyword.
    let objectives = 0;
    const solutions = new Map<string, string>();
    const visit = (objective: ObjectiveNode): string => {
        const node = `o${++objectives}`;
        diagram.push(`    ${node}["${objectiveLabel(objective)}"]`);
        for (const child of objective.children) edges.push(`    ${node} --> ${visit(child)}`);
        for (const solution of objective.solutions) {
            // A solution is one node however many objectives it advances; two with one ID (an error) stay two.
            const identity = `${solution.id}@${placeKey(solution.location)}`;
            let name = solutions.get(identity);
            if (name === undefined) {
                solutions.set(identity, name = `s${solutions.size + 1}`);
                diagram.push(`    ${name}(["${solutionLabel(solution)}"])`);
            }
            edges.push(`    ${node} -.-> ${name}`);
        }
        return node;
    };
    view.tree.objectives.forEach(visit);
    const { orphanTickets, unalignedSolutions } = view.tree;
    const orphans = workOnly(orphanTickets).length;
    const unaligned = workOnly(unalignedSolutions).length;
    if (orphans + unaligned > 0) {
        const facts = [orphans > 0 ? plural(orphans, 'orphan ticket') : '', unaligned > 0 ? plural(unaligned, 'solution') + ' advancing no objective' : ''];
        diagram.push(`    unaligned["${lines('Not aligned', facts.filter(Boolean).join(' · '))}"]`);
    }
    return [...diagram, ...edges].join('\n') + '\n';
}
