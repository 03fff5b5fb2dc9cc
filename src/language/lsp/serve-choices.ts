import type { Objective, Ticket } from '../generated/ast.js';
import type { AlignmentModel } from '../../model/alignment.js';

/** Beyond this many objectives a "Serve …" list stops helping; the completion after `serves` has them all. */
export const maxServeChoices = 5;

/** Short words that say nothing about what a title is about. */
const stopWords = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'our', 'their', 'its', 'per', 'via', 'all', 'more', 'less']);

/**
 * The words of a text, each cut to its first five letters so that `purchase` and `purchases`, or `recurring` and
 * `recurrence`, count as the same word; an ID's parts count too (`MonthlyRepeatUsers` → monthly, repeat, users).
 */
function words(text: string): Set<string> {
    const split = text.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
    return new Set(split.filter(word => word.length >= 3 && !stopWords.has(word)).map(word => word.slice(0, 5)));
}

function similarity(ticket: Set<string>, objective: Objective): number {
    let shared = 0;
    for (const word of words(`${objective.name} ${objective.title ?? ''}`)) if (ticket.has(word)) shared++;
    return shared;
}

/**
 * The objectives an orphan ticket most likely serves, likeliest first: those its solution advances (serving one
 * cannot cause `ticket-solution-mismatch`), then leaf objectives (the most specific work goals) by how many words
 * their ID and title share with the ticket's ID and title, then the other objectives the same way; ties by ID.
 */
export function serveChoices(ticket: Ticket, model: AlignmentModel): { advanced: Objective[]; choices: Objective[] } {
    const advanced = (ticket.implements[0]?.ref?.objectives ?? []).map(ref => ref.ref).filter((o): o is Objective => o?.name !== undefined);
    const ticketWords = words(`${ticket.name} ${ticket.title ?? ''}`);
    // An objective the parser recovered without its name (`objective "Grow" {`) has `name` undefined: it cannot be served.
    const ranked = [...model.objectives.values()]
        .filter(facts => facts.objective.name && !advanced.includes(facts.objective))
        .map(facts => ({ objective: facts.objective, leaf: facts.children.length === 0, score: similarity(ticketWords, facts.objective) }))
        .sort((a, b) => Number(b.leaf) - Number(a.leaf) || b.score - a.score || a.objective.name.localeCompare(b.objective.name, 'en'));
    const names = new Set<string>();
    const choices = [...advanced, ...ranked.map(entry => entry.objective)]
        .filter(objective => !names.has(objective.name) && names.add(objective.name))
        .slice(0, maxServeChoices);
    return { advanced, choices };
}

/** The action's title: the objective's ID and title as they are written, a long title cut to one line. */
export function serveTitle(objective: Objective): string {
    const title = (objective.title ?? '').replace(/\s+/g, ' ').trim();
    if (!title) return `Serve ${objective.name}`;
    return `Serve ${objective.name} "${title.length > 60 ? `${title.slice(0, 59)}…` : title}"`;
}
