// Every string taken from a .strategy file reaches markup through this file. The same escaping serves HTML text,
// HTML attribute values (always written in double quotes) and SVG/XML, so one function covers every renderer.

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
