import { wayText } from '../metric-text.js';
import { daysBetween } from '../progress.js';
import { isCalendarDate } from '../values.js';
import { fieldsOf, milestoneDateOf, writtenAlike, type ElementSnapshot, type FieldValue } from './element-snapshot.js';

/** One field as it was and as it is; `null` on the side where it is not written. */
export interface FieldChange {
    field: string;
    before: string | null;
    after: string | null;
    /** What the change means, beyond the values: `+92 days`, `slipped 31 days`, `20% → 25% of the way`. */
    note?: string;
    /** The change in one phrase: `serves Engagement → Activation`, `new reading 22.5 on 2026-11-01: 20% → 25% of the way`. */
    words: string;
}

export interface FieldContext {
    /** Old ID → new ID of the elements renamed, so that `serves Old → New` says it is the rename. */
    renamed: ReadonlyMap<string, string>;
    /** The milestones of each side by ID, to say how far a ticket's new milestone moves its date. */
    baseMilestones: ReadonlyMap<string, ElementSnapshot>;
    headMilestones: ReadonlyMap<string, ElementSnapshot>;
}

/** The fields that differ, title first, then in the order the new side writes them, then those it no longer has. */
export function fieldChanges(before: ElementSnapshot, after: ElementSnapshot, context: FieldContext): FieldChange[] {
    const changes: FieldChange[] = [];
    if (writtenAlike(before, after)) return changes;
    if (before.title !== after.title) {
        changes.push(change('title', `"${before.title}"`, `"${after.title}"`));
    }
    const [oldFields, newFields] = [fieldsOf(before), fieldsOf(after)];
    const names = [...new Set([...newFields.keys(), ...oldFields.keys()])];
    for (const field of names) {
        const old = oldFields.get(field) ?? [];
        const now = newFields.get(field) ?? [];
        if (sameValues(old, now)) continue;
        if (field === 'reading') changes.push(...readingChanges(before, after, old, now));
        else if (old.length <= 1 && now.length <= 1) changes.push(singleChange(after.kind, field, old[0], now[0], context));
        else changes.push(...listChanges(field, old, now));
    }
    return changes;
}

function sameValues(a: readonly FieldValue[], b: readonly FieldValue[]): boolean {
    return a.length === b.length && a.every((value, i) => value.text === b[i].text);
}

function change(field: string, before: string | null, after: string | null, note?: string): FieldChange {
    const words = before === null ? `new ${field} ${after}` : after === null ? `${field} ${before} removed` : `${field} ${before} → ${after}`;
    return { field, before, after, ...(note ? { note } : {}), words: note ? `${words} (${note})` : words };
}

/** `+92 days`, `-3 days`: how far a date moved. */
function dayShift(from: string, to: string): string {
    const days = daysBetween(from, to);
    return `${days > 0 ? '+' : ''}${days} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
}

/** A milestone later by N days has slipped; earlier, it is brought forward. */
function slipWords(from: string, to: string): string | undefined {
    const days = daysBetween(from, to);
    if (days === 0) return undefined;
    const count = `${Math.abs(days)} ${Math.abs(days) === 1 ? 'day' : 'days'}`;
    return days > 0 ? `slipped ${count}` : `brought forward ${count}`;
}

function singleChange(kind: string, field: string, old: FieldValue | undefined, now: FieldValue | undefined, context: FieldContext): FieldChange {
    const before = old?.text ?? null;
    const after = now?.text ?? null;
    if (field === 'target' && old && now) return targetChange(old, now);
    let note: string | undefined;
    if (old && now) {
        if (context.renamed.get(old.text) === now.text) note = 'renamed';
        else if (kind === 'milestone' && field === 'by' && isCalendarDate(old.text) && isCalendarDate(now.text)) note = slipWords(old.text, now.text);
        else if (kind === 'ticket' && field === 'milestone') note = milestoneMove(old.text, now.text, context);
        else if (isCalendarDate(old.text) && isCalendarDate(now.text)) note = dayShift(old.text, now.text);
    }
    return change(field, before, after, note);
}

/** `target 30 → 28, by 2027-06-30 → 2027-09-30 (+92 days)`: the value and the date each said once. */
function targetChange(old: FieldValue, now: FieldValue): FieldChange {
    const value = (text: string, date?: string) => (date ? text.slice(0, -` by ${date}`.length) : text);
    const [oldValue, newValue] = [value(old.text, old.date), value(now.text, now.date)];
    const parts = [oldValue === newValue ? `target ${newValue}` : `target ${oldValue} → ${newValue}`];
    let note: string | undefined;
    if (old.date !== now.date) {
        parts.push(`by ${old.date ?? 'no date'} → ${now.date ?? 'no date'}`);
        if (old.date && now.date && isCalendarDate(old.date) && isCalendarDate(now.date)) note = dayShift(old.date, now.date);
    } else if (now.date) parts[0] += ` by ${now.date}`;
    const words = parts.join(', ') + (note ? ` (${note})` : '');
    return { field: 'target', before: old.text, after: now.text, ...(note ? { note } : {}), words };
}

/** A ticket moved to another milestone: how far its due date moved, when both milestones are dated. */
function milestoneMove(from: string, to: string, context: FieldContext): string | undefined {
    const date = (milestones: ReadonlyMap<string, ElementSnapshot>, id: string) => {
        const by = milestoneDateOf(milestones.get(id));
        return isCalendarDate(by) ? by : undefined;
    };
    const [old, now] = [date(context.baseMilestones, from), date(context.headMilestones, to)];
    return old && now ? slipWords(old, now) : undefined;
}

/** A list field item by item: each value added, removed, or changed under the same key. */
function listChanges(field: string, old: readonly FieldValue[], now: readonly FieldValue[]): FieldChange[] {
    const before = new Map(old.map(value => [value.key, value]));
    const after = new Map(now.map(value => [value.key, value]));
    const changes: FieldChange[] = [];
    for (const value of now) {
        const was = before.get(value.key);
        if (!was) changes.push(change(field, null, value.text));
        else if (was.text !== value.text) changes.push(change(field, was.text, value.text));
    }
    for (const value of old) if (!after.has(value.key)) changes.push(change(field, value.text, null));
    if (changes.length === 0) changes.push(change(field, old.map(value => value.text).join(', '), now.map(value => value.text).join(', '), 'reordered'));
    return changes;
}

/**
 * Readings by date: each new one, the latest of them with the progress the metric makes from the old side to
 * the new (`20% → 25% of the way`, as each side's model grades it); a reading corrected on its date; a reading taken out.
 */
function readingChanges(before: ElementSnapshot, after: ElementSnapshot, old: readonly FieldValue[], now: readonly FieldValue[]): FieldChange[] {
    const changes = listChanges('reading', old, now).filter(item => item.note !== 'reordered');
    const added = changes.filter(item => item.before === null);
    if (added.length === 0) return changes;
    const latest = added.reduce((a, b) => (dateOf(b, now) > dateOf(a, now) ? b : a));
    const way = (snapshot: ElementSnapshot) => snapshot.facts?.progress?.ratio;
    const [wasWay, isWay] = [way(before), way(after)];
    const note = isWay === undefined ? undefined : wasWay === undefined ? wayText(isWay) : `${Math.round(wasWay * 100)}% → ${wayText(isWay)}`;
    if (note) {
        latest.note = note;
        latest.words = `${latest.words}: ${note}`;
    }
    return changes;
}

function dateOf(item: FieldChange, values: readonly FieldValue[]): string {
    return values.find(value => value.text === item.after)?.date ?? '';
}
