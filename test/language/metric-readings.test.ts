import assert from 'node:assert/strict';
import { codesOf, workspace } from '../helpers.js';

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
        assert.match(await objectiveHover(`metric M "m" { ${readings} }`), /M: 20% → 22% → 30% by 2027-06-30 \(20% of the way, off track\)/);
        assert.match(await objectiveHover(`metric M "m" { ${readings} current 27 on 2026-10-15 }`), /M: 20% → 27% → 30% by 2027-06-30 \(70% of the way, on track\)/);
    });

    it('a relative target resolves against the baseline', async () => {
        assert.match(await objectiveHover('metric M "m" { baseline 5000 on 2026-10-01 target +20% by 2027-03-31 current 5600 }'),
            /M: 5000 → 5600 → 6000 by 2027-03-31 \(60% of the way, at risk\)/);
        assert.match(await objectiveHover('metric M "m" { baseline 5000 target -15% by 2027-03-31 reading 4500 on 2026-11-01 }'),
            /M: 5000 → 4500 → 4250 by 2027-03-31 \(67% of the way, at risk\)/);
    });
});
