import type { Objective, Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';

// The filters `strategy trace` and `strategy render` share (spec v2 section 5), on the model so every view can
// apply the same rule. The values are taken as given: the command line checks them against the language's words.

export interface WorkFilter {
    /**
     * Part of the ticket's ID or title, or of the ID, title or owner of an objective up its chain, any case: the
     * preview's free text. An objective holds it when it or an ancestor does.
     */
    text?: string;
    /** Part of the owner of an objective up the chain, any case. */
    owner?: string;
    /** The focus of an objective up the chain. */
    focus?: string;
    /** The ticket's own kind. */
    kind?: string;
    /** The ticket's own status; none reads as `todo`, as a milestone counts it. */
    status?: string;
    /** The ID of the milestone the ticket names. */
    milestone?: string;
    /** Leaves out tickets `done` or `dropped`: what is left to do. */
    hideDone?: boolean;
}

/** Kind, status and milestone pick tickets, so an objective cannot hold them itself; hiding done work picks none. */
function ticketOnly(filter: WorkFilter): boolean {
    return filter.kind !== undefined || filter.status !== undefined || filter.milestone !== undefined;
}

export function isFiltering(filter: WorkFilter): boolean {
    return ticketOnly(filter) || filter.hideDone === true || filter.owner !== undefined || filter.focus !== undefined
        || filter.text !== undefined;
}

function contains(value: string | undefined, part: string): boolean {
    return value !== undefined && value.toLowerCase().includes(part);
}

/** `part` is in lower case. Owner is a list of names; an objective recovered without its ID has none. */
function objectiveHolds(objective: Objective, part: string): boolean {
    return contains(objective.name, part) || contains(objective.title, part) || objective.owner.some(name => contains(name, part));
}

/** `chain` is the objective and its ancestors (`model.chainOf` of a ticket). */
function chainMatches(filter: WorkFilter, chain: readonly Objective[]): boolean {
    const owner = filter.owner?.toLowerCase();
    return (owner === undefined || chain.some(objective => objective.owner.some(name => name.toLowerCase().includes(owner))))
        && (filter.focus === undefined || chain.some(objective => objective.focus[0] === filter.focus));
}

function textMatches(text: string | undefined, chain: readonly Objective[], ticket?: Ticket): boolean {
    if (text === undefined) return true;
    const part = text.toLowerCase();
    return (ticket !== undefined && (contains(ticket.name, part) || contains(ticket.title, part)))
        || chain.some(objective => objectiveHolds(objective, part));
}

/** The tickets the filter keeps, or undefined when it keeps all. */
export function ticketFilter(model: AlignmentModel, filter: WorkFilter): ((ticket: Ticket) => boolean) | undefined {
    if (!isFiltering(filter)) return undefined;
    return ticket => {
        const status = ticket.status[0] ?? 'todo';
        if (filter.kind !== undefined && ticket.kind[0] !== filter.kind) return false;
        if (filter.status !== undefined && status !== filter.status) return false;
        if (filter.hideDone && (status === 'done' || status === 'dropped')) return false;
        if (filter.milestone !== undefined) {
            const named = ticket.milestone[0];
            if ((named?.ref?.name ?? named?.$refText) !== filter.milestone) return false;
        }
        if (filter.owner === undefined && filter.focus === undefined && filter.text === undefined) return true;
        const chain = model.chainOf(ticket);
        return chainMatches(filter, chain) && textMatches(filter.text, chain, ticket);
    };
}

/**
 * The objectives a filtered map keeps for themselves, whatever work they have: those whose chain holds the owner,
 * focus and text asked (all of them with `hideDone` alone), unless a kind, status or milestone is asked. Undefined when none is.
 */
export function objectiveFilter(model: AlignmentModel, filter: WorkFilter): ((objective: Objective) => boolean) | undefined {
    if (!isFiltering(filter) || ticketOnly(filter)) return undefined;
    return objective => {
        const chain = [objective, ...model.ancestors(objective)];
        return chainMatches(filter, chain) && textMatches(filter.text, chain);
    };
}
