// Every string taken from a .strategy file reaches markup through this file. The same escaping serves HTML text,
// HTML attribute values (always written in double quotes) and SVG/XML, so one function covers every renderer.
// Plain-text output (the command line's diagnostics, trace and messages) has its own, `terminalText`.

/** Characters XML 1.0 forbids (C0 controls but tab and line breaks, U+FFFE/U+FFFF) and lone surrogates. */
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Bidirectional embeddings, overrides and isolates. Rendered as is they would reorder the text around them (a
 * title could read `gnp.exe` as `exe.png`); they show as their code point instead, as an editor highlights them.
 */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** The text as it should read anywhere: invalid characters replaced, bidi controls made visible. */
export function visibleText(text: string): string {
    return text
        .replace(notXml, '\uFFFD')
        .replace(bidiControls, char => `[U+${char.charCodeAt(0).toString(16).toUpperCase()}]`);
}

/** Text or a double-quoted attribute value for HTML, SVG or any XML: nothing in it can open markup or end the value. */
export function escapeHtml(text: string): string {
    return visibleText(text).replace(/[&<>"']/g, char => entities[char]);
}

/**
 * What a terminal or a CI log would act on instead of showing: C0 and C1 controls but the tab (a line break forges
 * a line, ESC starts cursor moves, screen clears and OSC 8 links), DEL, the Unicode line and paragraph
 * separators, and the bidi controls.
 */
const terminalControls = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

const shortEscapes: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

/**
 * One line of plain-text output, as compilers print source text: controls and bidi characters written as `\n`,
 * `\x1b`, `\u202e`, so nothing from a file or its name can start a line, move the cursor or reorder the line.
 * GitHub Actions reads a line that starts with `::` (after blanks) as a workflow command, and `##[` anywhere in
 * a line as a legacy one: a leading `:` is written `\x3a` and `##[` becomes `#\x23[`.
 */
export function terminalText(line: string): string {
    return line
        .replace(terminalControls, char => shortEscapes[char] ?? escapeCode(char.charCodeAt(0)))
        .replace(/##\[/g, '#\\x23[')
        .replace(/^(\s*):(?=:)/, '$1\\x3a');
}

function escapeCode(code: number): string {
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
