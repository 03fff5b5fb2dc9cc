import assert from 'node:assert/strict';
import { traceOf } from '../../src/model/trace.js';
import { codesOf, messagesOf, workspace } from '../helpers.js';

// One broken element must not hide the diagnostics of the rest of the file, and no input may crash or hang the engine.
describe('parse recovery and bad input', () => {
    it('a misspelt element keyword leaves the following elements checked', async () => {
        const text = `objectve Broken "oops" {
  horizon long
}
ticket APP-1 "Still checked" { kind bug }
`;
        const codes = await codesOf(text);
        assert.ok(codes.some(c => c.startsWith('1:1 syntax-error')), codes.join());
        assert.ok(codes.includes('4:8 orphan-ticket'), codes.join());
    });

    it('a broken field inside a block leaves the rest of the block and file checked', async () => {
        const text = `objective G "g" {
  horizon long
  parent
  focus growth
}
ticket APP-2 "t" { kind bug }
`;
        const codes = await codesOf(text);
        assert.ok(codes.some(c => c.endsWith('syntax-error')), codes.join());
        assert.ok(codes.includes('4:9 invalid-value'), codes.join());
        assert.ok(codes.includes('6:8 orphan-ticket'), codes.join());
    });

    it('a missing title is a located syntax error in plain words', async () => {
        const messages = await messagesOf('objective Revenue {\n  horizon long\n}\n', 'syntax-error');
        assert.match(messages[0], /Expected a title in double quotes after 'Revenue' but found '\{'/);
    });

    it('a syntax error names the token found and the token written just before it, also when recovery skipped tokens', async () => {
        const stray = await messagesOf('ticket APP-1 "t" {\n  kind platform bogus\n  status todo\n}\n', 'syntax-error');
        assert.deepEqual(stray, ["Expected a field or '}' after 'platform' but found 'bogus'"]);
        const misspelt = await messagesOf('objective O "o" {\n  horizon long\n  horizn long\n}\n', 'syntax-error');
        assert.match(misspelt[0], /^Unexpected 'horizn' after 'long'/);
        const unclosed = await messagesOf('objective O "o" { metric M\nmetrc M "x" {}\n', 'syntax-error');
        assert.match(unclosed[0], /^Unexpected 'metrc' after 'M'/);
    });

    it('an unknown word where an element or a field starts gets the closest keyword there', async () => {
        const cases: Array<[string, RegExp]> = [
            ['metrc M "x" {}\n', /^Unexpected 'metrc'; did you mean 'metric'\?/],
            ['objective A "a" {}\nsolutoin S "s" {}\n', /^Unexpected 'solutoin' after '\}'; did you mean 'solution'\?/],
            ['objective O "o" {\n  horizn long\n}\n', /^Unexpected 'horizn' after '\{'; did you mean 'horizon'\?/],
            ['metric M "m" { target 30 bx 2027-01-01 }\n', /^Unexpected 'bx' after '30'; did you mean 'by'\?/],
            ['canvas C "c" { plan { stp "x" } }\n', /^Unexpected 'stp' after '\{'; did you mean 'step'\?/]
        ];
        for (const [text, expected] of cases) {
            const messages = await messagesOf(text, 'syntax-error');
            assert.match(messages[0] ?? '', expected, text);
        }
    });

    it('an unterminated string points at its opening quote', async () => {
        const text = `objective G "Unfinished {
  horizon long
}
ticket APP-3 "t" { kind bug }
`;
        const ws = await workspace({ 'main.strategy': text });
        const runaway = ws.diagnostics('main.strategy').find(d => String(d.message).includes('closing " missing'));
        assert.deepEqual(runaway?.range.start, { line: 0, character: 12 });
        assert.match(String(runaway?.message), /runs on to line 4/);
    });

    it('an unterminated string at the end of the file', async () => {
        const messages = await messagesOf('ticket APP-1 "never closed', 'syntax-error');
        assert.ok(messages.some(m => /no closing double quote/.test(m)), messages.join('\n'));
    });

    it('an unterminated block comment is reported at its start and keeps what precedes it', async () => {
        const codes = await codesOf('ticket APP-1 "t" { kind bug }\n/* forgot to close\nticket APP-2 "u"\n');
        assert.deepEqual(codes, ['1:8 orphan-ticket', '2:1 syntax-error']);
    });

    it('an empty file and a file of only comments are clean', async () => {
        assert.deepEqual(await codesOf(''), []);
        assert.deepEqual(await codesOf('// nothing yet\n/** doc */\n'), []);
    });

    it('garbage is capped at a readable number of syntax errors', async () => {
        let seed = 7;
        const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
        const alphabet = 'ab{}",.09-/*\n objective ticket serves é😀\u0000';
        const text = Array.from({ length: 50_000 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
        const codes = await codesOf(text);
        assert.ok(codes.length > 0 && codes.length <= 120, `${codes.length} diagnostics`);
    });

    it('deeply nested braces and a very long line do not crash', async () => {
        const codes = await codesOf('{'.repeat(10_000) + '}'.repeat(10_000) + '\n' + `ticket APP-1 "${'x'.repeat(200_000)}"`);
        assert.ok(codes.some(c => c.endsWith('syntax-error')));
    });

    it('an objective chain 1,000 levels deep is checked without overflowing the stack', async () => {
        const lines = ['objective L0 "root" { metric M }', 'metric M "m" { baseline 1 target 2 by 2027-01-01 }'];
        for (let i = 1; i < 1000; i++) lines.push(`objective L${i} "level" { parent L${i - 1} }`);
        lines.push('ticket APP-1 "deep" { serves L999 }');
        const ws = await workspace({ 'deep.strategy': lines.join('\n') });
        const unmeasured = ws.codes('deep.strategy').filter(c => c.endsWith('unmeasured-objective'));
        assert.equal(unmeasured.length, 999);
        assert.equal(ws.services.strategy.WorkspaceModel.get().chainOf(ws.documents.get('deep.strategy')!.parseResult.value.elements.at(-1) as never).length, 1000);
    });
    it('an element whose ID is still to be typed has its syntax error, its field checks, and no check that names it', async () => {
        const text = `objective "Grow" {
}
objective "Grow more" { horizon someday }
metric "m" { baseline 1 }
ticket "t" { kind banana }
usertype U "u" { need "n" }
usertype "v" { need N "n" }
objective Real "r" { metric RealM }
metric RealM "m" { baseline 1 target 2 by 2027-01-01 }
ticket APP-1 "t" { serves Real }
`;
        const ws = await workspace({ 'main.strategy': text });
        assert.deepEqual(ws.codes('main.strategy'), [
            '1:11 syntax-error', '3:11 syntax-error', '3:33 invalid-value', '4:8 syntax-error', '5:8 syntax-error',
            '5:19 invalid-value', '6:23 syntax-error', '7:10 syntax-error'
        ]);
        const messages = ws.diagnostics('main.strategy').map(d => String(d.message));
        assert.ok(messages.every(message => !/undefined/.test(message)), messages.join('\n'));
        const trace = traceOf(ws.services.strategy.WorkspaceModel.get());
        assert.deepEqual(trace.tickets.map(ticket => ticket.id), ['APP-1']);
        assert.deepEqual(trace.coverage.objectivesWithoutWork, []);
    });
});
