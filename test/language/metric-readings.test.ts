import assert from 'node:assert/strict';
import { codesOf } from '../helpers.js';

// Metrics over time (LANGUAGE-V2 §1): dated readings, a dated current, relative targets and KPI ranges.
const measuredBy = (metric: string) => `objective G "g" { metric M }\n${metric}\nticket T-1 "t" { serves G }`;

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
});
