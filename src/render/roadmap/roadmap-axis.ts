// The roadmap's time axis: x of a date (days from the window's start, linear), and the months, quarters and years
// to label, at the finest level that leaves room for a label.

export interface Span {
    /** `2027-01` for a month, `Q1 2027` for a quarter, `2027` for a year. */
    label: string;
    /** The first day, YYYY-MM-DD. */
    start: string;
    x: number;
    width: number;
}

export interface Axis {
    from: string;
    to: string;
    width: number;
    x(date: string): number;
    /** Months, when each is wide enough for its name; empty otherwise. */
    months: Span[];
    /** Quarters, when each is wide enough for `Q1 2027`; else years (every few years when even those are narrow). */
    periods: Span[];
}

const dayMs = 86_400_000;
const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / dayMs;
const iso = (days: number) => new Date(days * dayMs).toISOString().slice(0, 10);

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Pixels per month wished for: a month's name fits, two years fill a preview beside the editor. */
const monthWidth = 36;
export const minTimelineWidth = 480;
export const maxTimelineWidth = 1600;
const minLabelWidth = 44;

function addMonths(date: string, months: number): string {
    // setUTCFullYear, not Date.UTC: that one reads years 0-99 as 1900-1999.
    const start = new Date(0);
    start.setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months, 1);
    return iso(start.getTime() / dayMs);
}

export function axisOf(from: string, to: string): Axis {
    const first = day(from);
    const days = day(to) + 1 - first;
    const monthCount = (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    const width = Math.min(maxTimelineWidth, Math.max(minTimelineWidth, monthCount * monthWidth));
    const scale = width / days;
    const x = (date: string) => (day(date) - first) * scale;
    const span = (label: string, start: string, end: string): Span => {
        const left = Math.max(0, x(start));
        return { label, start, x: left, width: Math.min(width, x(end)) - left };
    };
    const spans = (step: number, label: (start: string) => string, align: (date: string) => string, every = 1): Span[] => {
        const result: Span[] = [];
        let index = 0;
        // A start past 9999 is written `+010000-…`, which sorts before any date: only four-digit years go on.
        for (let start = align(from); /^\d{4}-/.test(start) && start <= to; start = addMonths(start, step), index++) {
            if (index % every === 0) result.push(span(label(start), start, addMonths(start, step * every)));
        }
        return result;
    };
    const perMonth = width / monthCount;
    const months = perMonth >= 24 ? spans(1, start => monthNames[Number(start.slice(5, 7)) - 1], date => date.slice(0, 8) + '01') : [];
    const quarterAlign = (date: string) => `${date.slice(0, 5)}${String(Math.floor((Number(date.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
    const periods = perMonth * 3 >= minLabelWidth * 1.4
        ? spans(3, start => `Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1} ${start.slice(0, 4)}`, quarterAlign)
        : spans(12, start => start.slice(0, 4), date => `${date.slice(0, 4)}-01-01`, Math.max(1, Math.ceil(minLabelWidth / (perMonth * 12))));
    return { from, to, width, x, months, periods };
}
