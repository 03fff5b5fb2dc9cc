import { GrammarUtils, isAstNode, isReference, type AstNode } from 'langium';
import type { Element, Metric, Model } from '../../language/generated/ast.js';
import type { MetricFacts } from '../alignment.js';
import { oneLine } from '../values.js';

// One side of a comparison reduced to what `strategy diff` compares: each top-level element by kind and ID, with
// its fields as the words a reader recognises. Built from the parsed AST only (no linking needed), so that a side
// whose references do not resolve still compares. Fields are read only for elements whose text differs: most of
// a large workspace is unchanged between two revisions.

/** One value of a field; `key` pairs the values of a list across the two sides (a reading by its date). */
export interface FieldValue {
    key: string;
    text: string;
    /** For a reading: the value and the date, to say the progress it makes. */
    date?: string;
}

export interface ElementSnapshot {
    /** `Objective:Growth`: the kind keeps two elements of different kinds that share an ID apart. */
    key: string;
    id: string;
    /** The keyword that introduces the element: `objective`, `usertype`, `vision`. */
    kind: string;
    readonly title: string;
    file: string;
    node: Element;
    /** A metric's facts in its side's model: the progress a new reading makes is read there, graded once. */
    facts?: MetricFacts;
}

export interface SideFile {
    /** The path every output shows (relative to where the command runs). */
    path: string;
    model: Model;
}

/** The keyword written before a field, where it differs from the AST property's name. */
const fieldKeywords: Record<string, string> = {
    'Objective.metrics': 'metric', 'Metric.readings': 'reading', 'UserType.needs': 'need', 'Solution.users': 'for',
    'Solution.needs': 'addresses', 'Solution.objectives': 'advances', 'Solution.hypotheses': 'hypothesis',
    'Question.subjects': 'about', 'Milestone.objectives': 'advances', 'Canvas.obstacles': 'obstacle', 'Canvas.steps': 'step'
};

/**
 * Every top-level element of the files, by key; of two with one key (a `duplicate-id`), the first in file order
 * counts, as the linker resolves a name to it.
 */
export function snapshotOf(files: readonly SideFile[], metrics: ReadonlyMap<Metric, MetricFacts>): Map<string, ElementSnapshot> {
    const elements = new Map<string, ElementSnapshot>();
    for (const file of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
        for (const element of file.model.elements ?? []) {
            const snapshot = elementSnapshot(element, file.path, metrics);
            if (snapshot && !elements.has(snapshot.key)) elements.set(snapshot.key, snapshot);
        }
    }
    return elements;
}

function elementSnapshot(element: Element, file: string, metrics: ReadonlyMap<Metric, MetricFacts>): ElementSnapshot | undefined {
    const kind = element.$type.toLowerCase();
    const id = element.$type === 'Vision' ? 'vision' : element.name;
    if (!id) return undefined; // recovered without its name: nothing to pair it by; its syntax error says so
    return {
        key: `${element.$type}:${id}`, id, kind, file,
        // Read only of the elements compared field by field or listed: on one line, it costs a pass over the text.
        get title() {
            return oneLine(element.title);
        },
        node: element,
        ...(element.$type === 'Metric' ? { facts: metrics.get(element) } : {})
    };
}

/**
 * Whether two elements are written alike, and so have the same fields: one node when its file did not change
 * (the engine keeps the documents it need not parse again), else the same text.
 */
export function writtenAlike(a: ElementSnapshot, b: ElementSnapshot): boolean {
    return a.node === b.node || (a.node.$cstNode?.text ?? '') === (b.node.$cstNode?.text ?? '');
}

/** 1-based line of the element's name (of its keyword when it has none): asked only of the elements listed. */
export function nameLineOf(snapshot: ElementSnapshot): number {
    const cst = snapshot.node.$cstNode;
    return (GrammarUtils.findNodeForProperty(cst, 'name')?.range.start.line ?? cst?.range.start.line ?? 0) + 1;
}

/** 0-based lines the element spans, to tell which element a diagnostic is on. */
export function lineSpanOf(snapshot: ElementSnapshot): { startLine: number; endLine: number } {
    const range = snapshot.node.$cstNode?.range;
    return { startLine: range?.start.line ?? 0, endLine: range?.end.line ?? 0 };
}

const fieldsCache = new WeakMap<ElementSnapshot, Map<string, FieldValue[]>>();

/** Per field keyword, the values in the order written; a field written nowhere is absent. */
export function fieldsOf(snapshot: ElementSnapshot): Map<string, FieldValue[]> {
    const cached = fieldsCache.get(snapshot);
    if (cached) return cached;
    const fields = new Map<string, FieldValue[]>();
    for (const [property, value] of Object.entries(snapshot.node)) {
        if (property.startsWith('$') || property === 'name' || property === 'title' || !Array.isArray(value) || value.length === 0) continue;
        const field = fieldKeywords[`${snapshot.node.$type}.${property}`] ?? property;
        fields.set(field, value.map(item => fieldValue(item)));
    }
    fieldsCache.set(snapshot, fields);
    return fields;
}

/** A milestone's date as written, to say how far a ticket moved to another one moves. */
export function milestoneDateOf(snapshot: ElementSnapshot | undefined): string | undefined {
    return snapshot?.node.$type === 'Milestone' ? snapshot.node.by[0] : undefined;
}

/** A value in the words it is written in: a reference by the name written, a reading as `22.5 on 2026-11-01`. */
function fieldValue(item: unknown): FieldValue {
    if (typeof item === 'string') return { key: item, text: item };
    if (isReference(item)) return { key: item.$refText, text: item.$refText };
    if (!isAstNode(item)) return { key: String(item), text: String(item) };
    const node = item as AstNode & Record<string, unknown>;
    switch (node.$type) {
        case 'Reading': {
            const { value, date } = node as unknown as { value: string; date?: string };
            return { key: date ?? `value ${value}`, text: date ? `${value} on ${date}` : value, ...(date ? { date } : {}) };
        }
        case 'Target': {
            const { value, date } = node as unknown as { value: string; date?: string };
            return { key: 'target', text: date ? `${value} by ${date}` : value, ...(date ? { date } : {}) };
        }
        case 'Range': {
            const { low, high } = node as unknown as { low: string; high: string };
            return { key: 'range', text: `${low} to ${high}` };
        }
        case 'Need': {
            const { name, title } = node as unknown as { name: string; title: string };
            return { key: name, text: `${name} "${oneLine(title)}"` };
        }
        case 'PlanStep': {
            const { title, tickets } = node as unknown as { title: string; tickets: Array<{ $refText: string }> };
            const work = tickets.length > 0 ? ` (tickets ${tickets.map(ticket => ticket.$refText).join(', ')})` : '';
            return { key: oneLine(title), text: `"${oneLine(title)}"${work}` };
        }
        default: {
            const text = oneLine(node.$cstNode?.text);
            return { key: text, text };
        }
    }
}
