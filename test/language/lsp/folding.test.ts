import assert from 'node:assert/strict';
import type { FoldingRange } from 'vscode-languageserver';
import { workspace } from '../../helpers.js';

const text = `/*
 * Strategy for 2027:
 * agreed with the board.
 */
objective Revenue "Grow revenue" {
  horizon long
  metric Rate
}
metric Rate "r" { baseline 1 target 2 by 2027-01-01 }
/** One line of documentation. */
usertype Buyer "Buyers" {
  need SaveTime "Saving time",
       Deals "Getting deals"
}
canvas C "Lean Product Canvas" {
  kind product
  plan {
    step "First" tickets APP-1
    step "Then"
  }
  plan { step "Later" }
  plan {
    step "Last"
  }
}
ticket APP-1 "t" { serves Revenue }
`;

/** Folds as `first-last kind` (1-based lines), in order. */
async function folds(source: string): Promise<string[]> {
    const ws = await workspace({ 'a.strategy': source });
    const document = ws.documents.get('a.strategy')!;
    const ranges: FoldingRange[] = await ws.services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
    return ranges.map(r => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`).sort((a, b) => parseInt(a) - parseInt(b));
}

describe('folding', () => {
    it('folds blocks over several lines, plan blocks inside a canvas, and block comments, keeping the closing line visible', async () => {
        assert.deepEqual(await folds(text), [
            '1-3 comment', // the comment's last line, */, stays visible as a block's closing brace does
            '5-7', // objective Revenue
            '11-13', // usertype Buyer (a one-line need does not fold)
            '15-24', // the canvas
            '17-19', // its first plan
            '22-23' // its last plan; the one-line plan in between does not fold
        ]);
    });

    it('folds a plan even when the canvas is broken after it', async () => {
        assert.deepEqual(await folds('canvas C "c" {\n  plan {\n    step "a"\n    step "b"\n  }\n  kind\n}\n'), ['1-6', '2-4']);
    });
});
