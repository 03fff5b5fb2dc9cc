import { clampText } from '../../model/evidence-text.js';
import type { InsightTrail, SolutionTrail } from '../../model/learning-trail.js';
import type { SourceLine } from '../../model/locations.js';
import { oneLine } from '../../model/values.js';
import { terminalText } from '../escape.js';
import { markdownText } from './markdown.js';

// The learning trail in `strategy trace` text and Markdown. A 2,000-character answer or hypothesis is cut at a
// word with "…" (the JSON and the file keep it whole) and 200 insights on a solution are named up to a few, the
// rest counted, so the trail of one solution stays a screenful.

/** The characters of an answer or hypothesis shown, as in a hover. */
export const trailTextLimit = 300;
/** The insights named on each side (for, against) before the rest are counted. */
export const trailInsightLimit = 10;

type DisplayPath = (uri: string) => string;

function at(line: SourceLine, path: DisplayPath): string {
    return `${path(line.uri)}:${line.line}`;
}

function short(text: string): string {
    return clampText(oneLine(text), trailTextLimit);
}

/** `[testing, high]` as the ticket lines say status and priority; nothing when neither is written. */
function stateWords(solution: SolutionTrail): string[] {
    return [solution.status, solution.priority].filter((word): word is string => word !== undefined);
}

/** The insights named, then `… and N more`. */
function capped<T>(items: readonly T[], line: (item: T) => string, more: (count: number) => string): string[] {
    const shown = items.slice(0, trailInsightLimit).map(line);
    return items.length > trailInsightLimit ? [...shown, more(items.length - trailInsightLimit)] : shown;
}

function insightText(side: 'for' | 'against', insight: InsightTrail, path: DisplayPath): string {
    const source = insight.source !== undefined ? ` (${oneLine(insight.source)})` : '';
    return `  ${side} ${insight.id} "${oneLine(insight.title)}"${source}  ${at(insight.at, path)}`;
}

/** The trail's lines after the coverage; none when the workspace (or the filter) has no solution. */
export function trailTextLines(solutions: readonly SolutionTrail[], path: DisplayPath): string[] {
    if (solutions.length === 0) return [];
    const lines = ['', 'Learning trail'];
    for (const solution of solutions) {
        const state = stateWords(solution);
        lines.push(`${solution.id} "${oneLine(solution.title)}"${state.length > 0 ? ` [${state.join(', ')}]` : ''}  ${at(solution.at, path)}`);
        for (const hypothesis of solution.hypotheses) lines.push(`  hypothesis: ${short(hypothesis)}`);
        for (const question of solution.questions) {
            lines.push(`  question ${question.id} "${oneLine(question.title)}" [${oneLine(question.status)}]  ${at(question.at, path)}`);
            if (question.answer !== undefined) lines.push(`    answer: ${short(question.answer)}`);
        }
        const { for: support, against } = solution.insights;
        if (support.length === 0 && against.length === 0) lines.push('  no insight yet');
        lines.push(...capped(support, insight => insightText('for', insight, path), count => `  … and ${count} more for`));
        lines.push(...capped(against, insight => insightText('against', insight, path), count => `  … and ${count} more against`));
    }
    return lines.map(terminalText);
}

/** The trail as a Markdown section after the coverage: a heading per solution, a list item per fact. */
export function trailMarkdownLines(solutions: readonly SolutionTrail[]): string[] {
    if (solutions.length === 0) return [];
    const lines = ['', '## Learning trail'];
    const text = (value: string) => markdownText(oneLine(value));
    const insightItem = (side: string) => (insight: InsightTrail) =>
        `- ${side}: **${text(insight.id)}** ${text(insight.title)}${insight.source !== undefined ? ` (${text(insight.source)})` : ''}`;
    for (const solution of solutions) {
        const state = stateWords(solution);
        lines.push('', `### ${text(solution.id)}: ${text(solution.title)}${state.length > 0 ? ` *(${text(state.join(', '))})*` : ''}`, '');
        const items = solution.hypotheses.map(hypothesis => `- Hypothesis: ${markdownText(short(hypothesis))}`);
        for (const question of solution.questions) {
            const answer = question.answer !== undefined ? `: ${markdownText(short(question.answer))}` : '';
            items.push(`- Question **${text(question.id)}** ${text(question.title)} *(${text(question.status)})*${answer}`);
        }
        const { for: support, against } = solution.insights;
        if (support.length === 0 && against.length === 0) items.push('- *No insight yet*');
        items.push(...capped(support, insightItem('For'), count => `- *… and ${count} more for*`));
        items.push(...capped(against, insightItem('Against'), count => `- *… and ${count} more against*`));
        lines.push(...items);
    }
    return lines;
}
