import { parseWorkFilter } from '../../model/filter-query.js';
import { maxCardKey, maxCards, type FromWebviewMessage } from '../../protocol/webview-messages.js';

// What the extension accepts from the preview's webview. The webview shows content from the workspace's files, so
// its messages are treated as untrusted input: only known types, each field checked and copied, and a reveal only
// of a file the last render showed elements from. Anything else is refused with a reason for the log.

export type ParsedMessage = { message: FromWebviewMessage } | { refused: string };

/** Webview line and character numbers, PNG ids. */
function isIndex(value: unknown): value is number {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** A PNG of a 2,000-element map at twice its size stays far below this. */
const maxPngBase64 = 256 * 1024 * 1024;
const maxErrorMessage = 500;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

function isCardKey(value: unknown): value is string {
    return typeof value === 'string' && value.length > 0 && value.length <= maxCardKey;
}

function isCardKeys(value: unknown): value is string[] {
    return Array.isArray(value) && value.length <= maxCards && value.every(isCardKey);
}

function describe(value: unknown): string {
    const text = typeof value === 'string' ? JSON.stringify(value) : typeof value;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/**
 * The message rebuilt from its checked fields, or why it was refused. `uris` are the files of the last render
 * (`RenderResult.uris`); `pending` the ids of the PNG exports still waiting for an answer.
 */
export function parseWebviewMessage(raw: unknown, uris: ReadonlySet<string>, pending: ReadonlySet<number> = new Set()): ParsedMessage {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { refused: `not an object: ${describe(raw)}` };
    const fields = raw as Record<string, unknown>;
    switch (fields.type) {
        case 'ready': {
            const filter = fields.filter === undefined ? undefined : parseWorkFilter(fields.filter);
            if (fields.filter !== undefined && !filter) return { refused: 'ready with a malformed filter' };
            const { expanded } = fields;
            if (expanded !== undefined && !isCardKeys(expanded)) return { refused: 'ready with malformed expanded cards' };
            return { message: { type: 'ready', ...(filter ? { filter } : {}), ...(expanded ? { expanded: [...expanded] } : {}) } };
        }
        case 'filter': {
            const filter = parseWorkFilter(fields.filter);
            return filter ? { message: { type: 'filter', filter } } : { refused: 'a malformed filter' };
        }
        case 'expand': {
            const { cards, open } = fields;
            if (!isCardKeys(cards)) return { refused: 'expand with malformed cards' };
            if (open !== undefined && !isCardKey(open)) return { refused: `expand of a malformed card: ${describe(open)}` };
            return { message: open === undefined ? { type: 'expand', cards: [...cards] } : { type: 'expand', cards: [...cards], open } };
        }
        case 'showProblems':
            return { message: { type: 'showProblems' } };
        case 'leaveComparison':
            return { message: { type: 'leaveComparison' } };
        case 'reveal': {
            const { uri, line, character } = fields;
            if (typeof uri !== 'string' || !uris.has(uri)) return { refused: `reveal of a file the preview does not show: ${describe(uri)}` };
            if (!isIndex(line) || !isIndex(character)) return { refused: `reveal at an invalid position: ${describe(line)}:${describe(character)}` };
            return { message: { type: 'reveal', uri, line, character } };
        }
        case 'png': {
            const { id, data } = fields;
            if (!isIndex(id) || !pending.has(id)) return { refused: `PNG for no export waiting: ${describe(id)}` };
            if (typeof data !== 'string' || data.length === 0 || data.length > maxPngBase64 || !base64.test(data)) {
                return { refused: 'PNG data that is not base64' };
            }
            return { message: { type: 'png', id, data } };
        }
        case 'error': {
            const { id, message } = fields;
            if (!isIndex(id) || !pending.has(id)) return { refused: `error for no export waiting: ${describe(id)}` };
            const text = typeof message === 'string' ? message.slice(0, maxErrorMessage) : 'unknown error';
            return { message: { type: 'error', id, message: text } };
        }
        default:
            return { refused: `unknown message type: ${describe(fields.type)}` };
    }
}

/** Whether the bytes are a PNG file (its 8-byte signature). */
export function isPng(bytes: Uint8Array): boolean {
    const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    return bytes.length > signature.length && signature.every((byte, index) => bytes[index] === byte);
}
