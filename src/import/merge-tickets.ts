import { GrammarUtils, type CstNode } from 'langium';
import { isTicket, type Model, type Ticket } from '../language/generated/ast.js';
import type { ImportedTicket } from './tracker-tickets.js';

/** One field of an existing ticket that the import changes: `before` undefined when the ticket had none. */
export interface FieldChange { field: string; before?: string; after: string }

export interface MergeResult {
    /**
     * The edits that update the existing tickets, on the file's text as parsed. Each is written as the formatter
     * lays it out once its own edits apply too (fields on their own lines, two spaces in), so the two sets of
     * edits combine without a second parse; `\n` stands for the file's line break.
     */
    edits: TextChange[];
    /** The new tickets' blocks, already in the formatter's layout, separated by blank lines. */
    added: string;
    addedIds: Array<{ id: string; title: string }>;
    updated: Array<{ id: string; fields: FieldChange[] }>;
    unchanged: number;
    /** IDs of new tickets that another kind of element of the file already has: `duplicate-id` once written. */
    clashes: string[];
}

/**
 * A replacement of `text[start, end)`. `order` places it among other changes at the same offset: new fields before
 * a `}` come after the formatter's line break there (1 before 2), a new block after a title before anything (0).
 */
export interface TextChange { start: number; end: number; text: string; order: number }
type Edit = TextChange;

/**
 * Merges tracker tickets into a parsed `.strategy` file, as edits of its text and new blocks to append. A ticket whose ID the file defines (the first definition)
 * gets the tracker's title, status, kind and link, each replacing the value token alone or added as a field, so
 * every other character stays: `serves`, `implements`, `milestone`, `priority`, comments. Nothing is removed. An
 * open GitHub issue leaves a `todo` or `doing` ticket as it is (both are open work). Other tickets are added.
 */
export function mergeTickets(text: string, model: Model, tickets: readonly ImportedTicket[]): MergeResult {
    const existing = new Map<string, Ticket>();
    const others = new Set<string>();
    for (const element of model.elements) {
        if (isTicket(element) && element.name && !existing.has(element.name)) existing.set(element.name, element);
        else if (!isTicket(element) && 'name' in element && typeof element.name === 'string') others.add(element.name);
    }
    const edits: Edit[] = [];
    const blocks: string[] = [];
    const result: MergeResult = { edits, added: '', addedIds: [], updated: [], unchanged: 0, clashes: [] };
    for (const ticket of tickets) {
        const node = existing.get(ticket.id);
        if (!node?.$cstNode) {
            if (others.has(ticket.id)) result.clashes.push(ticket.id);
            blocks.push(ticketBlock(ticket));
            result.addedIds.push({ id: ticket.id, title: ticket.title });
            continue;
        }
        const { changes, ticketEdits } = ticketUpdate(text, node, node.$cstNode, ticket);
        if (changes.length === 0) result.unchanged++;
        else {
            result.updated.push({ id: ticket.id, fields: changes });
            edits.push(...ticketEdits);
        }
    }
    result.added = blocks.join('\n\n');
    return result;
}

function ticketUpdate(text: string, node: Ticket, cst: CstNode, ticket: ImportedTicket): { changes: FieldChange[]; ticketEdits: Edit[] } {
    const changes: FieldChange[] = [];
    const ticketEdits: Edit[] = [];
    if (node.title !== ticket.title) {
        const leaf = GrammarUtils.findNodeForProperty(cst, 'title');
        if (leaf) {
            changes.push({ field: 'title', before: node.title, after: ticket.title });
            ticketEdits.push({ start: leaf.offset, end: leaf.end, text: quoted(ticket.title), order: 1 });
        }
    }
    const added: string[] = [];
    const fields: Array<['status' | 'kind' | 'link', string | undefined]> = [['kind', ticket.kind], ['status', ticket.status], ['link', ticket.link]];
    for (const [field, value] of fields) {
        if (value === undefined) continue;
        const before = node[field][0];
        if (field === 'status' && value === 'open' && (before === 'todo' || before === 'doing')) continue;
        const after = value === 'open' ? 'todo' : value;
        if (before === after) continue;
        changes.push({ field, before, after });
        const written = field === 'link' ? quoted(after) : after;
        const leaf = before === undefined ? undefined : GrammarUtils.findNodeForProperty(cst, field, 0);
        if (leaf) ticketEdits.push({ start: leaf.offset, end: leaf.end, text: written, order: 1 });
        else added.push(`${field} ${written}`);
    }
    if (added.length > 0) ticketEdits.push(fieldsInsertion(text, cst, added));
    return { changes, ticketEdits };
}

/**
 * New fields before the block's `}`, each on a line of its own (after the line break the formatter puts before
 * `}`; an empty block `{}` gets one first), or a new block right after the title.
 */
function fieldsInsertion(text: string, cst: CstNode, fields: string[]): Edit {
    const lines = fields.map(field => `  ${field}\n`).join('');
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    if (close) {
        const open = GrammarUtils.findNodeForKeyword(cst, '{')!;
        const empty = /^\s*$/.test(text.slice(open.end, close.offset));
        return { start: close.offset, end: close.offset, text: `${empty ? '\n' : ''}${lines}`, order: 2 };
    }
    const title = GrammarUtils.findNodeForProperty(cst, 'title')!;
    return { start: title.end, end: title.end, text: ` {\n${lines}}`, order: 0 };
}

/** A new ticket in the formatter's layout: the fields in the order of the language's own example. */
export function ticketBlock(ticket: ImportedTicket): string {
    const fields = [
        ticket.serves && `serves ${ticket.serves}`,
        ticket.kind && `kind ${ticket.kind}`,
        ticket.status && `status ${ticket.status === 'open' ? 'todo' : ticket.status}`,
        ticket.link && `link ${quoted(ticket.link)}`
    ].filter(Boolean);
    const head = `ticket ${ticket.id} ${quoted(ticket.title)}`;
    return fields.length === 0 ? head : `${head} {\n${fields.map(field => `  ${field}`).join('\n')}\n}`;
}

/**
 * A title as a string of the language: `\` and `"` escaped, a line break (CRLF, CR or LF) written `\n` and a tab
 * `\t`, which the language reads back as the same characters, so a multi-line Jira summary stays one line of the
 * file and compares equal on the next import.
 */
export function quoted(value: string): string {
    return `"${value.replace(/[\\"]/g, char => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n').replace(/\t/g, '\\t')}"`;
}
