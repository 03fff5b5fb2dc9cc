import type { Ticket } from '../language/generated/ast.js';
import type { AlignmentModel } from '../model/alignment.js';
import { statusOf } from '../model/status.js';
import { allowedValues } from '../model/values.js';
import { UsageError, type CommandArgs } from './args.js';

// `strategy trace --owner TEXT --focus F --kind K --status S` (spec v2 section 5): the tickets every given filter
// keeps. A word outside the language's values is a usage error, as a typo would otherwise list nothing.

function checked(option: string, value: string | undefined, allowed: readonly string[]): string | undefined {
    if (value !== undefined && !allowed.includes(value)) throw new UsageError(`unknown --${option} '${value}'; use ${allowed.join(', ')}`);
    return value;
}

/**
 * The tickets to trace, or undefined for all: `--kind` and `--status` are the ticket's own (no status reads as
 * `todo`, as a milestone counts it); `--owner` (case-insensitive, part of the name) and `--focus` hold when an
 * objective on the ticket's chain says so.
 */
export function traceFilter(args: CommandArgs, model: AlignmentModel): ((ticket: Ticket) => boolean) | undefined {
    const kind = checked('kind', args.kind, allowedValues.ticketKind);
    const status = checked('status', args.status, allowedValues.ticketStatus);
    const focus = checked('focus', args.focus, allowedValues.focus);
    const owner = args.owner?.toLowerCase();
    if (kind === undefined && status === undefined && focus === undefined && owner === undefined) return undefined;
    return ticket => {
        if (kind !== undefined && ticket.kind[0] !== kind) return false;
        if (status !== undefined && (statusOf(ticket) ?? 'todo') !== status) return false;
        if (owner === undefined && focus === undefined) return true;
        const chain = model.chainOf(ticket);
        return (owner === undefined || chain.some(objective => objective.owner.some(name => name.toLowerCase().includes(owner))))
            && (focus === undefined || chain.some(objective => objective.focus[0] === focus));
    };
}
