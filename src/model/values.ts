// Field values reach the AST unquoted (Langium converts a quoted value), so `baseline "20"` reads as 20.

/** The keyword values the spec allows, per field; `invalid-value` and completion read this one table. */
export const allowedValues = {
    focus: ['acquisition', 'retention', 'expansion', 'efficiency'],
    horizon: ['short', 'mid', 'long'],
    solutionStatus: ['idea', 'testing', 'building', 'shipped', 'validated', 'rejected'],
    ticketKind: ['feature', 'refactor', 'platform', 'bug', 'experiment', 'research'],
    ticketStatus: ['todo', 'doing', 'done', 'dropped'],
    canvasKind: ['product', 'strategy', 'roadmap', 'swot'],
    // A question is open until it is answered (`answered` needs its `answer`).
    questionStatus: ['open', 'answered'],
    // Most urgent first: the order work is listed in.
    priority: ['critical', 'high', 'medium', 'low']
} as const;

/** The number a value states, or undefined when it is not a plain decimal number. */
export function numberOf(raw: string | undefined): number | undefined {
    return raw !== undefined && /^-?[0-9]+(\.[0-9]+)?$/.test(raw) ? Number(raw) : undefined;
}

/** The signed percent a relative target states (`+20%` → 20, `-15%` → -15), or undefined when it is not one. */
export function relativeOf(raw: string | undefined): number | undefined {
    const match = raw === undefined ? null : /^([+-])([0-9]+(\.[0-9]+)?)%$/.exec(raw);
    return match ? (match[1] === '-' ? -1 : 1) * Number(match[2]) : undefined;
}

/**
 * True for a real calendar date written as YYYY-MM-DD (so 2025-02-30 is not), in the years 0100 to 9999. Every
 * check and the forecast ask this of every reading's date, so it counts days rather than build a Date.
 */
export function isCalendarDate(raw: string | undefined): raw is string {
    if (raw === undefined || raw.length !== 10 || !calendarShape.test(raw)) return false;
    const year = Number(raw.slice(0, 4));
    const month = Number(raw.slice(5, 7));
    const day = Number(raw.slice(8, 10));
    // Date.UTC, which this agrees with, reads a year below 100 as 19xx: such a date never named itself.
    if (year < 100 || month < 1 || month > 12 || day < 1) return false;
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return day <= (month === 2 ? (leap ? 29 : 28) : daysInMonth[month - 1]);
}

const calendarShape = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * The YYYY-MM-DD a date written another way stands for: year first (2027/06/30, 2027.6.3), or year last, read
 * day first (30/06/2027) and month first (06/30/2027). Undefined unless exactly one calendar date is meant: both
 * readings of 01/02/2027 are dates, 31/02/2027 is none, and a two-digit year could be any century.
 */
export function dateWrittenOtherwise(raw: string): string | undefined {
    const match = /^([0-9]{1,4})([./-])([0-9]{1,2})\2([0-9]{1,4})$/.exec(raw);
    if (!match) return undefined;
    const [first, , middle, last] = match.slice(1);
    const iso = (year: string, month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const readings = first.length === 4 ? [iso(first, middle, last)]
        : last.length === 4 ? [iso(last, middle, first), iso(last, first, middle)] : [];
    const dates = [...new Set(readings.filter(isCalendarDate))];
    return dates.length === 1 ? dates[0] : undefined;
}

/** Today's date as YYYY-MM-DD in the machine's time zone. */
export function localToday(now = new Date()): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * Collapses the line breaks and indentation of a multi-line string into single spaces, for one-line display. The
 * AST types say names and titles are strings, but an element the parser recovered without one (`objective "…"`
 * while its name is being typed) has none: it shows as empty text.
 */
export function oneLine(text: string | undefined): string {
    return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** `1 ticket`, `3 tickets`: a count with its noun. */
export function plural(count: number, one: string, many = `${one}s`): string {
    return `${count} ${count === 1 ? one : many}`;
}
