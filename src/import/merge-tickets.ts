import { GrammarUtils, type CstNode } from 'langium';
import { isTicket, type Model, type Ticket } from '../language/generated/ast.js';
import type { ImportedTicket } from './tracker-tickets.js';

/** One field of an existing ticket that the import changes: `before` undefined when the ticket had none. */
export interface FieldChange { field: string; before?: string; after: string }

export interface MergeResult {
    /** The file's text with the existing tickets updated (not yet formatted). */
    edited: string;
    /** The new tickets' blocks, already in the formatter's layout, separated by blank lines. */
    added: string;
    addedIds: Array<{ id: string; title: string }>;
    updated: Array<{ id: string; fields: FieldChange[] }>;
    unchanged: number;
}

interface Edit { start: number; end: number; text: string }

/**
 * Merges tracker tickets into a parsed `.strategy` file. A ticket whose ID the file defines (the first definition)
 * gets the tracker's title, status, kind and link, each replacing the value token alone or added as a field, so
 * every other character stays: `serves`, `implements`, `milestone`, `priority`, comments. Nothing is removed. An
 * open GitHub issue leaves a `todo` or `doing` ticket as it is (both are open work). Other tickets are added.
 */
export function mergeTickets(text: string, model: Model, tickets: readonly ImportedTicket[]): MergeResult {
    const existing = new Map<string, Ticket>();
    for (const element of model.elements) {
        if (isTicket(element) && element.name && !existing.has(element.name)) existing.set(element.name, element);
    }
    const edits: Edit[] = [];
    const blocks: string[] = [];
    const result: MergeResult = { edited: text, added: '', addedIds: [], updated: [], unchanged: 0 };
    for (const ticket of tickets) {
        const node = existing.get(ticket.id);
        if (!node?.$cstNode) {
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
    edits.sort((a, b) => b.start - a.start);
    let edited = text;
    for (const edit of edits) edited = edited.slice(0, edit.start) + edit.text + edited.slice(edit.end);
    result.edited = edited;
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
            ticketEdits.push({ start: leaf.offset, end: leaf.end, text: quoted(ticket.title) });
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
        if (leaf) ticketEdits.push({ start: leaf.offset, end: leaf.end, text: written });
        else added.push(`${field} ${written}`);
    }
    if (added.length > 0) ticketEdits.push(fieldsInsertion(text, cst, added));
    return { changes, ticketEdits };
}

/** New fields before the block's `}` (on lines of their own), or a new block after the title; the formatter indents. */
function fieldsInsertion(text: string, cst: CstNode, fields: string[]): Edit {
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    if (close) {
        const lineStart = text.lastIndexOf('\n', close.offset - 1) + 1;
        const ownLine = /^[ \t]*$/.test(text.slice(lineStart, close.offset));
        return { start: close.offset, end: close.offset, text: `${ownLine ? '' : '\n'}${fields.join('\n')}\n` };
    }
    const title = GrammarUtils.findNodeForProperty(cst, 'title')!;
    return { start: title.end, end: title.end, text: ` {\n${fields.join('\n')}\n}` };
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
