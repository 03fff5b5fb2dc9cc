import { parseCsv, CsvError } from './csv.js';
import { ExportError, kindOf, kindOfLabels, type TrackerIssue, type TrackerStatus } from './tracker-issue.js';

/** The columns read; every other column of the export is ignored (and named once on standard error). */
const known = ['Issue key', 'Summary', 'Status', 'Status Category', 'Issue Type', 'Labels', 'Resolution'] as const;

/** Jira's workflow statuses, in lower case; a status not listed falls back on its Status Category. */
const statusWords: Record<string, TrackerStatus> = {
    'to do': 'todo', open: 'todo', backlog: 'todo', 'selected for development': 'todo', reopened: 'todo', new: 'todo',
    'in progress': 'doing', 'in review': 'doing', 'in development': 'doing', 'in testing': 'doing', review: 'doing',
    done: 'done', closed: 'done', resolved: 'done', complete: 'done', completed: 'done',
    "won't do": 'dropped', "won't fix": 'dropped', cancelled: 'dropped', canceled: 'dropped', rejected: 'dropped',
    declined: 'dropped', duplicate: 'dropped', abandoned: 'dropped'
};
const categoryWords: Record<string, TrackerStatus> = { 'to do': 'todo', new: 'todo', 'in progress': 'doing', done: 'done', complete: 'done' };
/** Resolutions that close an issue without doing it: dropped, even when its status is Done. */
const notDone = new Set(["won't do", "won't fix", 'duplicate', 'cannot reproduce', 'declined', 'rejected', 'obsolete', 'incomplete']);

/**
 * The issues of Jira's CSV export ("Export Excel CSV (all fields)" or "current fields"): a header row naming the
 * columns, `Labels` repeated once per label. `Issue key` and `Summary` are required.
 */
export function parseJiraIssues(text: string): { issues: TrackerIssue[]; notes: string[] } {
    let records;
    try {
        records = parseCsv(text);
    } catch (error) {
        if (error instanceof CsvError) throw new ExportError(`${error.line}:${error.column}: not valid CSV: ${error.reason}`);
        throw error;
    }
    if (records.length === 0) throw new ExportError('1:1: no header row; expected Jira\'s CSV export, whose first row names the columns');
    const header = records[0].fields.map(name => name.trim());
    const column = (name: string) => header.indexOf(name);
    for (const required of ['Issue key', 'Summary']) {
        if (column(required) < 0) throw new ExportError(`1:1: no '${required}' column; expected Jira's CSV export (columns ${known.slice(0, 6).join(', ')})`);
    }
    const labelColumns = header.flatMap((name, index) => (name === 'Labels' ? [index] : []));
    const ignored = [...new Set(header.filter(name => !(known as readonly string[]).includes(name)))];
    const notes = ignored.length === 0 ? [] : [`ignored ${ignored.length === 1 ? 'a column' : `${ignored.length} columns`} that import does not read: ${listed(ignored)}`];
    const issues: TrackerIssue[] = [];
    const cell = (fields: string[], name: string) => { const index = column(name); return index < 0 ? '' : (fields[index] ?? '').trim(); };
    const unknownStatuses = new Set<string>();
    for (const { fields, line } of records.slice(1)) {
        if (fields.length !== header.length) {
            throw new ExportError(`${line}:1: ${fields.length} fields where the header has ${header.length}; a quote may be missing in this row or the one before`);
        }
        const key = cell(fields, 'Issue key');
        if (key === '') throw new ExportError(`${line}:1: a row without an 'Issue key'`);
        const status = jiraStatus(cell(fields, 'Status'), cell(fields, 'Status Category'), cell(fields, 'Resolution'));
        if (status === undefined && cell(fields, 'Status') !== '') unknownStatuses.add(cell(fields, 'Status'));
        const labels = labelColumns.map(index => fields[index].trim()).filter(label => label !== '');
        issues.push({
            key, title: fields[column('Summary')], labels, where: `line ${line}`,
            status,
            kind: kindOf(cell(fields, 'Issue Type')) ?? kindOfLabels(labels)
        });
    }
    if (unknownStatuses.size > 0) {
        notes.push(`no ticket status for the Jira status ${listed([...unknownStatuses].map(word => `'${word}'`))} (nor its Status Category): those tickets keep the status they have, and new ones get none`);
    }
    return { issues, notes };
}

function jiraStatus(status: string, category: string, resolution: string): TrackerStatus | undefined {
    const lower = (word: string) => word.toLowerCase();
    const mapped = Object.hasOwn(statusWords, lower(status)) ? statusWords[lower(status)]
        : Object.hasOwn(categoryWords, lower(category)) ? categoryWords[lower(category)] : undefined;
    return mapped === 'done' && notDone.has(lower(resolution)) ? 'dropped' : mapped;
}

/** At most twelve names, then how many more: a Jira export has a hundred columns. */
function listed(names: string[]): string {
    return names.length > 12 ? `${names.slice(0, 12).join(', ')} and ${names.length - 12} more` : names.join(', ');
}
