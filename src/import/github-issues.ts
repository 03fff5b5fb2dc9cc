import { ExportError, kindOfLabels, type TrackerIssue, type TrackerStatus } from './tracker-issue.js';

/** The command whose output this reads, quoted in messages. */
export const ghCommand = 'gh issue list --state all --json number,title,state,stateReason,labels,url';

/** The fields read; others (`--json body,assignees,…`) are ignored and named once on standard error. */
const read = new Set(['number', 'title', 'state', 'stateReason', 'labels', 'url']);

/**
 * The issues of `gh issue list --json number,title,state,stateReason,labels,url`: an array of objects whose
 * labels are objects with a `name`. Malformed JSON is an ExportError at its line and column; an item without a
 * number or title is one naming the item.
 */
export function parseGithubIssues(text: string): { issues: TrackerIssue[]; notes: string[] } {
    let data: unknown;
    try {
        data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        throw new ExportError(`${jsonPlace(text, (error as Error).message)}: not valid JSON: ${jsonReason((error as Error).message)}`);
    }
    if (!Array.isArray(data)) throw new ExportError(`1:1: expected a JSON array of issues, as \`${ghCommand}\` prints`);
    const issues: TrackerIssue[] = [];
    const ignored = new Set<string>();
    for (let index = 0; index < data.length; index++) {
        const item = data[index] as Record<string, unknown>;
        const where = `item ${index + 1}`;
        if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new ExportError(`${where}: expected an object with number and title`);
        const { number, title, url } = item;
        for (const field in item) if (!read.has(field)) ignored.add(field);
        if (typeof number !== 'number' || !Number.isInteger(number) || number < 0) throw new ExportError(`${where}: no issue number (the field "number")`);
        if (typeof title !== 'string') throw new ExportError(`${where} (issue #${number}): no title (the field "title")`);
        const labels = Array.isArray(item.labels)
            ? item.labels.map(label => (typeof label === 'string' ? label : (label as { name?: unknown })?.name)).filter((name): name is string => typeof name === 'string')
            : [];
        issues.push({
            key: `GH-${number}`, title, labels, where,
            status: githubStatus(item.state, item.stateReason),
            kind: kindOfLabels(labels),
            link: typeof url === 'string' && url !== '' ? url : undefined
        });
    }
    const notes = ignored.size === 0 ? [] : [`ignored ${ignored.size === 1 ? 'a field' : `${ignored.size} fields`} that import does not read: ${[...ignored].slice(0, 12).join(', ')}${ignored.size > 12 ? ` and ${ignored.size - 12} more` : ''}`];
    return { issues, notes };
}

/** OPEN is live (todo or doing: GitHub does not say); CLOSED is done, or dropped when closed as not planned. */
function githubStatus(state: unknown, reason: unknown): TrackerStatus | undefined {
    const upper = typeof state === 'string' ? state.toUpperCase() : '';
    if (upper === 'OPEN') return 'open';
    if (upper === 'CLOSED') return typeof reason === 'string' && reason.toUpperCase() === 'NOT_PLANNED' ? 'dropped' : 'done';
    return undefined;
}

/** `LINE:COL` of a JSON.parse error: its `position N`, or the end of the text when it ran out. */
function jsonPlace(text: string, message: string): string {
    const found = /position (\d+)/.exec(message);
    const offset = found ? Number(found[1]) : text.length;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/** The parser's words without its own place, which jsonPlace gives as a line and column. */
function jsonReason(message: string): string {
    return message.replace(/\s*(?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, '').replace(/^Unexpected end of JSON input$/, 'the text ends before the JSON does');
}
