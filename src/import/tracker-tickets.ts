import type { TrackerIssue, TrackerStatus } from './tracker-issue.js';

/** A ticket as the tracker has it, under a strategy ID: what an import writes or updates. */
export interface ImportedTicket {
    id: string;
    title: string;
    status?: TrackerStatus;
    kind?: string;
    link?: string;
    /** From a label `objective:<ID>`; set on new tickets only (a hand-written `serves` is the team's). */
    serves?: string;
}

const idPattern = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * The tickets of an export under valid strategy IDs. A key that is not an ID (`app 12`, `12`, a keyword) is
 * mapped (characters outside `A-Za-z0-9_-` to `_`, and `T-` in front of one that does not start with a letter or
 * `_`, or is a keyword), then made unique with `_2`, `_3` (a key that is an ID keeps it); each mapping is a note. A key twice in the export keeps
 * its last row, as the tracker's latest word.
 */
export function importedTickets(issues: readonly TrackerIssue[], reserved: ReadonlySet<string>): { tickets: ImportedTicket[]; notes: string[] } {
    const notes: string[] = [];
    const mapped: string[] = [];
    const byKey = new Map<string, ImportedTicket>();
    // A key that is an ID keeps it; a renamed one never takes an ID that another key of the export is.
    const used = new Set(issues.map(issue => issue.key).filter(key => idPattern.test(key) && !reserved.has(key)));
    for (const issue of issues) {
        const previous = byKey.get(issue.key);
        let id = previous?.id;
        if (id === undefined) {
            id = strategyId(issue.key, reserved);
            if (id !== issue.key) {
                const base = id;
                for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
                mapped.push(`'${issue.key}' → ${id}`);
                used.add(id);
            }
        }
        const serves = objectiveOf(issue, reserved, notes);
        byKey.set(issue.key, { id, title: issue.title.replace(/\r\n?/g, '\n'), status: issue.status, kind: issue.kind, link: issue.link, serves });
    }
    if (mapped.length > 0) {
        const shown = mapped.length > 20 ? `${mapped.slice(0, 20).join(', ')} and ${mapped.length - 20} more` : mapped.join(', ');
        notes.unshift(`${mapped.length} tracker ${mapped.length === 1 ? 'key is' : 'keys are'} not a strategy ID and ${mapped.length === 1 ? 'was' : 'were'} renamed: ${shown}`);
    }
    return { tickets: [...byKey.values()], notes };
}

function strategyId(key: string, reserved: ReadonlySet<string>): string {
    if (idPattern.test(key) && !reserved.has(key)) return key;
    const cleaned = key.trim().replace(/[^A-Za-z0-9_-]+/g, '_');
    return /^[A-Za-z_]/.test(cleaned) && !reserved.has(cleaned) ? cleaned : `T-${cleaned}`;
}

/** The objective a label `objective:<ID>` names (the first such label); one that is no ID is said and left out. */
function objectiveOf(issue: TrackerIssue, reserved: ReadonlySet<string>, notes: string[]): string | undefined {
    for (const label of issue.labels) {
        const found = /^objective:\s*(.*)$/i.exec(label.trim());
        if (!found) continue;
        if (idPattern.test(found[1]) && !reserved.has(found[1])) return found[1];
        notes.push(`${issue.key} (${issue.where}): the label '${label}' names no objective ID; it sets no 'serves'`);
    }
    return undefined;
}
