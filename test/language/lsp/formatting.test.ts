import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { TextDocument } from 'langium';
import type { Range } from 'vscode-languageserver';
import { workspace } from '../../helpers.js';

/** The text after formatting the whole document, or only `range` of it. */
async function format(text: string, range?: Range): Promise<string> {
    const ws = await workspace({ 'main.strategy': text });
    const document = ws.documents.get('main.strategy')!;
    const formatter = ws.services.lsp.Formatter!;
    const options = { tabSize: 4, insertSpaces: true };
    const textDocument = { uri: document.uri.toString() };
    const edits = range
        ? await formatter.formatDocumentRange(document, { textDocument, options, range })
        : await formatter.formatDocument(document, { textDocument, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** Tokens and comments with every whitespace difference removed: what formatting must never change. */
const content = (text: string) => text.replace(/\s+/g, '');

const messy = `

   // The goals.
objective Revenue "Grow recurring revenue" {horizon long    metric PurchaseRecurrence,Repeat // measured twice
  /* own line */
focus   retention }
objective Engagement
    "Increase usage" {


  // nothing yet

}
   /**
    * The business metric: moves with its first line.
    */
metric PurchaseRecurrence "Purchases" { baseline 41 on 2025-01-01 target 50 by 2027-12-31 }
metric Repeat "Repeat" {}   usertype Buyer "Buyers" { need SaveTime "Save time" ,Trust "Trust" }
solution Deals "Deals" { for Buyer addresses Buyer . SaveTime, Trust /* why */ , Buyer.Trust }
canvas C "Canvas" { kind product plan { step "First" tickets APP-1, APP-2 step "Then" } users Buyer, // all of them
   Buyer
}



ticket APP-1 "One" { serves Revenue } ticket APP-2 "Two" { serves /* a */ Revenue /* b */ kind bug }   // aligned
`;

const canonical = `// The goals.
objective Revenue "Grow recurring revenue" {
  horizon long
  metric PurchaseRecurrence, Repeat // measured twice
  /* own line */
  focus retention
}
objective Engagement "Increase usage" {
  // nothing yet
}
/**
 * The business metric: moves with its first line.
 */
metric PurchaseRecurrence "Purchases" {
  baseline 41 on 2025-01-01
  target 50 by 2027-12-31
}
metric Repeat "Repeat" {}
usertype Buyer "Buyers" {
  need SaveTime "Save time", Trust "Trust"
}
solution Deals "Deals" {
  for Buyer
  addresses Buyer.SaveTime, Trust /* why */, Buyer.Trust
}
canvas C "Canvas" {
  kind product
  plan {
    step "First" tickets APP-1, APP-2
    step "Then"
  }
  users Buyer, // all of them
    Buyer
}

ticket APP-1 "One" {
  serves Revenue
}
ticket APP-2 "Two" {
  serves /* a */ Revenue /* b */
  kind bug
}   // aligned
`;

describe('formatting', () => {
    it('puts each reading and the range on a line of its own, with their dates and bounds on it', async () => {
        assert.equal(await format('metric M "m" { baseline 20 on 2026-09-01 reading 21 on 2026-10-01 reading 22 on 2026-11-01 range 0   to 100 }'),
            'metric M "m" {\n  baseline 20 on 2026-09-01\n  reading 21 on 2026-10-01\n  reading 22 on 2026-11-01\n  range 0 to 100\n}\n');
    });

    it('lays out a messy file canonically, keeping every comment where it was', async () => {
        const formatted = await format(messy);
        assert.equal(formatted, canonical);
        assert.equal(content(formatted), content(messy));
    });

    it('is idempotent on its own output', async () => {
        assert.equal(await format(canonical), canonical);
    });

    it('keeps one blank line between elements and fields as written, and none where there was none', async () => {
        const text = 'objective A "A" {\n  parent B\n\n  metric M\n}\n\nobjective B "B"\nmetric M "M"\n';
        assert.equal(await format(text), text);
        assert.equal(await format(text.replace(/\n\n/g, '\n\n\n\n')), text);
    });

    it('keeps the line break after a line comment between tokens of one field, and ends the file with one line break', async () => {
        assert.equal(await format('objective A // the id\n"A"'), 'objective A // the id\n  "A"\n');
    });

    it('keeps the spacing of a comment after code, so hand-aligned comments stay aligned', async () => {
        const text = 'objective A "A" {\n  horizon long        // short | mid | long\n  focus retention     // acquisition | retention\n}\n';
        assert.equal(await format(text), text);
    });

    it('keeps a multi-line title as written and Windows line breaks', async () => {
        assert.equal(await format('canvas C "Spans\n      lines" {   kind product }'), 'canvas C "Spans\n      lines" {\n  kind product\n}\n');
        assert.equal(await format('objective A "A" {\r\nparent B }\r\n'), 'objective A "A" {\r\n  parent B\r\n}\r\n');
    });

    it('keeps old Mac line breaks (a lone CR) and a byte order mark', async () => {
        assert.equal(await format('objective A "A" {\rparent B }\r'), 'objective A "A" {\r  parent B\r}\r');
        assert.equal(await format('\ufeffobjective A "A" {\nparent B }\n'), '\ufeffobjective A "A" {\n  parent B\n}\n');
        assert.equal(await format('\ufeff// first\r\nobjective A "A"\r\n'), '\ufeff// first\r\nobjective A "A"\r\n');
    });

    it('keeps the shape of a doc comment re-indented in a file with lone CR line breaks', async () => {
        assert.equal(await format('objective A "A" {\r  metric M\r     /** doc\r        more */\r}\r'),
            'objective A "A" {\r  metric M\r  /** doc\r     more */\r}\r');
    });

    it('lays out mixed line breaks with those of the first line break between tokens, and formatting twice changes nothing', async () => {
        const mixed = [
            'objective A "A" {\rparent B }\nobjective B "B"\r\n',
            'objective A "A\r\nx" {\nparent B\r}\r\n',
            'objective A "A" // c\rmetric M "M"\n\n\r\nmetric N "N" { unit "%"\r\n}',
            '/* a\r\n b */ objective A "A" {\rparent B }\n'
        ];
        for (const text of mixed) {
            const once = await format(text);
            assert.equal(JSON.stringify(await format(once)), JSON.stringify(once), JSON.stringify(text));
            // Line breaks inside titles and block comments are their content, kept as written.
            const between = (formatted: string) => formatted.replace(/"[^"]*"|\/\*[^]*?\*\//g, '').match(/\r\n|\r|\n/g);
            assert.deepEqual([...new Set(between(once))], [between(text)![0]], JSON.stringify(once));
        }
    });

    it('leaves a file with syntax errors unchanged', async () => {
        const broken = 'objective A "A" {  parent  }\nobjective   B "B"';
        assert.equal(await format(broken), broken);
    });

    it('formats a file of 150,000 comment lines in a row, keeping every one', async () => {
        const comments = '// a note\n'.repeat(150_000);
        assert.equal(await format(comments + 'ticket APP-1 "t" {   kind bug }'), comments + 'ticket APP-1 "t" {\n  kind bug\n}\n');
    });

    it('formats only the selected range', async () => {
        const text = 'objective A "A" {   parent B }\nobjective B "B" {   parent C }\nobjective C "C" {   parent A }\n';
        const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } };
        assert.equal(await format(text, range), 'objective A "A" {   parent B }\nobjective B "B" {\n  parent C\n}\nobjective C "C" {   parent A }\n');
    });

    describe('on every example', () => {
        const folders = ['../../../examples/shop-app/', '../../../examples/diagnostics/', '../../../examples/diagnostics/cross-file/']
            .map(folder => new URL(folder, import.meta.url));
        const examples = folders.flatMap(folder => readdirSync(folder).filter(file => file.endsWith('.strategy')).map(file => new URL(file, folder)));
        for (const file of examples) {
            const name = file.pathname.replace(/.*examples\//, '');
            it(`${name}: formatting twice gives the same text, and only whitespace changes`, async () => {
                const text = readFileSync(file, 'utf8');
                // Indentation and trailing spaces scrambled, so the formatter has work to do.
                const scrambled = text.split('\n').map((line, index) => ' '.repeat(index % 5) + line + (index % 3 ? '  ' : '')).join('\n');
                for (const input of [text, scrambled]) {
                    const once = await format(input);
                    assert.equal(await format(once), once);
                    assert.equal(content(once), content(input));
                }
            });
        }

        it('the shop-app example is already in canonical layout, and scrambling its whitespace changes nothing after formatting', async () => {
            const folder = folders[0];
            for (const file of readdirSync(folder)) {
                const text = readFileSync(new URL(file, folder), 'utf8');
                assert.equal(await format(text), text, file);
                const scrambled = text.replace(/\n {2}/g, '\n      ').replace(/ \{\n/g, '\n{ ');
                assert.equal(await format(scrambled), text, file);
            }
        });
    });
});
