import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkReport } from '../../src/cli/diagnostic-format.js';
import { loadWorkspace } from '../../src/cli/load-workspace.js';
// @ts-expect-error: a plain ES module script without types
import { generateWorkspace } from '../../scripts/bench/generate-workspace.mjs';

const today = '2026-11-23';

async function generated(options: Record<string, unknown>, check: (loaded: Awaited<ReturnType<typeof loadWorkspace>>, dir: string) => void | Promise<void>) {
    const dir = mkdtempSync(join(tmpdir(), 'strategy-bench-'));
    try {
        generateWorkspace(dir, options);
        await check(await loadWorkspace([dir], today), dir);
    } finally {
        rmSync(dir, { recursive: true, force: true });
    }
}

const errorsOf = (report: ReturnType<typeof checkReport>) => report.diagnostics.filter(d => d.severity === 'error').map(d => d.message).join('\n');

// The benchmark is only meaningful on a valid, cross-referenced workspace; keep the generator honest.
describe('benchmark workspace generator', () => {
    it('writes a valid workspace whose references cross files', async () => {
        await generated({ files: 40, elements: 400, seed: 5 }, ({ documents, problems, services }, dir) => {
            assert.deepEqual(problems, []);
            assert.equal(documents.length, 40);
            const report = checkReport(documents, dir);
            assert.equal(report.summary.errors, 0, errorsOf(report));
            const model = services.strategy.WorkspaceModel.get();
            const crossFile = model.tickets.filter(t => t.serves[0]?.ref && t.serves[0].ref.$container !== t.$container).length;
            assert.ok(crossFile > model.tickets.length / 2, `${crossFile} of ${model.tickets.length} tickets serve an objective in another file`);
        });
    });

    it('gives metrics dated readings whose grades vary as a real workspace\'s do, and stays valid', async () => {
        await generated({ files: 40, elements: 2000, seed: 3, readings: 12, today }, ({ documents, services }, dir) => {
            const report = checkReport(documents, dir);
            assert.equal(report.summary.errors, 0, errorsOf(report));
            const model = services.strategy.WorkspaceModel.get();
            const seen = new Map<string, number>();
            const count = (what: string) => seen.set(what, (seen.get(what) ?? 0) + 1);
            for (const facts of model.metrics.values()) {
                const grade = facts.progress?.grade;
                if (facts.metric.range.length > 0) count('kpi');
                else if (grade === undefined || grade === 'no-reading') count('no reading');
                else if (grade === 'reached') count('reached');
                else count(facts.progress!.forecast || grade === 'overdue' ? grade : 'ungraded by forecast');
                assert.ok(facts.figures.points === undefined || facts.figures.points.every(point => point.date <= today), `${facts.metric.name} has a reading after today`);
            }
            for (const grade of ['reached', 'on-track', 'at-risk', 'off-track', 'overdue', 'no reading', 'kpi']) {
                assert.ok((seen.get(grade) ?? 0) > 0, `no metric is ${grade}: ${JSON.stringify([...seen])}`);
            }
            // Every graded metric with readings is graded by its forecast, as a metric with a history is.
            assert.equal(seen.get('ungraded by forecast'), undefined, JSON.stringify([...seen]));
            const codes = new Set(report.diagnostics.map(d => d.code));
            for (const code of ['metric-off-pace', 'metric-out-of-range', 'metric-overdue', 'metric-stale']) assert.ok(codes.has(code), `no ${code}`);
        });
    });

    it('writes a product team\'s workspace with --team', async () => {
        await generated({ team: true, readings: 8, today }, ({ documents, services }, dir) => {
            const report = checkReport(documents, dir);
            assert.equal(report.summary.errors, 0, errorsOf(report));
            assert.equal(documents.length, 30);
            const model = services.strategy.WorkspaceModel.get();
            assert.deepEqual([model.objectives.size, model.metrics.size, model.solutions.size, model.tickets.length], [20, 40, 60, 300]);
        });
    });

    it('writes the same workspace for the same options, and none of the new syntax without readings', async () => {
        const texts = (dir: string) => readdirSync(dir, { recursive: true }).map(String).filter(f => f.endsWith('.strategy')).sort().map(f => readFileSync(join(dir, f), 'utf8'));
        let first: string[] = [];
        await generated({ files: 10, elements: 300, seed: 9, readings: 5 }, (_, dir) => { first = texts(dir); });
        await generated({ files: 10, elements: 300, seed: 9, readings: 5 }, (_, dir) => assert.deepEqual(texts(dir), first));
        await generated({ files: 10, elements: 300, seed: 9 }, (_, dir) => assert.doesNotMatch(texts(dir).join('\n'), /\b(reading|range)\b/));
    });
});
