import type { MetricNode, TicketNode } from '../../model/alignment-tree.js';
import type { ElementLocation } from '../../model/locations.js';
import { statusBadge, ticketKindBadge, unmeasuredBadge, unresolvedBadge, type Badge } from '../badges.js';
import { elementKey, textKey, type CanvasKeyword, type ItemView, type OutcomeView, type ProductCanvasView, type StrategyCanvasView, type SwotCanvasView, type TextField, type TextView } from '../../model/preview-view.js';

// A canvas as boxes of entries, independent of any output format: the HTML fragment, the SVG and the Markdown
// renderers all draw these, so the three cannot disagree on what a box holds, how it is numbered or where it sits.

/** An element of the workspace: clicking it reveals its definition. */
export interface ItemEntry {
    type: 'item';
    item: ItemView;
    badges: Badge[];
}

/** A metric with its figures and graded progress. */
export interface MetricEntry {
    type: 'metric';
    metric: MetricNode;
}

/** Free text written in the canvas (or a solution's hypothesis), keyed `text:<canvas>/<field>/<index>`. */
export interface TextEntry {
    type: 'text';
    key: string;
    text: string;
    location: ElementLocation;
}

/** A heading inside a box (`Where we will play`), or a quiet note (`measured through its sub-objectives`). */
export interface LabelEntry {
    type: 'label';
    text: string;
}

export interface HintEntry {
    type: 'hint';
    text: string;
}

export type NoteEntry = LabelEntry | HintEntry;

/** An entry with the entries that belong to it: an objective's metrics, a step's tickets, a user type's needs. */
export interface GroupEntry {
    type: 'group';
    head: ItemEntry | TextEntry | NoteEntry;
    children: Entry[];
}

export type Entry = ItemEntry | MetricEntry | TextEntry | NoteEntry | GroupEntry;

export interface Box {
    /** `problem`, `outcomes`…: the `data-box` name and the grid area. */
    name: string;
    number: number;
    title: string;
    /** The canvas field that fills the box, else the canvas's name. */
    location: ElementLocation;
    entries: Entry[];
    /** Shown when there are no entries: which field fills the box, with code in backticks. */
    hint: string;
}

/**
 * The names of a two-by-two canvas's axes (SWOT's helpful | harmful across, internal | external down): the
 * renderers write them beside the grid's two columns and two rows.
 */
export interface CanvasAxes {
    columns: [string, string];
    rows: [string, string];
}

export interface CanvasBoxes {
    view: 'product' | 'strategy' | 'swot';
    id: string;
    title: string;
    /** `Lean Product Canvas` or `Lean Strategy Canvas`. */
    kindLabel: string;
    location: ElementLocation;
    /** The grid, as CSS grid-template-areas rows of box names; a name repeated across cells spans them. */
    areas: string[][];
    boxes: Box[];
    axes?: CanvasAxes;
    /** The workspace's vision, on a line above the boxes (the strategy canvas shows it). */
    vision?: string;
}

export function boxLocation(view: ProductCanvasView | StrategyCanvasView | SwotCanvasView, ...fields: CanvasKeyword[]): ElementLocation {
    for (const field of fields) {
        const location = view.fields[field];
        if (location) return location;
    }
    return view.location;
}

/** The heading a canvas shows: its title, or its ID while it has none. */
export function canvasTitle(canvas: { id: string; title: string }): string {
    return canvas.title.trim() || canvas.id;
}

/** How much of a text an SVG box shows before it is cut (the whole in its <title>): a 2,000-character entry would fill the page. */
export const textLimit = 280;

export function itemEntry(item: ItemView, badges: Badge[] = []): ItemEntry {
    return { type: 'item', item, badges: item.unresolved ? [unresolvedBadge, ...badges] : badges };
}

export function textEntries(canvasId: string, field: TextField, texts: TextView[]): TextEntry[] {
    return texts.map((text, index) => ({ type: 'text', key: textKey(canvasId, field, index), text: text.text, location: text.location }));
}

export function ticketEntry(ticket: TicketNode | ItemView): ItemEntry {
    if (!('ticketKind' in ticket) && (ticket as ItemView).unresolved) return itemEntry(ticket as ItemView);
    const node = ticket as TicketNode;
    const badges = [...statusBadge(node.status), ...ticketKindBadge(node.ticketKind)];
    return itemEntry({ kind: 'ticket', id: node.id, title: node.title, location: node.location }, badges);
}

export function metricOrMissing(metric: MetricNode | ItemView): MetricEntry | ItemEntry {
    return 'unresolved' in metric && metric.unresolved ? itemEntry(metric as ItemView) : { type: 'metric', metric: metric as MetricNode };
}

/** An objective with its metrics; marked when nothing measures it. */
export function outcomeEntry(outcome: OutcomeView): GroupEntry {
    const badges: Badge[] = !outcome.unresolved && !outcome.measured ? [unmeasuredBadge] : [];
    const children: Entry[] = outcome.metrics.map(metric => ({ type: 'metric', metric }));
    if (children.length === 0 && outcome.measured) children.push({ type: 'hint', text: 'measured through its sub-objectives' });
    return { type: 'group', head: itemEntry(outcome, badges), children };
}

/** The element key of an entry that stands for something clickable, else undefined. */
export function entryKey(entry: ItemEntry | MetricEntry | TextEntry): string {
    if (entry.type === 'text') return entry.key;
    const item = entry.type === 'item' ? entry.item : entry.metric;
    return elementKey(item.kind, item.id);
}
