/** A fault in a CSV file at a 1-based line and column, the way an editor would show it. */
export class CsvError extends Error {
    constructor(readonly line: number, readonly column: number, readonly reason: string) {
        super(`${line}:${column}: ${reason}`);
    }
}

/** One record: its fields, and the line it starts on (a quoted field may hold line breaks). */
export interface CsvRecord {
    fields: string[];
    line: number;
}

/**
 * Reads CSV as RFC 4180 writes it (and Jira exports it): fields separated by commas, records by CRLF, LF or CR;
 * a field in double quotes may hold commas, line breaks and doubled quotes (`""` is one `"`). A leading byte order
 * mark is skipped. A quote that never closes, or text right after a closing quote, is a CsvError at its place:
 * guessing there would shift every later field into the wrong column. Blank lines are no records.
 */
export function parseCsv(text: string): CsvRecord[] {
    const records: CsvRecord[] = [];
    let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let line = 1;
    let lineStart = i;
    const length = text.length;
    while (i < length) {
        const recordLine = line;
        const fields: string[] = [];
        for (;;) {
            let value: string;
            if (text[i] === '"') {
                const openLine = line, openColumn = i - lineStart + 1;
                let parts = '';
                let from = ++i;
                for (;;) {
                    const quote = text.indexOf('"', i);
                    if (quote < 0) throw new CsvError(openLine, openColumn, 'this quoted field never closes (a missing `"`)');
                    // Line breaks inside the field still count as lines of the file, for the places of later faults.
                    for (let k = text.indexOf('\n', i); k >= 0 && k < quote; k = text.indexOf('\n', k + 1)) { line++; lineStart = k + 1; }
                    if (text[quote + 1] === '"') {
                        parts += text.slice(from, quote + 1);
                        i = from = quote + 2;
                        continue;
                    }
                    value = parts + text.slice(from, quote);
                    i = quote + 1;
                    break;
                }
                const next = text[i];
                if (i < length && next !== ',' && next !== '\n' && next !== '\r') {
                    throw new CsvError(line, i - lineStart + 1, `text after the closing quote of a field; write a quote inside a quoted field as ""`);
                }
            } else {
                const start = i;
                while (i < length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') i++;
                value = text.slice(start, i);
            }
            fields.push(value);
            if (text[i] === ',') { i++; continue; }
            break;
        }
        if (text[i] === '\r') i++;
        if (text[i] === '\n') i++;
        line++;
        lineStart = i;
        if (!(fields.length === 1 && fields[0] === '')) records.push({ fields, line: recordLine });
    }
    return records;
}
