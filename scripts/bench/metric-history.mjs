// The history of a generated metric: a dated baseline and dated readings on a trend with noise, for the benchmark
// workspace (generate-workspace.mjs), so that its grades vary as a real workspace's do.

const dayOf = iso => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoOf = day => new Date(day * 86_400_000).toISOString().slice(0, 10);
/** A value as a person writes it: one decimal at most, never negative (counts, percents and amounts are not). */
const written = value => String(Math.max(0, Math.round(value * 10) / 10));

/** How a metric's history goes, with its share of the metrics: grades of every kind, a few KPIs, a few never measured. */
const stories = [['reached', 0.12], ['on-track', 0.3], ['at-risk', 0.2], ['off-track', 0.18], ['overdue', 0.06], ['stale', 0.02],
    ['no-reading', 0.04], ['healthy', 0.05], ['out-of-range', 0.03]];

/**
 * Returns a function that writes one metric's dated lines: a dated baseline, its target (now and then relative,
 * `+20%`), and `readings` readings a week (or two, or a month) apart up to about `today`, on a line from the
 * baseline at the metric's pace, with noise; or, for a KPI, a range and readings inside (or at last outside) it.
 */
export function metricHistory({ int, pick, chance, random }, today, readings) {
    const now = dayOf(today);
    const story = () => {
        let left = random();
        for (const [name, share] of stories) if ((left -= share) < 0) return name;
        return stories[0][0];
    };
    const noise = () => (random() + random() + random() - 1.5) / 1.5;
    return ({ baseline, target, by }) => {
        const kind = story();
        const cadence = readings >= 20 ? 7 : pick([7, 14, 30]);
        const end = kind === 'stale' ? now - int(100, 200) : now - int(0, 6);
        const due = kind === 'overdue' ? now - int(15, 90) : dayOf(by);
        // An overdue metric was set up at least two months before its date.
        const start = Math.min(end - readings * cadence, due - 60);
        const days = Array.from({ length: readings }, (_, k) => start + (k + 1) * cadence);
        // Most people append the newest reading; some keep the newest on top.
        const ordered = lines => (chance(0.1) ? lines.reverse() : lines);
        if (kind === 'healthy' || kind === 'out-of-range') {
            const low = Math.round(baseline * 0.85);
            const high = Math.max(low + 2, Math.round(baseline * 1.15));
            const values = days.map(() => baseline + noise() * 0.05 * baseline);
            if (kind === 'out-of-range') values[values.length - 1] = high + Math.max(1, baseline * 0.1);
            return { lines: [`range ${low} to ${high}`, ...ordered(days.map((day, k) => `reading ${written(values[k])} on ${isoOf(day)}`))], readings };
        }
        let goal = target;
        let targetText = String(target);
        if (baseline > 0 && chance(0.15)) {
            const percent = Math.round(((target - baseline) / baseline) * 100);
            if (percent !== 0) {
                goal = baseline + (baseline * percent) / 100;
                targetText = `${percent > 0 ? '+' : ''}${percent}%`;
            }
        }
        const head = [`baseline ${baseline} on ${isoOf(start)}`, `target ${targetText} by ${isoOf(due)}`];
        if (kind === 'no-reading') return { lines: head, readings: 0 };
        // The share of the way the line through the readings reaches on the due date (for overdue: by today).
        const span = (kind === 'overdue' ? now : due) - start;
        const pace = {
            reached: (1.05 + 0.15 * random()) * span / Math.max(1, end - start),
            'on-track': 1.1 + 0.3 * random(),
            stale: 1.05 + 0.3 * random(),
            'at-risk': 0.75 + 0.17 * random(),
            'off-track': 0.2 + 0.35 * random(),
            overdue: 0.3 + 0.5 * random()
        }[kind];
        const change = goal - baseline;
        const valueOn = day => baseline + change * pace * (day - start) / span + noise() * 0.03 * Math.abs(change);
        return { lines: [...head, ...ordered(days.map(day => `reading ${written(valueOn(day))} on ${isoOf(day)}`))], readings };
    };
}
