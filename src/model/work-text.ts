import { plural } from './values.js';
import type { WorkCount, WorkCounts } from './work-rollup.js';

/** `5 tickets (4 through 2 sub-objectives)`, `4 tickets (through 2 sub-objectives)`, `1 ticket`. */
function countText(count: WorkCount, noun: string): string {
    const text = plural(count.total, noun);
    const inherited = count.total - count.own;
    if (inherited === 0) return text;
    const through = `through ${plural(count.through, 'sub-objective')}`;
    return `${text} (${inherited === count.total ? through : `${inherited} ${through}`})`;
}

/**
 * `5 tickets (4 through 2 sub-objectives) · 1 solution`: an objective's work with its sub-objectives', as the code
 * lens and the Strategy view show it. Sub-objectives that carry no work are still counted, so a parent whose
 * children have nothing yet does not look like a leaf.
 */
export function workText(work: WorkCounts): string {
    const parts = [countText(work.tickets, 'ticket'), countText(work.solutions, 'solution')];
    const inherited = work.tickets.total > work.tickets.own || work.solutions.total > work.solutions.own;
    if (work.subObjectives > 0 && !inherited) parts.push(plural(work.subObjectives, 'sub-objective'));
    return parts.join(' · ');
}
