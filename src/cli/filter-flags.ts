import type { WorkFilter } from '../model/work-filter.js';
import { filterValues } from '../model/filter-query.js';
import { UsageError, type CommandArgs } from './args.js';

// `--owner TEXT --focus F --kind K --status S --milestone ID --hide-done` of `strategy trace` and `strategy render`
// (spec v2 section 5), read into the model's WorkFilter. A word outside the language's values is a usage error, as a
// typo would otherwise list nothing.

function checked(option: string, value: string | undefined, allowed: readonly string[]): string | undefined {
    if (value !== undefined && !allowed.includes(value)) throw new UsageError(`unknown --${option} '${value}'; use ${allowed.join(', ')}`);
    return value;
}

/** The filter the flags ask; `--milestone` is left to the command, as trace shows a milestone rather than filtering by it. */
export function workFilterOf(args: CommandArgs): WorkFilter {
    return {
        kind: checked('kind', args.kind, filterValues.kind),
        status: checked('status', args.status, filterValues.status),
        focus: checked('focus', args.focus, filterValues.focus),
        owner: args.owner,
        hideDone: args.hideDone
    };
}
