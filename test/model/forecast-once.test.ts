import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Metric } from '../../src/language/generated/ast.js';
import { metricTrace } from '../../src/model/trace.js';
import { workspace } from '../helpers.js';

// "The forecast is computed once per metric per build, not per consumer": the model grades each metric once for
// the day, and every check and view reads that grade, so 10,000 readings cost one pass, not one per reader.

const metrics = `metric Repeat "Repeat users" {
  unit "%"
  baseline 20 on 2026-05-01
  target 30 by 2027-06-30
  reading 20.5 on 2026-07-01
  reading 21 on 2026-09-01
  reading 21.2 on 2026-11-01
}
`;
const objectives = 'objective Engagement "Engagement" {\n  metric Repeat\n}\n';
const backlog = 'solution Reminders "Reminders" {\n  advances Engagement\n  status building\n}\nticket APP-1 "Remind" {\n  serves Engagement\n  implements Reminders\n  kind feature\n  status doing\n}\n';

describe('the forecast is computed once per metric per build', () => {
    it('checks, hover, code lens and trace read the one Progress the model graded, and an edit elsewhere keeps it', async () => {
        const ws = await workspace({ 'metrics.strategy': metrics, 'objectives.strategy': objectives, 'backlog.strategy': backlog });
        // The check that reads the forecast ran in the build.
        assert.ok(ws.codes('metrics.strategy').some(code => code.endsWith('metric-off-pace')), ws.codes('metrics.strategy').join('\n'));
        const model = ws.services.strategy.WorkspaceModel.get();
        const metric = ws.documents.get('metrics.strategy')!.parseResult.value.elements[0] as Metric;
        const facts = model.metrics.get(metric)!;
        const { figures, progress } = facts;
        assert.ok(progress?.forecast, 'graded by its forecast');

        const objectivesDocument = ws.documents.get('objectives.strategy')!;
        const textDocument = { uri: objectivesDocument.uri.toString() };
        const hover = await ws.services.lsp.HoverProvider!.getHoverContent(objectivesDocument, { textDocument, position: { line: 0, character: 12 } });
        assert.match((hover?.contents as { value: string }).value, /at this pace/);
        const lenses = await ws.services.lsp.CodeLensProvider!.provideCodeLens(objectivesDocument, { textDocument });
        assert.ok(lenses?.some(lens => /off track/.test(lens.command?.title ?? '')), JSON.stringify(lenses));
        assert.equal(metricTrace(model, metric).forecast?.value, progress.forecast.value);

        const after = ws.services.strategy.WorkspaceModel.get().metrics.get(metric)!;
        assert.equal(after, facts);
        assert.equal(after.figures, figures, 'figures read again');
        assert.equal(after.progress, progress, 'forecast computed again');

        // Another file's edit rebuilds that file alone: this metric's forecast stands.
        await ws.edit('backlog.strategy', backlog.replace('status doing', 'status done'));
        assert.equal(ws.services.strategy.WorkspaceModel.get().metrics.get(metric)?.progress, progress, 'forecast computed again after an edit elsewhere');
    });

    it('no module but the model reads figures or grades a metric itself', () => {
        const src = fileURLToPath(new URL('../../src/', import.meta.url));
        const files = readdirSync(src, { recursive: true }).map(String).filter(file => file.endsWith('.ts') && !file.startsWith('language/generated'));
        const computing = files.filter(file => {
            const text = readFileSync(join(src, file), 'utf8');
            return /import\s*\{[^}]*\b(figuresOf|progressOf|forecastOf)\b[^}]*\}\s*from\s*'[^']*\/progress\.js'/.test(text);
        }).map(file => relative(src, join(src, file)).replaceAll('\\', '/'));
        // The model's LazyMetricFacts (model/metric-facts.ts) is the one reader; checks and views ask it (model.metrics.get(metric)).
        assert.deepEqual(computing, ['model/metric-facts.ts']);
    });
});
