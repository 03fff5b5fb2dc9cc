import { parseArgs } from 'node:util';
import { isCalendarDate } from '../model/values.js';

export class UsageError extends Error {}

export interface CommandArgs {
    paths: string[];
    format: string;
    today?: string;
    help: boolean;
    output?: string;
    canvas?: string;
    milestone?: string;
    owner?: string;
    focus?: string;
    kind?: string;
    status?: string;
    hideDone: boolean;
    stdio: boolean;
    failOn?: string;
    /** check: exit 1 above this many warnings, as eslint. */
    maxWarnings?: number;
    dryRun: boolean;
    /** build: write into a folder that holds other files (they are kept). */
    force: boolean;
    /** How many positionals came before a `--` (all of them when there is none): diff's revision comes before it. */
    beforeDashDash: number;
}

/** Every option of some command, by its long name; each command takes some of them (`options` below). */
export type OptionName = 'format' | 'today' | 'output' | 'canvas' | 'milestone' | 'owner' | 'focus' | 'kind' | 'status' | 'hide-done'
    | 'stdio' | 'fail-on' | 'max-warnings' | 'dry-run' | 'force' | 'node-ipc' | 'socket';

/**
 * Parses one command's arguments; anything unknown or malformed is a UsageError (exit status 2), an option of
 * another command too (`check --fail-on` would otherwise be read and ignored). `options`: those the command takes
 * (`--help` always); `owners`: which commands take each option, for the message.
 */
export function parseCommandArgs(argv: string[], formats: readonly string[], options?: readonly OptionName[],
    owners?: (option: string) => string[]): CommandArgs {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            tokens: true,
            options: {
                format: { type: 'string', short: 'f' },
                today: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
                output: { type: 'string', short: 'o' },
                canvas: { type: 'string' },
                milestone: { type: 'string' },
                owner: { type: 'string' },
                focus: { type: 'string' },
                kind: { type: 'string' },
                status: { type: 'string' },
                'hide-done': { type: 'boolean' },
                stdio: { type: 'boolean' },
                'fail-on': { type: 'string' },
                'max-warnings': { type: 'string' },
                'dry-run': { type: 'boolean' },
                force: { type: 'boolean' },
                'node-ipc': { type: 'boolean' },
                socket: { type: 'string' }
            }
        });
    } catch (error) {
        throw new UsageError((error as Error).message.replace(/\. To specify a positional argument.*$/s, ''));
    }
    const { values, positionals, tokens } = parsed;
    if (options !== undefined) {
        for (const token of tokens) {
            if (token.kind !== 'option' || token.name === 'help' || (options as readonly string[]).includes(token.name)) continue;
            const elsewhere = owners?.(token.name) ?? [];
            throw new UsageError(`${token.rawName} is not an option of this command`
                + (elsewhere.length > 0 ? `; it is one of ${elsewhere.map(name => `strategy ${name}`).join(', ')}` : ''));
        }
    }
    const dashDash = tokens.findIndex(token => token.kind === 'option-terminator');
    const beforeDashDash = dashDash < 0 ? positionals.length : tokens.slice(0, dashDash).filter(token => token.kind === 'positional').length;
    const format = values.format ?? formats[0];
    if (!formats.includes(format)) {
        throw new UsageError(`unknown format '${format}'; use ${formats.join(', ')}`);
    }
    if (values.today !== undefined && !isCalendarDate(values.today)) {
        throw new UsageError(`--today needs a real date as YYYY-MM-DD, not '${values.today}'`);
    }
    const maxWarnings = values['max-warnings'];
    if (maxWarnings !== undefined && !/^\d+$/.test(maxWarnings)) {
        throw new UsageError(`--max-warnings needs a whole number of warnings, 0 or more, not '${maxWarnings}'`);
    }
    return {
        paths: positionals,
        format,
        today: values.today,
        help: values.help ?? false,
        output: values.output,
        canvas: values.canvas,
        milestone: values.milestone,
        owner: values.owner,
        focus: values.focus,
        kind: values.kind,
        status: values.status,
        hideDone: values['hide-done'] ?? false,
        stdio: values.stdio ?? false,
        failOn: values['fail-on'],
        maxWarnings: maxWarnings === undefined ? undefined : Number(maxWarnings),
        dryRun: values['dry-run'] ?? false,
        force: values.force ?? false,
        beforeDashDash
    };
}
