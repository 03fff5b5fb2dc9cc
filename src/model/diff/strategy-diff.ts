import type { Metric } from '../../language/generated/ast.js';
import type { MetricFacts } from '../alignment.js';
import { diagnosticChanges, type DiagnosticChanges, type SourceDiagnostic } from './diagnostic-changes.js';
import { nameLineOf, snapshotOf, type ElementSnapshot, type SideFile } from './element-snapshot.js';
import { fieldChanges, type FieldChange } from './field-changes.js';

// `strategy diff`'s comparison, free of git and of any output format: two sides, each the parsed files and the
// diagnostics the engine gave them, compared element by element. The command line reads the sides from git; the
// editor can build them from its own documents.

export interface DiffSide {
    /** How the side is named in every output: `HEAD`, `main`, `working tree`. */
    label: string;
    files: readonly SideFile[];
    diagnostics: readonly SourceDiagnostic[];
    /** The side's metrics as its model graded them (`AlignmentModel.metrics`), for the progress readings make. */
    metrics: ReadonlyMap<Metric, MetricFacts>;
}

export interface ElementChange {
    id: string;
    kind: string;
    change: 'added' | 'removed' | 'renamed' | 'changed';
    /** The old ID of a renamed element. */
    from?: string;
    title: string;
    /** Where it is written now (where it was, for a removed element). */
    file: string;
    line: number;
    /** The file it was in, when it moved to another file (a move alone is no change). */
    fromFile?: string;
    fields: FieldChange[];
}

export interface DiffSummary {
    added: number;
    removed: number;
    renamed: number;
    changed: number;
    /** Elements that moved to another file and changed nothing else: not listed as changes. */
    moved: number;
    diagnostics: {
        added: { errors: number; warnings: number; infos: number };
        resolved: { errors: number; warnings: number; infos: number };
    };
}

export interface StrategyDiff {
    base: string;
    head: string;
    changes: ElementChange[];
    diagnostics: DiagnosticChanges;
    summary: DiffSummary;
    /** What makes the comparison partial: files that do not parse at one side. */
    notes: string[];
}

/** The order changes are listed in: by kind as a strategy reads top-down, then by ID. */
export const kindOrder = ['vision', 'objective', 'metric', 'usertype', 'solution', 'question', 'ticket', 'milestone', 'canvas'];

/** A side's elements by key and its diagnostics: what the comparison needs of it. */
export interface SideSnapshot {
    label: string;
    elements: Map<string, ElementSnapshot>;
    diagnostics: readonly SourceDiagnostic[];
}

export function snapshotSide(side: DiffSide): SideSnapshot {
    return { label: side.label, elements: snapshotOf(side.files, side.metrics), diagnostics: side.diagnostics };
}

/** Compares two sides element by element (by kind and ID), then their diagnostics. */
export function diffStrategies(base: DiffSide, head: DiffSide): StrategyDiff {
    return diffSnapshots(snapshotSide(base), snapshotSide(head));
}

/** As diffStrategies, on sides already taken (`snapshotSide`): a side is taken before the engine moves on to the other. */
export function diffSnapshots(base: SideSnapshot, head: SideSnapshot): StrategyDiff {
    const before = base.elements;
    const after = head.elements;
    const removed = [...before.values()].filter(element => !after.has(element.key));
    const added = [...after.values()].filter(element => !before.has(element.key));
    const renames = pairRenames(removed, added);
    const renamedIds = new Map([...renames].map(([old, now]) => [old.id, now.id]));
    const context = {
        renamed: renamedIds,
        baseMilestones: byIdOf(before, 'milestone'), headMilestones: byIdOf(after, 'milestone')
    };
    const changes: ElementChange[] = [];
    let moved = 0;
    for (const now of after.values()) {
        const old = before.get(now.key);
        if (!old) continue;
        const fields = fieldChanges(old, now, context);
        const fromFile = old.file !== now.file ? old.file : undefined;
        if (fields.length > 0) changes.push(entry(now, 'changed', fields, fromFile));
        else if (fromFile) moved++;
    }
    for (const [old, now] of renames) {
        changes.push({ ...entry(now, 'renamed', fieldChanges(old, now, context), old.file !== now.file ? old.file : undefined), from: old.id });
    }
    const renamedOld = new Set(renames.keys());
    const renamedNew = new Set(renames.values());
    for (const element of added) if (!renamedNew.has(element)) changes.push(entry(element, 'added', []));
    for (const element of removed) if (!renamedOld.has(element)) changes.push(entry(element, 'removed', []));
    changes.sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.id.localeCompare(b.id));

    const renamedKeys = new Map([...renames].map(([old, now]) => [old.key, now.key]));
    const diagnostics = diagnosticChanges(base.diagnostics, head.diagnostics, [...before.values()], [...after.values()], renamedKeys);
    const count = (change: ElementChange['change']) => changes.filter(item => item.change === change).length;
    return {
        base: base.label, head: head.label, changes, diagnostics,
        summary: {
            added: count('added'), removed: count('removed'), renamed: count('renamed'), changed: count('changed'), moved,
            diagnostics: { added: severities(diagnostics.added), resolved: severities(diagnostics.resolved) }
        },
        notes: [...parseNotes(base), ...parseNotes(head)]
    };
}

function entry(element: ElementSnapshot, change: ElementChange['change'], fields: FieldChange[], fromFile?: string): ElementChange {
    return {
        id: element.id, kind: element.kind, change, title: element.title, file: element.file, line: nameLineOf(element),
        ...(fromFile ? { fromFile } : {}), fields
    };
}

/**
 * A removed and an added element of the same kind and title are one element renamed, when the title names
 * exactly one of each (two new elements titled alike could be either: they stay added and removed).
 */
function pairRenames(removed: readonly ElementSnapshot[], added: readonly ElementSnapshot[]): Map<ElementSnapshot, ElementSnapshot> {
    const byTitle = (elements: readonly ElementSnapshot[]) => {
        const groups = new Map<string, ElementSnapshot[]>();
        for (const element of elements) {
            if (element.title === '') continue;
            const key = `${element.kind}\u0000${element.title}`;
            (groups.get(key) ?? groups.set(key, []).get(key)!).push(element);
        }
        return groups;
    };
    const olds = byTitle(removed);
    const pairs = new Map<ElementSnapshot, ElementSnapshot>();
    for (const [key, nows] of byTitle(added)) {
        const was = olds.get(key);
        if (was?.length === 1 && nows.length === 1) pairs.set(was[0], nows[0]);
    }
    return pairs;
}

function byIdOf(elements: ReadonlyMap<string, ElementSnapshot>, kind: string): Map<string, ElementSnapshot> {
    return new Map([...elements.values()].filter(element => element.kind === kind).map(element => [element.id, element]));
}

function severities(diagnostics: readonly SourceDiagnostic[]) {
    const count = (severity: SourceDiagnostic['severity']) => diagnostics.filter(d => d.severity === severity).length;
    return { errors: count('error'), warnings: count('warning'), infos: count('info') };
}

/** A file with syntax errors parses only in part: what it holds after them may be missing from this side. */
function parseNotes(side: SideSnapshot): string[] {
    const counts = new Map<string, number>();
    for (const d of side.diagnostics) if (d.code === 'syntax-error') counts.set(d.file, (counts.get(d.file) ?? 0) + 1);
    return [...counts].map(([file, count]) =>
        `${side.label}: ${file} has ${count === 1 ? 'a syntax error' : `${count} syntax errors`}; elements it holds after ${count === 1 ? 'it' : 'them'} may be missing from the comparison`);
}
