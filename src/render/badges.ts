// The marks an element carries in every rendered view (the canvases and the map; HTML, SVG and Markdown): what
// each says and the class that names it, so a canvas and the map cannot word or style the same fact differently.

export type BadgeTone = 'status' | 'warning' | 'error';

export interface Badge {
    text: string;
    tone: BadgeTone;
    /** A class naming what the badge says: `unmeasured`, `unresolved`, `status-doing`… */
    name: string;
}

/** A name in a canvas that resolves to no element of its kind. */
export const unresolvedBadge: Badge = { text: 'not found', tone: 'error', name: 'unresolved' };
/** An objective with no metric of its own nor below it: on a canvas's outcomes and on the map. */
export const unmeasuredBadge: Badge = { text: 'not measured', tone: 'warning', name: 'unmeasured' };
/** An objective that is its own ancestor. */
export const cycleBadge: Badge = { text: 'in a cycle', tone: 'error', name: 'cycle' };

/**
 * A value as written (`status "x highlighted"`) as the end of one class name: anything but a letter, digit, `-`
 * or `_` becomes `_`, so a space cannot add classes of the preview's own (`highlighted`, `map-viewport`).
 */
function classPart(value: string): string {
    return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

export function statusBadge(status: string | undefined): Badge[] {
    return status ? [{ text: status, tone: 'status', name: `status-${classPart(status)}` }] : [];
}

/** A ticket's `kind` (`bug`, `story`…). */
export function ticketKindBadge(kind: string | undefined): Badge[] {
    return kind ? [{ text: kind, tone: 'status', name: `kind-${classPart(kind)}` }] : [];
}

/**
 * The insights for and against an element as a small mark (`2 for · 1 against`) on the map's objective and
 * solution rows; a warning when all of them speak against it.
 */
export function evidenceBadge(evidence: { for: unknown[]; against: unknown[] } | undefined): Badge[] {
    if (!evidence) return [];
    const parts = [...(evidence.for.length > 0 ? [`${evidence.for.length} for`] : []), ...(evidence.against.length > 0 ? [`${evidence.against.length} against`] : [])];
    return [{ text: parts.join(' · '), tone: evidence.for.length === 0 ? 'warning' : 'status', name: 'evidence' }];
}
