// Times the code lenses of one file holding an objective chain 1,000 deep and a parent cycle 1,000 long, one ticket
// per objective: each objective's lens counts the work below it, so this is the worst case of that roll-up.
//
//   node --import tsx --import ./src/node-compat.ts scripts/code-lens-depth.ts
import { workspace } from '../test/helpers.js';

for (const cycle of [false, true]) {
    const parts: string[] = [];
    for (let i = 0; i < 1000; i++) {
        const parent = i > 0 ? ` parent D${i - 1}` : cycle ? ' parent D999' : '';
        parts.push(`objective D${i} "d" {${parent} }`, `ticket DEEP-${i} "t" { serves D${i} }`);
    }
    const ws = await workspace({ 'deep.strategy': parts.join('\n') });
    const document = ws.documents.get('deep.strategy')!;
    const provider = ws.services.lsp.CodeLensProvider!;
    const times: number[] = [];
    let first = '';
    for (let run = 0; run < 7; run++) {
        const start = performance.now();
        const lenses = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
        times.push(performance.now() - start);
        first = lenses[0]?.command?.title ?? '';
    }
    times.sort((a, b) => a - b);
    console.log(`${cycle ? 'cycle 1,000 long' : 'chain 1,000 deep'}: code lenses of the file, median ${times[3].toFixed(1)} ms `
        + `(min ${times[0].toFixed(1)}, max ${times[6].toFixed(1)}); first lens: ${first}`);
}
