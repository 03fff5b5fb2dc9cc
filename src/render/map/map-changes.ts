import type { ElementChange, StrategyDiff } from '../../model/diff/strategy-diff.js';
import { plural } from '../../model/values.js';
import type { Badge } from '../badges.js';
import { escapeHtml } from '../escape.js';
import type { CardBlock } from '../svg/svg-card.js';
import { moreBlock, type CardPair } from './map-cards.js';

// The alignment map as a changes view ("Compare with Revision…"): each element of a card that the comparison
// added, changed or renamed carries a badge, a changed one its fields before → after under it (two lines in the
// summary, all in the whole card); a card's summary also lists the marked elements it only counts; what the revision
// had and the workspace no longer has is a "Removed" group, and what changed off the map (a milestone, a user type)
// an "Other changes" group.

export interface MapChanges {
    /** The revision as the user named it (`HEAD`, `main`) and the commit it named. */
    revision: string;
    commit: string;
    diff: StrategyDiff;
}

type Marked = Exclude<ElementChange['change'], 'removed'>;

const badgeOf: Record<Marked | 'removed', Badge> = {
    added: { text: 'new', tone: 'status', name: 'diff-added' },
    changed: { text: 'changed', tone: 'status', name: 'diff-changed' },
    renamed: { text: 'renamed', tone: 'status', name: 'diff-renamed' },
    removed: { text: 'removed', tone: 'status', name: 'diff-removed' }
};

/** Field lines a summary shows under a changed element; the whole card shows them all. */
const summaryLines = 2;
/** Rows a group's summary lists before "+N more". */
const summaryRows = 5;

/** `Compared with HEAD (abc1234): 3 added · 2 changed · 1 removed`, then the problems the change adds. */
export function changesHeadline(changes: MapChanges): string {
    const { summary } = changes.diff;
    const counts = [
        summary.added ? `${summary.added} added` : '', summary.changed ? `${summary.changed} changed` : '',
        summary.renamed ? `${summary.renamed} renamed` : '', summary.removed ? `${summary.removed} removed` : ''
    ].filter(Boolean);
    const added = summary.diagnostics.added;
    const problems = [added.errors ? plural(added.errors, 'new error') : '', added.warnings ? plural(added.warnings, 'new warning') : ''].filter(Boolean);
    const what = counts.length > 0 ? counts.join(' · ') : 'no element changed';
    return `Compared with ${changes.revision} (${changes.commit.slice(0, 7)}): ${[what, ...problems].join(' · ')}`;
}

/** The line above the map: the headline, the notes that make the comparison partial, and in the preview a button to leave it. */
export function changesBanner(changes: MapChanges, interactive: boolean): string {
    const notes = changes.diff.notes.map(note => `<li>${escapeHtml(note)}</li>`).join('');
    const leave = interactive ? ' <button type="button" class="leave-comparison" data-action="leave-comparison">Leave comparison</button>' : '';
    return `<div class="view-changes" role="status"><span class="changes-headline">${escapeHtml(changesHeadline(changes))}</span>${leave}`
        + `${notes ? `<ul class="changes-notes">${notes}</ul>` : ''}</div>`;
}

/** Changes by the `data-element` key of the element (`ticket:APP-1`), and which of them a card has shown. */
export class ChangeMarks {
    private readonly byKey = new Map<string, ElementChange>();
    private readonly shown = new Set<string>();

    constructor(readonly changes: MapChanges) {
        for (const change of changes.diff.changes) if (change.change !== 'removed') this.byKey.set(`${change.kind}:${change.id}`, change);
    }

    /** The pair with its elements marked, and the summary listing the marked elements that only the whole card shows. */
    mark(pair: CardPair): CardPair {
        const summary = pair.summary.flatMap(block => this.marked(block, summaryLines));
        const whole = pair.whole?.flatMap(block => this.marked(block, Infinity));
        const inSummary = new Set(pair.summary.map(block => block.key));
        const hidden = (pair.whole ?? []).filter(block => block.key !== undefined && !inSummary.has(block.key) && this.byKey.has(block.key));
        const seen = new Set<string>();
        const rows = hidden.filter(block => !seen.has(block.key!) && seen.add(block.key!)).map(block => this.row(block));
        return { summary: [...summary, ...rows], ...(whole ? { whole } : {}) };
    }

