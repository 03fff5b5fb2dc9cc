/**
 * Edits a suggestion may be away from the name, however long it is: a third of its length alone made the search
 * quadratic in the length (6.8 s for a misspelt 16,000-character ID); bounded, it is linear.
 */
export const maxSuggestionEdits = 5;

/** The candidate closest to a misspelt name, when it is close enough to be what was meant. */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
    const limit = Math.min(maxSuggestionEdits, Math.max(1, Math.floor(name.length / 3)));
    let best: string | undefined;
    let bestDistance = limit + 1;
    const lower = name.toLowerCase();
    for (const candidate of candidates) {
        if (Math.abs(candidate.length - name.length) > limit) continue;
        const distance = editDistance(lower, candidate.toLowerCase(), bestDistance);
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

/**
 * Levenshtein distance, or `cap` when it is not below `cap`. Only the band of cells within `cap` of the diagonal
 * can hold a distance below `cap`, so only those are computed: the time is the length times `cap`.
 */
function editDistance(a: string, b: string, cap: number): number {
    if (Math.abs(a.length - b.length) >= cap) return cap;
    let previous = new Int32Array(b.length + 1).fill(cap);
    let current = new Int32Array(b.length + 1).fill(cap);
    for (let j = 0; j <= Math.min(b.length, cap); j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
        const from = Math.max(1, i - cap);
        const to = Math.min(b.length, i + cap);
        current[from - 1] = from === 1 ? Math.min(i, cap) : cap;
        let rowMin = current[from - 1];
        for (let j = from; j <= to; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost, cap);
            rowMin = Math.min(rowMin, current[j]);
        }
        if (to < b.length) current[to + 1] = cap;
        if (rowMin >= cap) return cap;
        [previous, current] = [current, previous];
    }
    return previous[b.length];
}

/** `a`, `a or b`, `a, b or c`: for messages that list the allowed values. */
export function orList(items: readonly string[]): string {
    return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
