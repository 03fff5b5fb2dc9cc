/** A ticket's status in the language; `open` is GitHub's: live, todo or doing, the tracker does not say which. */
export type TrackerStatus = 'todo' | 'doing' | 'done' | 'dropped' | 'open';

/** One issue of a tracker export, in the tracker's own words, before it becomes a ticket. */
export interface TrackerIssue {
    /** The tracker's key: `APP-12` for Jira, `GH-123` for GitHub (its number with the prefix). */
    key: string;
    title: string;
    status?: TrackerStatus;
    /** The ticket kind the tracker's type or labels say, if one of the language's. */
    kind?: string;
    link?: string;
    labels: string[];
    /** Where in the export, for messages: `item 3`, `line 12`. */
    where: string;
}

/** A fault in an export, with its place (`3:14`, `item 7`) when one is known: exit status 2. */
export class ExportError extends Error {}

/** The language's ticket kinds, and the tracker words (labels, Jira issue types) that mean each, in lower case. */
const kindWords: Record<string, string> = {
    bug: 'bug', defect: 'bug',
    feature: 'feature', enhancement: 'feature', story: 'feature', 'new feature': 'feature', improvement: 'feature', epic: 'feature',
    refactor: 'refactor', refactoring: 'refactor', 'tech debt': 'refactor',
    platform: 'platform', infrastructure: 'platform',
    experiment: 'experiment',
    research: 'research', spike: 'research'
};

/** The kind a type or label names (`kind:bug` too), or undefined: `Task`, `documentation` say no kind. */
export function kindOf(word: string): string | undefined {
    const lower = word.trim().toLowerCase();
    const named = lower.startsWith('kind:') ? lower.slice(5).trim() : lower;
    return Object.hasOwn(kindWords, named) ? kindWords[named] : undefined;
}

/** The first of the labels that names a kind. */
export function kindOfLabels(labels: readonly string[]): string | undefined {
    for (const label of labels) {
        const kind = kindOf(label);
        if (kind) return kind;
    }
    return undefined;
}
