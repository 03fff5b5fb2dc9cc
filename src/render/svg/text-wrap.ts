// Text in SVG does not wrap by itself, and the map's layout needs each card's size before anything is drawn, so
// text is measured here by an estimate of each character's width (a sans-serif font at the given size) and
// broken into lines that fit. An estimate errs on the wide side: a line a little short of the card reads fine.

/** Width of a character in ems, by the shape of common sans-serif fonts. */
function charEm(code: number): number {
    if (code >= 0x2e80 && code <= 0xffef) return 1.0; // CJK, full-width forms: one em each
    if (code >= 0x1f000) return 1.1; // emoji and other astral symbols
    if (code === 0x20) return 0.3;
    if (code >= 0x30 && code <= 0x39) return 0.58; // digits
    if (code >= 0x41 && code <= 0x5a) return code === 0x49 ? 0.32 : code === 0x4d || code === 0x57 ? 0.88 : 0.68; // A-Z
    if (code >= 0x61 && code <= 0x7a) { // a-z
        if (code === 0x69 || code === 0x6a || code === 0x6c) return 0.26; // i j l
        if (code === 0x66 || code === 0x74 || code === 0x72) return 0.38; // f t r
        if (code === 0x6d || code === 0x77) return 0.86; // m w
        return 0.56;
    }
    if (".,:;'|!".includes(String.fromCharCode(code))) return 0.3;
    return 0.62;
}

/** The smallest width `charEm` gives. */
const narrowest = 0.26;

/** Wide fonts (DejaVu Sans, Verdana) run about a tenth wider than the shapes above: err on their side. */
const widthMargin = 1.1;

/** Estimated width in pixels of `text` at `fontSize` pixels (bold is about 7% wider). */
export function textWidth(text: string, fontSize: number, bold = false): number {
    let ems = 0;
    for (const char of text) ems += charEm(char.codePointAt(0)!);
    return ems * fontSize * (bold ? 1.07 : 1) * widthMargin;
}

export interface WrapOptions {
    fontSize: number;
    bold?: boolean;
    /** At most this many lines; the last one ends in `…` when text was cut. */
    maxLines?: number;
}

/** Splits a word too long for a line at the width, character by character; stops after `limit` pieces. */
function breakWord(word: string, width: number, options: WrapOptions, limit: number): string[] {
    const pieces: string[] = [];
    let piece = '';
    let pieceWidth = 0;
    for (const char of word) {
        const charWidth = textWidth(char, options.fontSize, options.bold);
        if (piece && pieceWidth + charWidth > width) {
            pieces.push(piece);
            if (pieces.length >= limit) return pieces;
            piece = '';
            pieceWidth = 0;
        }
        piece += char;
        pieceWidth += charWidth;
    }
    if (piece) pieces.push(piece);
    return pieces;
}

function ellipsis(line: string, width: number, options: WrapOptions): string {
    let cut = line;
    while (cut.length > 0 && textWidth(cut + '…', options.fontSize, options.bold) > width) cut = cut.slice(0, -1);
    return cut.trimEnd() + '…';
}

/**
 * `text` broken into lines no wider than `width` pixels: at spaces where it can, inside a word where it must;
 * line breaks in the text are kept. An empty text is one empty line. Beyond `maxLines` the text is cut, so a
 * huge title costs no more than the lines shown.
 */
export function wrapText(text: string, width: number, options: WrapOptions): string[] {
    const maxLines = options.maxLines ?? Infinity;
    const measure = (part: string) => textWidth(part, options.fontSize, options.bold);
    const space = measure(' ');
    // More characters than the narrowest could fill `maxLines` lines with cannot show; cutting them keeps a huge
    // text cheap and still overflows, so the last line gets its ellipsis.
    const most = maxLines === Infinity ? Infinity : Math.ceil((maxLines * width) / (narrowest * options.fontSize)) + 1;
    const shown = text.length > most ? text.slice(0, most) : text;
    const lines: string[] = [];
    for (const paragraph of shown.split(/\r\n|\r|\n/)) {
        let line = '';
        let lineWidth = 0;
        for (const word of paragraph.split(/[ \t]+/)) {
            if (!word) continue;
            const wordWidth = measure(word);
            if (line && lineWidth + space + wordWidth <= width) {
                line += ` ${word}`;
                lineWidth += space + wordWidth;
                continue;
            }
            if (line) lines.push(line);
            if (wordWidth <= width) {
                line = word;
                lineWidth = wordWidth;
            } else {
                const pieces = breakWord(word, width, options, maxLines + 1);
                lines.push(...pieces.slice(0, -1));
                line = pieces[pieces.length - 1];
                lineWidth = measure(line);
            }
            if (lines.length > maxLines) break;
        }
        lines.push(line);
        if (lines.length > maxLines) break;
    }
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = ellipsis(kept[maxLines - 1], width, options);
    return kept;
}
