import { allowedValues } from './values.js';
import type { WorkFilter } from './work-filter.js';

// The preview's filter box reads one line of words into the same WorkFilter that `strategy trace` and `strategy
// render` read from their flags: `owner:ana status:doing milestone:M1 hide:done checkout`. A key is a flag's name,
// its value the flag's value (in double quotes when it holds spaces); the other words are free text. No imports
// beyond the model's values: the webview's bundle reads the box with this, the server checks what arrives with it.

/** The keys whose value must be one of the language's words, with those words (the flags check the same). */
export const filterValues = {
    focus: allowedValues.focus,
    kind: allowedValues.ticketKind,
    status: allowedValues.ticketStatus
} as const;

const keys = ['owner', 'focus', 'kind', 'status', 'milestone', 'hide'] as const;
type FilterKey = typeof keys[number];

export interface FilterQuery {
    /** What the valid words ask; a word with a problem is left out of it. */
    filter: WorkFilter;
    /** One sentence per word that could not be read: `unknown filter 'foo'; use owner, …`. */
    problems: string[];
}

/** `key:value`, `key:"two words"`, `"two words"` or a plain word; an unclosed quote runs to the end. */
const word = /([A-Za-z][A-Za-z-]*):(?:"([^"]*)"?|(\S*))|"([^"]*)"?|(\S+)/g;

function isKey(name: string): name is FilterKey {
    return (keys as readonly string[]).includes(name);
}

/** The words of the box read into a filter, with what could not be read; an empty box filters nothing. */
export function parseFilterQuery(query: string): FilterQuery {
    const filter: WorkFilter = {};
    const problems: string[] = [];
    const text: string[] = [];
    for (const match of query.matchAll(word)) {
        const [, name, quoted, plain, phrase, bare] = match;
        if (name === undefined) {
            const part = (phrase ?? bare ?? '').trim();
            if (part) text.push(part);
            continue;
        }
        const key = name.toLowerCase();
        const value = (quoted ?? plain ?? '').trim();
        if (!isKey(key)) {
            problems.push(`unknown filter '${name}'; use ${keys.join(':, ')}:`);
            continue;
        }
        if (key === 'hide') {
            if (value.toLowerCase() === 'done') filter.hideDone = true;
            else problems.push(`hide:${value} is not a filter; use hide:done`);
            continue;
        }
        if (value === '') {
            problems.push(key in filterValues ? `${key}: needs one of ${filterValues[key as keyof typeof filterValues].join(', ')}` : `${key}: needs a value`);
            continue;
        }
        if (key === 'owner') filter.owner = value;
        else if (key === 'milestone') filter.milestone = value;
        else if ((filterValues[key] as readonly string[]).includes(value)) filter[key] = value;
        else problems.push(`unknown ${key} '${value}'; use ${filterValues[key].join(', ')}`);
    }
    if (text.length > 0) filter.text = text.join(' ');
    return { filter, problems };
}

const textFields = ['text', 'owner', 'focus', 'kind', 'status', 'milestone'] as const;
/** Far above any ID, title or owner a filter names; a longer value is refused rather than searched. */
const maxValue = 500;

/**
 * A filter that arrived as JSON (from the webview, or in a `strategy/render` request), rebuilt from its checked
 * fields; undefined when it is not one. The values are not checked against the language's words: an unknown one
 * keeps nothing, as a typo in the box shows.
 */
export function parseWorkFilter(raw: unknown): WorkFilter | undefined {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
    const fields = raw as Record<string, unknown>;
    const filter: WorkFilter = {};
    for (const name of textFields) {
        const value = fields[name];
        if (value === undefined) continue;
        if (typeof value !== 'string' || value.length === 0 || value.length > maxValue) return undefined;
        filter[name] = value;
    }
    if (fields.hideDone !== undefined) {
        if (typeof fields.hideDone !== 'boolean') return undefined;
        if (fields.hideDone) filter.hideDone = true;
    }
    return filter;
}

/** Whether two filters ask the same (the order of their fields aside). */
export function sameFilter(a: WorkFilter, b: WorkFilter): boolean {
    return textFields.every(name => a[name] === b[name]) && (a.hideDone === true) === (b.hideDone === true);
}
