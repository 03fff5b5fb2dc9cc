import { oneLine } from '../../model/values.js';
import { visibleText } from '../escape.js';

// Text from a .strategy file inside a Mermaid diagram. Mermaid reads `#name;` and `#35;` as entities (decoded after
// parsing, then shown by the browser as text), so every character that could end a label or a statement, start a
// comment or directive, make markup or Markdown, or read as an entity is written as one: whatever the title, the
// diagram parses the same and shows it as text.

const entities: Record<string, string> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;' };

/** Letters, digits, spaces and harmless punctuation stay as written, so the diagram's source stays readable. */
const plain = /[\p{L}\p{N} .,!?'()_/+=@$^-]/u;

/** Gantt lines that begin with one of these words are directives, not a task's text (Mermaid's gantt lexer). */
const ganttWords = /^(gantt|dateformat|inclusiveenddates|topaxis|axisformat|tickinterval|includes|excludes|todaymarker|weekday|weekend|title|acctitle|accdescr|accdescription|section|click|href|call)\b/i;

/**
 * Characters of one text shown at most, the rest cut with `…`: Mermaid refuses a whole diagram over 50,000
 * characters (its `maxTextSize`), so one 20,000-character title must not take the diagram down with it.
 */
export const mermaidTextLimit = 200;

/** One line of text as Mermaid shows it: plain characters as written, any other as its entity; cut past the limit. */
export function mermaidText(text: string): string {
    // A browser reads `&#133;` (what `#133;` becomes) as Windows-1252's `…`: a C1 control, like any other, shows as �.
    const chars = [...oneLine(visibleText(text)).replace(/[\u007F-\u009F]/g, '\uFFFD')];
    const shown = chars.length > mermaidTextLimit ? [...chars.slice(0, mermaidTextLimit - 1), '…'] : chars;
    let result = '';
    for (const char of shown) {
        result += plain.test(char) ? char : entities[char] ?? `#${char.codePointAt(0)};`;
    }
    return result;
}

/**
 * The text of a gantt line (a task, a section, the title): also never a directive's keyword or a date where the
 * line starts, and never empty (`fallback`, an ID, in place of an empty title).
 */
export function ganttText(text: string, fallback: string): string {
    const written = mermaidText(text) || mermaidText(fallback) || '-';
    return ganttWords.test(written) || /^\d/.test(written) ? `#${written.codePointAt(0)};${written.slice(1)}` : written;
}
