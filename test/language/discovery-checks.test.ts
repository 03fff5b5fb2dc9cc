import assert from 'node:assert/strict';
import { codesOf, messagesOf, workspace } from '../helpers.js';

// Spec v2 section 4: questions that get answered, insights for and against, the SWOT canvas.
const base = `objective Goal "Goal" { metric Rate }
metric Rate "Rate" { baseline 1 target 2 by 2027-01-01 }
usertype Buyer "Buyer" { need Speed "Speed" }
solution Fast "Fast" { for Buyer addresses Speed advances Goal status testing }
`;

describe('discovery checks', () => {
    it('parses an answered question, an insight and a SWOT canvas with no diagnostic', async () => {
        const text = `${base}question Q "Do they?" {
  about Fast
  status answered
  answer "Yes"
}
insight I "Test" {
  source "Experiment EXP-12, 400 users"
  supports Fast, Q, Goal
}
canvas S "SWOT" {
  kind swot
  strength "a"
  weakness "b", "c"
  opportunity "d"
  threat "e"
}`;
        assert.deepEqual(await codesOf(text), []);
    });

    it('invalid-value on `status answered` without an answer, at the status', async () => {
        const text = `${base}question Q "Do they?" {
  about Fast
  status answered
}`;
        assert.deepEqual(await codesOf(text), ['7:10 invalid-value']);
        assert.match((await messagesOf(text, 'invalid-value'))[0], /Question Q is answered, and states no answer; add 'answer/);
        assert.deepEqual(await codesOf(`${base}question Q "Do they?" { status answred }`), ['5:32 invalid-value']);
        assert.match((await messagesOf(`${base}question Q "x" { status answred }`, 'invalid-value'))[0], /did you mean 'answered'\?/);
    });

    it('duplicate-field on a second answer or source', async () => {
        assert.deepEqual(await codesOf(`${base}question Q "x" { answer "a" answer "b" }`), ['5:29 duplicate-field']);
        assert.deepEqual(await codesOf(`${base}insight I "x" { source "a" source "b" supports Fast }`), ['5:28 duplicate-field']);
    });

    it('wrong-kind for an insight that supports itself, another insight, or a ticket', async () => {
        const text = `${base}insight I "x" { supports I }
insight J "y" { contradicts I, T-1 }
ticket T-1 "t" { serves Goal implements Fast }`;
        assert.deepEqual(await codesOf(text), ['5:26 wrong-kind', '6:29 wrong-kind', '6:32 wrong-kind']);
        const messages = await messagesOf(text, 'wrong-kind');
        assert.match(messages[0], /I is an insight, but 'supports' needs a solution or objective or question/);
        assert.match(messages[2], /T-1 is a ticket, but 'contradicts' needs a solution or objective or question/);
    });

    it('validated-without-evidence on a validated solution no insight supports, at its status; gone once one does', async () => {
        const validated = base.replace('status testing', 'status validated');
        assert.deepEqual(await codesOf(validated), ['4:71 validated-without-evidence']);
        assert.match((await messagesOf(validated, 'validated-without-evidence'))[0],
            /Solution Fast is validated, and no insight supports it; record what validated it as an insight with 'supports Fast'/);
        assert.deepEqual(await codesOf(`${validated}insight I "x" { contradicts Fast }`), ['4:71 validated-without-evidence']);
        assert.deepEqual(await codesOf(`${validated}insight I "x" { supports Fast }`), []);
    });

    it('contradicted-solution on a live solution that insights contradict and none supports, in another file too', async () => {
        const ws = await workspace({
            'main.strategy': base,
            'learn.strategy': 'insight I "x" { contradicts Fast }\ninsight J "y" { contradicts Fast }'
        });
        assert.deepEqual(ws.codes('main.strategy'), ['4:10 contradicted-solution']);
        assert.match(String(ws.diagnostics('main.strategy')[0].message),
            /Solution Fast is still testing, and insights I, J contradict it with none in support; reject it, or record the evidence for it/);
        assert.deepEqual(await codesOf(`${base}insight I "x" { contradicts Fast }\ninsight J "y" { supports Fast }`), []);
        assert.deepEqual(await codesOf(`${base.replace('status testing', 'status rejected')}insight I "x" { contradicts Fast }`), ['1:11 objective-without-work']);
    });

    it('follows edits in another file: an insight added, turned against, and removed re-checks the solution', async () => {
        const ws = await workspace({ 'main.strategy': base.replace('status testing', 'status validated'), 'learn.strategy': '' });
        assert.deepEqual(ws.codes('main.strategy'), ['4:71 validated-without-evidence']);
        await ws.edit('learn.strategy', 'insight I "x" { supports Fast }');
        assert.deepEqual(ws.codes('main.strategy'), []);
        await ws.edit('learn.strategy', 'insight I "x" { contradicts Fast }');
        assert.deepEqual(ws.codes('main.strategy'), ['4:71 validated-without-evidence']);
        await ws.edit('main.strategy', base);
        assert.deepEqual(ws.codes('main.strategy'), ['4:10 contradicted-solution']);
        await ws.edit('learn.strategy', undefined);
        assert.deepEqual(ws.codes('main.strategy'), []);
    });

    it('invalid-value on each field of another kind in a SWOT canvas, and on SWOT fields in another kind, at the keyword', async () => {
        const swot = `${base}canvas S "SWOT" {
  kind swot
  strength "a"
  goal Goal
  obstacle "x", "y"
  obstacle "z"
}`;
        assert.deepEqual(await codesOf(swot), ['8:3 invalid-value', '9:3 invalid-value', '10:3 invalid-value']);
        assert.match((await messagesOf(swot, 'invalid-value'))[0], /'goal' does not belong to a SWOT canvas, and canvas S is kind swot/);
        const strategy = `${base}canvas S "Strategy" {
  kind strategy
  goal Goal
  threat "t"
}`;
        assert.deepEqual(await codesOf(strategy), ['8:3 invalid-value']);
        assert.match((await messagesOf(strategy, 'invalid-value'))[0], /'threat' belongs to a SWOT canvas, and canvas S is kind strategy; remove it, or write 'kind swot'/);
    });

    it('a 2,000-character answer and 200 insights on one solution: the checks still read them', async () => {
        const answer = 'a'.repeat(2000);
        const insights = Array.from({ length: 200 }, (_, i) => `insight I${i} "finding ${i}" { contradicts Fast }`).join('\n');
        const text = `${base}question Q "x" { about Fast status answered answer "${answer}" }\n${insights}`;
        assert.deepEqual(await codesOf(text), ['4:10 contradicted-solution']);
        assert.match((await messagesOf(text, 'contradicted-solution'))[0], /insights I0, I1, I2 … and 197 more contradict it/);
    });
});
