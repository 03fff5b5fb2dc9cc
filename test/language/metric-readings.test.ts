import assert from 'node:assert/strict';
import { codesOf, messagesOf, workspace } from '../helpers.js';

/** The hover's Markdown on objective G, which lists its metrics' figures and progress. */
async function objectiveHover(metric: string): Promise<string> {
    const ws = await workspace({ 'main.strategy': measuredBy(metric) });
    const document = ws.documents.get('main.strategy')!;
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: { line: 0, character: 10 }
    });
    return (hover?.contents as { value: string }).value;
}

const measuredBy = (metric: string) => `objective G "g" { metric M }\n${metric}\nticket T-1 "t" { serves G }`;

// Metrics over time (LANGUAGE-V2 §1): dated readings, a dated current, relative targets and KPI ranges.

describe('metric readings, relative targets and ranges', () => {
    it('parses repeated readings, a dated current and a range without a finding', async () => {
        assert.deepEqual(await codesOf(measuredBy(`metric M "m" {
  unit "%"
  baseline 20 on 2026-09-01
  target 30 by 2027-06-30
  reading 21 on 2026-10-01
  reading 22.5 on 2026-11-01
  current 22.5 on 2026-11-02
  range 0 to 100
}`)), []);
    });

    it('range is single-valued, reading is not', async () => {
        const text = measuredBy('metric M "m" {\n  baseline 1\n  target 2 by 2027-01-01\n  range 1 to 5\n  range 2 to 6\n}');
        assert.deepEqual(await codesOf(text), ['6:3 duplicate-field']);
    });

    it('the current value is the latest reading by date, unless current is given', async () => {
        const readings = 'unit "%" baseline 20 target 30 by 2027-06-30 reading 22 on 2026-11-01 reading 21 on 2026-10-01';
        assert.match(await objectiveHover(`metric M "m" { ${readings} }`), /M: 20% → 22% → 30% by 2027-06-30 \(20% of the way, at risk: at this pace 29\.8% by 2027-06-30, 98% of the way\)/);
        assert.match(await objectiveHover(`metric M "m" { ${readings} current 27 on 2026-10-15 }`), /M: 20% → 27% → 30% by 2027-06-30 \(70% of the way, /);
    });

    it('a relative target resolves against the baseline', async () => {
        assert.match(await objectiveHover('metric M "m" { baseline 5000 on 2026-10-01 target +20% by 2027-03-31 current 5600 }'),
            /M: 5000 → 5600 → 6000 by 2027-03-31 \(60% of the way, /);
        assert.match(await objectiveHover('metric M "m" { baseline 5000 target -15% by 2027-03-31 reading 4500 on 2026-11-01 }'),
            /M: 5000 → 4500 → 4250 by 2027-03-31 \(67% of the way, at risk\)/);
    });

    it('duplicate-reading on the date of the second reading of a day; readings out of date order are fine', async () => {
        const text = measuredBy('metric M "m" {\n  baseline 1 target 9 by 2027-06-30\n  reading 3 on 2026-11-01\n  reading 2 on 2026-10-01\n  reading 4 on 2026-11-01\n}');
        assert.deepEqual(await codesOf(text), ['6:16 duplicate-reading']);
        assert.match((await messagesOf(text, 'duplicate-reading'))[0], /M already has a reading on 2026-11-01 \(line 4\)/);
    });

    it('reading-in-future on a reading or a dated current after today (the engine\'s today)', async () => {
        const text = measuredBy('metric M "m" {\n  baseline 1 target 9 by 2027-06-30\n  reading 3 on 2026-11-24\n  current 4 on 2026-12-01\n}');
        assert.deepEqual(await codesOf(text), ['4:16 reading-in-future', '5:16 reading-in-future']);
        assert.deepEqual(await codesOf(text, '2026-12-01'), []);
        assert.match((await messagesOf(text, 'reading-in-future'))[0], /2026-11-24 is after today \(2026-11-23\)/);
    });

    it('a KPI (range, no target) needs no target and no objective; metric-out-of-range when its current value leaves the band', async () => {
        assert.deepEqual(await codesOf('metric NPS "n" {\n  range 30 to 60\n  reading 41 on 2026-11-01\n}'), []);
        const out = 'metric NPS "n" {\n  range 30 to 60\n  reading 41 on 2026-10-01\n  reading 25 on 2026-11-01\n}';
        assert.deepEqual(await codesOf(out), ['4:11 metric-out-of-range']);
        assert.match((await messagesOf(out, 'metric-out-of-range'))[0], /NPS stands at 25, outside its range 30 to 60/);
        assert.deepEqual(await codesOf('metric NPS "n" {\n  range 30 to 60\n  current 61\n}'), ['3:11 metric-out-of-range']);
        assert.deepEqual(await codesOf('metric NPS "n" {\n  range 30 to 60\n  current 60\n}'), []);
    });

    it('invalid-value on a reading without a date, a range low ≥ high, a relative target without baseline or not a percent', async () => {
        const base = 'baseline 1 target 9 by 2027-06-30';
        assert.deepEqual(await codesOf(measuredBy(`metric M "m" { ${base}\n  reading 3 }`)), ['3:11 invalid-value']);
        assert.match((await messagesOf(measuredBy(`metric M "m" { ${base}\n  reading 3 }`), 'invalid-value'))[0], /reading needs its date/);
        assert.deepEqual(await codesOf('metric K "k" {\n  range 60 to 30\n}'), ['2:9 invalid-value']);
        assert.deepEqual(await codesOf('metric K "k" {\n  range 30 to 30\n}'), ['2:9 invalid-value']);
        assert.deepEqual(await codesOf('metric K "k" {\n  range low to 30\n}'), ['2:9 invalid-value']);
        assert.deepEqual(await codesOf(measuredBy('metric M "m" {\n  target +20% by 2027-03-31\n}')), ['2:8 metric-incomplete', '3:10 invalid-value']);
        assert.match((await messagesOf(measuredBy('metric M "m" {\n  target +20% by 2027-03-31\n}'), 'invalid-value'))[0], /relative to the baseline.*add 'baseline/);
        assert.deepEqual(await codesOf(measuredBy('metric M "m" {\n  baseline 5\n  target +abc% by 2027-03-31\n}')), ['4:10 invalid-value']);
        assert.deepEqual(await codesOf(measuredBy('metric M "m" {\n  baseline 5000 on 2026-10-01\n  target +20% by 2027-03-31\n}')), []);
        assert.deepEqual(await codesOf(measuredBy('metric M "m" {\n  baseline 5000 on 2026-10-01\n  target -15% by 2027-03-31\n}')), []);
    });

    it('a reading on a date that does not exist is an invalid-value and never the current value', async () => {
        const text = 'unit "%" baseline 20 target 30 by 2027-06-30 reading 22 on 2026-11-01 reading 29 on 2026-02-30';
        assert.deepEqual(await codesOf(measuredBy(`metric M "m" { ${text} }`)), ['2:100 invalid-value']);
        assert.match(await objectiveHover(`metric M "m" { ${text} }`), /M: 20% → 22% → 30%/);
    });

    it('checks a metric of 10,000 readings', async () => {
        const readings = Array.from({ length: 10_000 }, (_, i) => {
            const day = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
            return `  reading ${i} on ${day}`;
        }).reverse().join('\n');
        const text = measuredBy(`metric M "m" {\n  baseline 0 target 20000 by 2027-06-30\n${readings}\n  reading 1 on 1990-01-01\n}`);
        // One reading a day from 0 since 1990 reaches about 13,700 of 20,000 by 2027-06-30: off pace; the last was
        // read in 2017: stale.
        assert.deepEqual(await codesOf(text), ['2:8 metric-off-pace', '2:8 metric-stale', `10004:16 duplicate-reading`]);
    });

    it('a date that is no calendar date, on a reading, a baseline or a current, is one located invalid-value and no dated point', async () => {
        const text = measuredBy('metric M "m" {\n  baseline 20 on 2026-02-29\n  target 30 by 2027-06-30\n  reading 22 on 2026-13-01\n  reading 21 on 2026-10-01\n  current 23 on 2026-00-10\n}');
        assert.deepEqual(await codesOf(text), ['3:18 invalid-value', '5:17 invalid-value', '7:17 invalid-value']);
        // Only 2026-10-01 is a date, so there is one dated point and no pace; the current value is the one written.
        assert.match(await objectiveHover(text.split('\n').slice(1, -1).join('\n')), /M: 20 → 23 → 30 by 2027-06-30 \(30% of the way, off track\)$/m);
    });

    it('readings in any order grade as the same readings in date order', async () => {
        const readings = ['reading 21 on 2026-06-01', 'reading 22 on 2026-08-01', 'reading 24 on 2026-11-01', 'reading 23 on 2026-10-01'];
        const metric = (lines: string[]) => `metric M "m" { unit "%" baseline 20 on 2026-05-01 target 30 by 2027-06-30 ${lines.join(' ')} }`;
        const inOrder = await objectiveHover(metric([...readings].sort((a, b) => a.slice(-10).localeCompare(b.slice(-10)))));
        assert.match(inOrder, /M: 20% → 24% → 30% by 2027-06-30 \(40% of the way, .*at this pace/);
        assert.equal(await objectiveHover(metric(readings)), inOrder);
        assert.equal(await objectiveHover(metric([...readings].reverse())), inOrder);
    });

    it('the hover shows the forecast of a metric of 10,000 readings, and a KPI of 10,000 readings is out of range at its latest', async () => {
        const day = (i: number) => new Date(Date.UTC(1999, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
        const many = (value: (i: number) => number) => Array.from({ length: 10_000 }, (_, i) => `  reading ${value(i)} on ${day(i)}`).reverse().join('\n');
        const hover = await objectiveHover(`metric M "m" {\n  baseline 0 on 1998-12-31\n  target 20000 by 2027-06-30\n${many(i => i)}\n}`);
        assert.match(hover, /M: 0 → 9999 → 20000 by 2027-06-30 \(50% of the way, off track: at this pace 10\d{3} by 2027-06-30, 5\d% of the way\)/);
        const kpi = `metric NPS "n" {\n  range 30 to 60\n${many(i => (i === 9_999 ? 61 : 30 + (i % 30)))}\n}`;
        // The latest reading (1999-01-01 + 9,999 days) is written first, on line 3.
        assert.deepEqual(await codesOf(kpi), ['3:11 metric-out-of-range']);
    });
});
