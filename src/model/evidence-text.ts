import type { Evidence } from './alignment.js';
import { plural } from './values.js';

/** `2 insights for · 1 against`, `no insight yet`: a solution's (or objective's, question's) evidence in one line. */
export function evidenceCount(evidence: Evidence): string {
    const [support, against] = [evidence.for.length, evidence.against.length];
    if (support === 0 && against === 0) return 'no insight yet';
    const first = support > 0 ? `${plural(support, 'insight')} for` : undefined;
    const second = against > 0 ? (first ? `${against} against` : `${plural(against, 'insight')} against`) : undefined;
    return [first, second].filter(part => part).join(' · ');
}

/**
 * A long text cut to `limit` characters at a word where it can be, with `…`: a 2,000-character answer reads
 * as its start in a hover or a box, and the whole stays in the file.
 */
export function clampText(text: string, limit: number): string {
    if (text.length <= limit) return text;
    const cut = text.slice(0, limit);
    const space = cut.lastIndexOf(' ');
    return `${(space > limit * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
