import { Transform, type TransformCallback } from 'node:stream';

const headerEnd = Buffer.from('\r\n\r\n', 'latin1');
const lengthNames = [Buffer.from('Content-Length:', 'latin1'), Buffer.from('content-length:', 'latin1')];
/** A complete header block that starts with Content-Length, as every client writes it. */
const headerBlock = /^content-length:[ \t]*\d+[ \t]*\r\n(?:[^\r\n]*\r\n)*?\r\n/i;
/** No client writes a header this long: past it, bytes without a header end are junk. */
const maxHeaderBytes = 8192;

/**
 * Standard input of the language server, passed on frame by frame (`Content-Length: N`, a blank line, N bytes),
 * and only whole, well-formed frames. vscode-jsonrpc stops understanding the client for good after one bad frame:
 * a missing or non-numeric Content-Length leaves its body to be read as the next header, and a Content-Length
 * longer than the body swallows the next message's header. Here a bad frame is skipped up to the next
 * `Content-Length` header, and `onSkipped` says why, so the messages after it are answered.
 *
 * A body is known to be short when a whole header block starts inside it: a header line ends in a raw CR LF,
 * which JSON can only hold as whitespace between tokens, where `Content-Length` cannot stand.
 */
export class FrameResync extends Transform {
    private buffer: Buffer = Buffer.alloc(0);
    /** Where to go on looking for a header inside the current frame's body (it arrives in pieces). */
    private scannedTo = 0;

    constructor(private readonly onSkipped: (reason: string) => void) {
        super();
    }

    override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
        this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
        this.drain();
        done();
    }

    override _flush(done: TransformCallback): void {
        if (this.buffer.length > 0) this.onSkipped(`the input ended inside a message (${this.buffer.length} bytes)`);
        done();
    }

    private drain(): void {
        for (;;) {
            const end = this.buffer.indexOf(headerEnd);
            if (end < 0) {
                if (this.buffer.length > maxHeaderBytes) this.skipToNextHeader(1, `${this.buffer.length} bytes without a header`);
                return;
            }
            const length = contentLength(this.buffer.subarray(0, end).toString('latin1'));
            if (typeof length === 'string') {
                this.skipToNextHeader(end + headerEnd.length, length);
                continue;
            }
            const bodyStart = end + headerEnd.length;
            const frameEnd = bodyStart + length;
            const next = this.headerInside(bodyStart, frameEnd);
            if (next === 'wait') return;
            if (next !== undefined) {
                this.skip(next, `a message shorter than its Content-Length (${length})`);
                continue;
            }
            if (this.buffer.length < frameEnd) return;
            // Every LSP message is one JSON object (JSON-RPC batches are not part of LSP); the decoder would only
            // drop anything else without a word, and a request in a batch would never be answered.
            if (!looksLikeObject(this.buffer.subarray(bodyStart, frameEnd))) {
                this.skip(frameEnd, 'a message that is not a JSON object');
                continue;
            }
            this.push(this.buffer.subarray(0, frameEnd));
            this.buffer = this.buffer.subarray(frameEnd);
            this.scannedTo = 0;
        }
    }

    /** Where a whole header block starts before `frameEnd`, 'wait' while one may be arriving, else undefined. */
    private headerInside(bodyStart: number, frameEnd: number): number | 'wait' | undefined {
        let from = Math.max(bodyStart, this.scannedTo);
        for (;;) {
            const at = firstOf(this.buffer, from);
            if (at < 0 || at >= frameEnd) break;
            const rest = this.buffer.subarray(at, at + maxHeaderBytes).toString('latin1');
            if (headerBlock.test(rest)) return at;
            // An unfinished header block (no blank line yet) may still become one.
            if (!rest.includes('\r\n\r\n') && at + maxHeaderBytes > this.buffer.length && /^content-length:[ \t]*\d*(?:[ \t]*\r\n(?:[^\r\n]*\r\n?)*)?$/i.test(rest)) return 'wait';
            from = at + 1;
        }
        // Keep the tail: a header name may be cut in two between pieces of input.
        this.scannedTo = Math.max(bodyStart, Math.min(frameEnd, this.buffer.length) - lengthNames[0].length);
        return undefined;
    }

    /** Drops at least `known` bytes of junk, up to the next header, or all but a tail that may start one. */
    private skipToNextHeader(known: number, reason: string): void {
        const at = firstOf(this.buffer, 1);
        this.skip(at >= 0 ? at : Math.max(known, this.buffer.length - lengthNames[0].length), reason);
    }

    private skip(to: number, reason: string): void {
        this.onSkipped(`skipped ${to} bytes: ${reason}`);
        this.buffer = this.buffer.subarray(to);
        this.scannedTo = 0;
    }
}

/** The Content-Length of a header block, or why there is none to trust. */
function contentLength(header: string): number | string {
    const line = header.split('\r\n').find(each => /^content-length\s*:/i.test(each));
    if (line === undefined) return 'a header without Content-Length';
    const value = line.slice(line.indexOf(':') + 1).trim();
    return /^\d+$/.test(value) && Number.isSafeInteger(Number(value)) ? Number(value) : `Content-Length '${value.slice(0, 40)}' is not a number of bytes`;
}

function firstOf(buffer: Buffer, from: number): number {
    const found = lengthNames.map(name => buffer.indexOf(name, from)).filter(at => at >= 0);
    return found.length > 0 ? Math.min(...found) : -1;
}

/** Whether the body starts with `{` and ends with `}`, white space aside: a cheap guard, the decoder parses it. */
function looksLikeObject(body: Buffer): boolean {
    const blank = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
    let start = 0;
    let end = body.length - 1;
    while (start <= end && blank(body[start])) start++;
    while (end >= start && blank(body[end])) end--;
    return start < end && body[start] === 0x7b && body[end] === 0x7d;
}