    /** The groups after the map's nodes: what was removed, and the changes to elements no card shows. */
    groups(interactive: boolean): Array<{ id: 'removed' | 'other-changes'; title: string; pair: CardPair }> {
        const groups: Array<{ id: 'removed' | 'other-changes'; title: string; pair: CardPair }> = [];
        const removed = this.changes.diff.changes.filter(change => change.change === 'removed');
        if (removed.length > 0) {
            groups.push({ id: 'removed', title: 'Removed', pair: group('Removed', `In ${this.changes.revision}, no longer in the workspace`, removed.map(change => gone(change)), interactive) });
        }
        const elsewhere = [...this.byKey].filter(([key]) => !this.shown.has(key)).map(([, change]) => change);
        if (elsewhere.length > 0) {
            groups.push({ id: 'other-changes', title: 'Other changes', pair: group('Other changes', 'Elements the map does not show', elsewhere.map(change => offMap(change)), interactive) });
        }
        return groups;
    }

    private marked(block: CardBlock, lines: number): CardBlock[] {
        const change = block.key === undefined ? undefined : this.byKey.get(block.key);
        if (!change || change.change === 'removed') return [block];
        this.shown.add(block.key!);
        const badge = badgeOf[change.change];
        const own: CardBlock = { ...block, classes: `${block.classes ?? ''} ${badge.name}`.trim(), badges: [...block.badges ?? [], badge] };
        const words = fieldWords(change);
        if (words.length === 0) return [own];
        return [own, {
            classes: 'diff-fields', indent: (block.indent ?? 0) + 8, title: words.join('\n'),
            texts: [
                ...words.slice(0, lines).map(text => ({ text, cls: 't-change', size: 11, maxLines: 2 })),
                ...(words.length > lines ? [{ text: `+${words.length - lines} more`, cls: 't-hint', size: 11, maxLines: 1 }] : [])
            ]
        }];
    }

    /** A marked element that the summary only counts: one line, clickable as its row in the whole card is. */
    private row(block: CardBlock): CardBlock {
        const change = this.byKey.get(block.key!)!;
        const badge = badgeOf[change.change as Marked];
        const first = fieldWords(change)[0];
        return {
            key: block.key, classes: `node diff-row ${badge.name}`, attributes: block.attributes, indent: 4,
            title: [`${change.id}: ${change.title}`, ...fieldWords(change)].join('\n'),
            texts: [{ text: first ? `${change.id}: ${first}` : `${change.id} ${change.title}`, cls: 't-title', maxLines: 1 }],
            badges: [badge]
        };
    }
}

/** The words of each changed field, after `renamed from Old` for a rename. */
function fieldWords(change: ElementChange): string[] {
    return [...(change.from ? [`renamed from ${change.from}`] : []), ...change.fields.map(field => field.words)];
}

function gone(change: ElementChange): CardBlock {
    return {
        classes: 'node diff-row diff-removed', indent: 4, title: `${change.kind} ${change.id}: ${change.title} (${change.file}:${change.line})`,
        texts: [{ text: `${change.kind} ${change.id}`, cls: 't-id', size: 11.5, bold: true, maxLines: 1 }, ...(change.title ? [{ text: change.title, cls: 't-title', maxLines: 1 }] : [])],
        badges: [badgeOf.removed]
    };
}

function offMap(change: ElementChange): CardBlock {
    const words = fieldWords(change);
    return {
        classes: `node diff-row ${badgeOf[change.change as Marked].name}`, indent: 4, title: [`${change.kind} ${change.id}: ${change.title}`, ...words].join('\n'),
        texts: [
            { text: `${change.kind} ${change.id}`, cls: 't-id', size: 11.5, bold: true, maxLines: 1 },
            ...(words.length > 0 ? words.map(text => ({ text, cls: 't-change', size: 11, maxLines: 2 })) : [{ text: change.title, cls: 't-title', maxLines: 1 }])
        ],
        badges: [badgeOf[change.change as Marked]]
    };
}

function group(title: string, subtitle: string, rows: CardBlock[], interactive: boolean): CardPair {
    const heading: CardBlock = { texts: [{ text: title, cls: 't-heading', size: 13, bold: true }, { text: subtitle, cls: 't-muted' }] };
    const summary = [heading, ...rows.slice(0, summaryRows)];
    if (rows.length > summaryRows) summary.push(moreBlock(rows.length - summaryRows, interactive));
    return { summary, whole: rows.length > summaryRows ? [heading, ...rows] : undefined };
}
