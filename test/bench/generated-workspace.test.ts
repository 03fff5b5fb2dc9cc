import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport } from '../../src/cli/diagnostic-format.js';
import { loadWorkspace } from '../../src/cli/load-workspace.js';
// @ts-expect-error: a plain ES module script without types
import { generateWorkspace } from '../../scripts/bench/generate-workspace.mjs';

// The benchmark is only meaningful on a valid, cross-referenced workspace; keep the generator honest.
describe('benchmark workspace generator', () => {
    it('writes a valid workspace whose references cross files', async () => {
        const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-'));
        try {
            generateWorkspace(dir, { files: 40, elements: 400, seed: 5 });
            const { documents, problems, services } = await loadWorkspace([dir], '2026-11-23');
            assert.deepEqual(problems, []);
            assert.equal(documents.length, 40);
            const report = checkReport(documents, dir);
            assert.equal(report.summary.errors, 0, report.diagnostics.filter(d => d.severity === 'error').map(d => d.message).join('\n'));
            const model = services.strategy.WorkspaceModel.get();
            const crossFile = model.tickets.filter(t => t.serves[0]?.ref && t.serves[0].ref.$container !== t.$container).length;
            assert.ok(crossFile > model.tickets.length / 2, `${crossFile} of ${model.tickets.length} tickets serve an objective in another file`);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
