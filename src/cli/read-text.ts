import { isUtf8 } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { withoutBom } from '../language/workspace/strategy-file-system.js';

export class InputError extends Error {}

/** The file as text, or an InputError saying where it stops being UTF-8: a strategy file is never decoded lossily. */
export function readStrategyText(path: string): string {
    let bytes: Buffer;
    try {
        bytes = readFileSync(path);
    } catch (error) {
        throw new InputError(`cannot read ${path}: ${describeIoError(error)}`);
    }
    return decodeStrategyText(bytes, path);
}

/** Bytes as text, or an InputError naming `name` and where the bytes stop being UTF-8. */
export function decodeStrategyText(bytes: Buffer, name: string): string {
    const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8(bytes);
    if (bad >= 0) {
        const before = bytes.subarray(0, bad).toString('utf8');
        const line = before.split('\n').length;
        const column = before.length - before.lastIndexOf('\n');
        throw new InputError(`${name}:${line}:${column}: not UTF-8 text (byte 0x${bytes[bad].toString(16).padStart(2, '0')}); save the file as UTF-8`);
    }
    return withoutBom(bytes.toString('utf8'));
}

export function describeIoError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file or folder';
        case 'EACCES': case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a folder';
        case 'ELOOP': return 'too many levels of symbolic links';
        default: return (error as Error)?.message ?? String(error);
    }
}

/** Offset of the first byte that breaks UTF-8 (overlongs and surrogates included), or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
    let i = 0;
    while (i < bytes.length) {
        const b = bytes[i];
        if (b < 0x80) { i++; continue; }
        let need: number, min: number;
        if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
        else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
        else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
        else return i;
        let code = b & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80) return i;
            code = (code << 6) | (c & 0x3f);
        }
        if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
        i += need + 1;
    }
    return -1;
}
