// Times the code actions asked for at a cursor inside a metric of 10,000 readings (the editor asks on every cursor
// move, for its light bulb): finding the metric, where today's reading goes, and whether a reading is dated today.
//
//   node --import tsx --import ./src/node-compat.ts scripts/reading-actions-size.ts
import { workspace } from '../test/helpers.js';

const readings = Array.from({ length: 10_000 }, (_, i) => {
    const day = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    return `  reading ${i % 97} on ${day}`;
});
const text = `metric Big "b" {\n  baseline 0\n  target 100 by 2027-06-30\n  current 5 // undated\n${readings.join('\n')}\n}\n`;
const ws = await workspace({ 'big.strategy': text });
const document = ws.documents.get('big.strategy')!;
const provider = ws.services.lsp.CodeActionProvider!;
for (const [where, at] of [['on the current field', text.indexOf('current 5')], ['on a reading in the middle', text.indexOf(readings[5000])]] as const) {
    const position = document.textDocument.positionAt(at);
    const times: number[] = [];
    let titles = '';
    for (let run = 0; run < 7; run++) {
        const start = performance.now();
        const actions = await provider.getCodeActions(document, { textDocument: { uri: document.uri.toString() }, range: { start: position, end: position }, context: { diagnostics: [] } }) ?? [];
        times.push(performance.now() - start);
        titles = actions.map(action => 'title' in action ? action.title : '').join(' | ');
    }
    times.sort((a, b) => a - b);
    console.log(`10,000 readings, cursor ${where}: code actions median ${times[3].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)}): ${titles}`);
}
