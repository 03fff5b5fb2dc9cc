// Times one file of N milestones all due on one day, each with a live ticket, for N = 1,000 and 2,000: the build
// with every check, the code lenses, one milestone's hover and the quick fix of one milestone-overdue. Linear
// checks take about twice as long for twice the milestones.
//
//   node --import tsx --import ./src/node-compat.ts scripts/milestones-scale.ts
import type { CodeAction } from 'vscode-languageserver';
import { workspace } from '../test/helpers.js';

const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];

for (const count of [1000, 2000]) {
    const parts = ['objective Goal "Goal" { metric M }', 'metric M "M" { baseline 1 target 2 by 2027-06-30 current 1 }'];
    for (let i = 0; i < count; i++) parts.push(`milestone Ms${i} "M ${i}" { by 2026-11-01 }`, `ticket T-${i} "t" { serves Goal milestone Ms${i} }`);
    parts.push('milestone Later "Later" { by 2027-01-31 }', 'ticket T-L "t" { serves Goal milestone Later }');
    const started = performance.now();
    const ws = await workspace({ 'roadmap.strategy': parts.join('\n') });
    const build = performance.now() - started;
    const document = ws.documents.get('roadmap.strategy')!;
    const textDocument = { uri: document.uri.toString() };
    const diagnostics = ws.diagnostics('roadmap.strategy');
    const lens: number[] = [];
    const hover: number[] = [];
    const fix: number[] = [];
    let actions: CodeAction[] = [];
    for (let run = 0; run < 5; run++) {
        let start = performance.now();
        await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument });
        lens.push(performance.now() - start);
        start = performance.now();
        await ws.services.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: diagnostics[0].range.start });
        hover.push(performance.now() - start);
        start = performance.now();
        actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument, range: diagnostics[0].range, context: { diagnostics: [diagnostics[0]] }
        }) as CodeAction[];
        fix.push(performance.now() - start);
    }
    console.log(`${count.toLocaleString('en-US')} milestones on one day: build and check ${build.toFixed(0)} ms `
        + `(${diagnostics.filter(d => d.code === 'milestone-overdue').length} milestone-overdue); code lenses ${median(lens).toFixed(1)} ms; `
        + `hover ${median(hover).toFixed(1)} ms; quick fix ${median(fix).toFixed(1)} ms (${actions.map(a => a.title).join(', ')})`);
}
