import assert from 'node:assert/strict';
import { EmptyFileSystem, TextDocument } from 'langium';
import { testCodeAction } from 'langium/test';
import { createStrategyLspServices } from '../../../src/language/lsp/strategy-lsp-module.js';
import type { CodeAction } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

// The helpers' date is 2026-11-23, so a placeholder target is due one year later.
const nextYear = '2027-11-23';

/** The quick fixes offered for the one diagnostic with `code` in `file`. */
async function actionsFor(ws: Workspace, file: string, code: string): Promise<CodeAction[]> {
    const diagnostics = ws.diagnostics(file).filter(d => d.code === code);
    assert.equal(diagnostics.length, 1, `one ${code} in ${file}: ${ws.codes(file).join(', ')}`);
    const document = ws.documents.get(file)!;
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
    });
    return (actions ?? []) as CodeAction[];
}

/**
 * Applies the fix titled `title` to every file it edits, rebuilds as the server does after an edit, and checks
 * that the diagnostic is gone and every file still parses. Returns the new texts.
 */
async function apply(ws: Workspace, file: string, code: string, title: string): Promise<Record<string, string>> {
    const actions = await actionsFor(ws, file, code);
    const action = actions.find(a => a.title === title);
    assert.ok(action, `no '${title}' among ${actions.map(a => a.title).join(' | ')}`);
    const texts: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(action.edit!.changes!)) {
        const name = [...ws.documents.keys()].find(f => ws.uri(f).toString() === uri)!;
        texts[name] = TextDocument.applyEdits(ws.documents.get(name)!.textDocument, edits);
    }
    for (const [name, text] of Object.entries(texts)) await ws.edit(name, text);
    for (const name of ws.documents.keys()) {
        assert.ok(!ws.codes(name).some(c => c.endsWith('syntax-error')), `${name} parses: ${ws.codes(name).join(', ')}`);
    }
    assert.ok(!ws.codes(file).some(c => c.endsWith(` ${code}`)), `${code} is gone: ${ws.codes(file).join(', ')}`);
    return texts;
}

describe('quick fixes', () => {
    describe('orphan-ticket', () => {
        const model = `objective Revenue "Grow revenue" { metric Rate }
objective Engagement "Engage" {
  parent Revenue
}
metric Rate "r" { baseline 1 target 2 by 2027-01-01 }
solution Deals "Deals" { advances Engagement }
`;

        it('offers the objectives the ticket\'s solution advances first, preferred, and adds serves inside the block', async () => {
            const ticket = `// the ticket below needs a home
ticket APP-1 "Reorder" {
  implements Deals // built by the deals team
  kind feature
}
`;
            const ws = await workspace({ 'model.strategy': model, 'tickets.strategy': ticket });
            const actions = await actionsFor(ws, 'tickets.strategy', 'orphan-ticket');
            assert.deepEqual(actions.map(a => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`), ['Serve Engagement "Engage" (preferred)', 'Serve Revenue "Grow revenue"']);
            const texts = await apply(ws, 'tickets.strategy', 'orphan-ticket', 'Serve Engagement "Engage"');
            assert.equal(texts['tickets.strategy'], `// the ticket below needs a home
ticket APP-1 "Reorder" {
  implements Deals // built by the deals team
  kind feature
  serves Engagement
}
`);
            assert.ok(!ws.codes('tickets.strategy').some(c => c.includes('mismatch')));
        });

        it('creates the block of a ticket that has none, and keeps a one-line block on one line', async () => {
            const one = await workspace({ 'model.strategy': model, 'a.strategy': 'ticket APP-2 "No block" // note\n' });
            assert.equal((await apply(one, 'a.strategy', 'orphan-ticket', 'Serve Revenue "Grow revenue"'))['a.strategy'],
                'ticket APP-2 "No block" {\n  serves Revenue\n} // note\n');
            const line = await workspace({ 'model.strategy': model, 'a.strategy': 'ticket APP-3 "One line" { kind bug }\n' });
            assert.equal((await apply(line, 'a.strategy', 'orphan-ticket', 'Serve Engagement "Engage"'))['a.strategy'],
                'ticket APP-3 "One line" { kind bug serves Engagement }\n');
        });

        it('offers at most five objectives with their titles: the solution\'s first, then leaf objectives whose title is closest to the ticket\'s', async () => {
            const filler = Array.from({ length: 16 }, (_, i) => `objective Goal${String(i + 1).padStart(2, '0')} "Unrelated goal number ${i + 1}"`).join('\n');
            const goals = `${filler}
objective Checkout "Make mobile checkout faster" { parent Sales }
objective Sales "Grow checkout sales on mobile"
objective Search "Better search results"
objective Loyalty "Reward loyal customers"
solution OneTap "One-tap payment" { advances Loyalty }
`;
            const ws = await workspace({ 'goals.strategy': goals, 't.strategy': 'ticket T-1 "Faster checkout for mobile shoppers" {\n  implements OneTap\n}\n' });
            const actions = await actionsFor(ws, 't.strategy', 'orphan-ticket');
            assert.deepEqual(actions.map(a => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`), [
                'Serve Loyalty "Reward loyal customers" (preferred)',
                'Serve Checkout "Make mobile checkout faster"',
                'Serve Goal01 "Unrelated goal number 1"',
                'Serve Goal02 "Unrelated goal number 2"',
                'Serve Goal03 "Unrelated goal number 3"'
            ]);
        });

        it('without a solution prefers none, and adds the field with the file\'s indentation', async () => {
            const objectives = Array.from({ length: 12 }, (_, i) => `objective O${String(12 - i).padStart(2, '0')} "o"`).join('\n');
            const ws = await workspace({ 'o.strategy': objectives, 't.strategy': 'ticket T-1 "t" {\n\tkind bug\n}\n' });
            const actions = await actionsFor(ws, 't.strategy', 'orphan-ticket');
            assert.deepEqual(actions.map(a => a.title), ['O01', 'O02', 'O03', 'O04', 'O05'].map(o => `Serve ${o} "o"`));
            assert.ok(actions.every(a => !a.isPreferred));
            // The file indents with tabs, so the new field does too.
            assert.equal((await apply(ws, 't.strategy', 'orphan-ticket', 'Serve O03 "o"'))['t.strategy'], 'ticket T-1 "t" {\n\tkind bug\n\tserves O03\n}\n');
        });
    });

    describe('unresolved-reference', () => {
        it('changes to the name it probably meant, or creates the objective at the end of the file', async () => {
            const text = 'objective Engagement "Engage"\nticket T-1 "t" { serves Engagment } // typo';
            let ws = await workspace({ 'a.strategy': text });
            const actions = await actionsFor(ws, 'a.strategy', 'unresolved-reference');
            assert.deepEqual(actions.map(a => `${a.title}${a.isPreferred ? ' (preferred)' : ''}`), ['Change to Engagement (preferred)', 'Create objective Engagment']);
            assert.equal((await apply(ws, 'a.strategy', 'unresolved-reference', 'Change to Engagement'))['a.strategy'],
                'objective Engagement "Engage"\nticket T-1 "t" { serves Engagement } // typo');
            ws = await workspace({ 'a.strategy': text });
            assert.equal((await apply(ws, 'a.strategy', 'unresolved-reference', 'Create objective Engagment'))['a.strategy'],
                `${text}\n\nobjective Engagment "Engagment"\n`);
        });

        it('creates a metric complete enough to raise no warning of its own', async () => {
            const ws = await workspace({ 'a.strategy': 'objective Goal "g" { metric MonthlyChurn }\n' });
            assert.equal((await apply(ws, 'a.strategy', 'unresolved-reference', 'Create metric MonthlyChurn'))['a.strategy'],
                `objective Goal "g" { metric MonthlyChurn }\n\nmetric MonthlyChurn "Monthly churn" {\n  unit "%"\n  baseline 0\n  target 1 by ${nextYear}\n}\n`);
            assert.ok(!ws.codes('a.strategy').some(c => /metric-|unmeasured/.test(c)), ws.codes('a.strategy').join());
        });

        it('offers an objective or a solution for `about`, and a ticket for a plan step', async () => {
            const ws = await workspace({ 'a.strategy': 'question Q "q" { about Onboarding }\n' });
            assert.deepEqual((await actionsFor(ws, 'a.strategy', 'unresolved-reference')).map(a => a.title), ['Create objective Onboarding', 'Create solution Onboarding']);
            await apply(ws, 'a.strategy', 'unresolved-reference', 'Create solution Onboarding');
            const plan = await workspace({ 'a.strategy': 'canvas C "c" {\n  kind product\n  plan { step "First" tickets APP-9 }\n}\n' });
            assert.equal((await apply(plan, 'a.strategy', 'unresolved-reference', 'Create ticket APP-9'))['a.strategy'],
                'canvas C "c" {\n  kind product\n  plan { step "First" tickets APP-9 }\n}\n\nticket APP-9 "APP-9" {\n  status todo\n}\n');
        });

        it('creates a need inside the user type it names, in that user type\'s file', async () => {
            const ws = await workspace({
                'users.strategy': 'usertype Buyer "Buyers" {\n  need SaveTime "Save time" // the first need\n}\n',
                'solutions.strategy': 'solution S "s" { for Buyer addresses Buyer.TrustTheShop advances G }\nobjective G "g"\n'
            });
            const texts = await apply(ws, 'solutions.strategy', 'unresolved-reference', 'Create need TrustTheShop in Buyer');
            assert.deepEqual(texts, {
                'users.strategy': 'usertype Buyer "Buyers" {\n  need SaveTime "Save time" // the first need\n  need TrustTheShop "Trust the shop"\n}\n'
            });
        });

        it('puts an unqualified need in the solution\'s user type, and offers nothing when there is none', async () => {
            const ws = await workspace({ 'a.strategy': 'usertype Buyer "Buyers"\nsolution S "s" { for Buyer addresses Speed }\n' });
            assert.equal((await apply(ws, 'a.strategy', 'unresolved-reference', 'Create need Speed in Buyer'))['a.strategy'],
                'usertype Buyer "Buyers" {\n  need Speed "Speed"\n}\nsolution S "s" { for Buyer addresses Speed }\n');
            const nowhere = await workspace({ 'a.strategy': 'solution S "s" { addresses Xyzzy }\n' });
            assert.deepEqual(await actionsFor(nowhere, 'a.strategy', 'unresolved-reference'), []);
        });
    });

    describe('metric-incomplete', () => {
        it('adds a baseline and a dated target as new lines, keeping the comments', async () => {
            const ws = await workspace({ 'a.strategy': 'metric M "m" {\n  unit "%" // share of users\n}\n' });
            const [action] = await actionsFor(ws, 'a.strategy', 'metric-incomplete');
            assert.equal(action.title, `Add 'baseline 0' and 'target 1 by ${nextYear}'`);
            assert.equal((await apply(ws, 'a.strategy', 'metric-incomplete', action.title))['a.strategy'],
                `metric M "m" {\n  unit "%" // share of users\n  baseline 0\n  target 1 by ${nextYear}\n}\n`);
        });

        it('adds only the missing date after the target value', async () => {
            const ws = await workspace({ 'a.strategy': 'metric M "m" { baseline 20 target 30 /* stretch */ }\n' });
            assert.equal((await apply(ws, 'a.strategy', 'metric-incomplete', `Add 'by ${nextYear}'`))['a.strategy'],
                `metric M "m" { baseline 20 target 30 by ${nextYear} /* stretch */ }\n`);
        });

        it('creates the block, and never sets a baseline equal to the target', async () => {
            let ws = await workspace({ 'a.strategy': 'metric M "m"' });
            assert.equal((await apply(ws, 'a.strategy', 'metric-incomplete', `Add 'baseline 0' and 'target 1 by ${nextYear}'`))['a.strategy'],
                `metric M "m" {\n  baseline 0\n  target 1 by ${nextYear}\n}`);
            ws = await workspace({ 'a.strategy': 'metric M "m" { target 0 by 2027-01-01 }\n' });
            await apply(ws, 'a.strategy', 'metric-incomplete', `Add 'baseline 1'`);
            assert.ok(!ws.codes('a.strategy').some(c => c.endsWith('metric-no-change')));
        });
    });

    describe('unmeasured-objective', () => {
        it('creates a metric stub after the objective and links it, keeping the comments where they were', async () => {
            const text = '/** Why we care. */\nobjective Engagement "Engage" {\n  focus retention // for now\n} // end of engagement\nobjective Other "o" { metric OtherRate }\nmetric OtherRate "r" { baseline 1 target 2 by 2027-06-30 }\n';
            const ws = await workspace({ 'a.strategy': text });
            const texts = await apply(ws, 'a.strategy', 'unmeasured-objective', 'Create metric EngagementMetric for Engagement');
            assert.equal(texts['a.strategy'], `/** Why we care. */
objective Engagement "Engage" {
  focus retention // for now
  metric EngagementMetric
} // end of engagement

metric EngagementMetric "Engagement metric" {
  unit "%"
  baseline 0
  target 1 by ${nextYear}
}
objective Other "o" { metric OtherRate }
metric OtherRate "r" { baseline 1 target 2 by 2027-06-30 }
`);
            assert.ok(!ws.codes('a.strategy').some(c => c.endsWith('metric-incomplete')));
        });

        it('picks a free name and gives an objective without a block one', async () => {
            const ws = await workspace({ 'a.strategy': 'objective A "a"\nmetric AMetric "taken" { baseline 0 target 1 by 2027-01-01 }\n' });
            // AMetric is taken, but by a metric nobody links, so A is still unmeasured.
            assert.equal((await apply(ws, 'a.strategy', 'unmeasured-objective', 'Create metric AMetric2 for A'))['a.strategy'],
                `objective A "a" {\n  metric AMetric2\n}\n\nmetric AMetric2 "AMetric2" {\n  unit "%"\n  baseline 0\n  target 1 by ${nextYear}\n}\nmetric AMetric "taken" { baseline 0 target 1 by 2027-01-01 }\n`);
        });
    });

    describe('duplicate-field', () => {
        const objective = 'objective O "o" { metric R }\nmetric R "r" { baseline 1 target 2 by 2027-06-30 }\n';

        it('removes a repeated field alone on its line with its line', async () => {
            const ws = await workspace({ 'o.strategy': objective, 't.strategy': 'ticket T-1 "t" {\n  serves O\n  status todo\n  status done\n  kind bug\n}\n' });
            assert.equal((await apply(ws, 't.strategy', 'duplicate-field', `Remove the repeated 'status'`))['t.strategy'],
                'ticket T-1 "t" {\n  serves O\n  status todo\n  kind bug\n}\n');
        });

        it('keeps a comment beside or inside the repeated field', async () => {
            let ws = await workspace({ 'o.strategy': objective, 't.strategy': 'ticket T-1 "t" {\n  serves O\n  status todo\n  status done // was it?\n}\n' });
            assert.equal((await apply(ws, 't.strategy', 'duplicate-field', `Remove the repeated 'status'`))['t.strategy'],
                'ticket T-1 "t" {\n  serves O\n  status todo\n  // was it?\n}\n');
            ws = await workspace({ 'o.strategy': objective, 't.strategy': 'ticket T-1 "t" {\n  serves O\n  status todo\n  status /* not sure */ done\n}\n' });
            assert.equal((await apply(ws, 't.strategy', 'duplicate-field', `Remove the repeated 'status'`))['t.strategy'],
                'ticket T-1 "t" {\n  serves O\n  status todo\n  /* not sure */\n}\n');
        });

        it('removes just the field from a one-line block', async () => {
            const ws = await workspace({ 'o.strategy': objective, 't.strategy': 'ticket T-1 "t" { serves O status todo status done kind bug }' });
            assert.equal((await apply(ws, 't.strategy', 'duplicate-field', `Remove the repeated 'status'`))['t.strategy'],
                'ticket T-1 "t" { serves O status todo kind bug }');
        });

        it('works with Langium\'s testCodeAction helper', async () => {
            const services = createStrategyLspServices(EmptyFileSystem).Strategy;
            services.strategy.Config.fixedToday = '2026-11-23';
            // Not in a metric: there the cursor is also offered the metric's own actions (today's reading), and the
            // helper wants the diagnostic's fix alone.
            await testCodeAction(services)('solution S "s" {\n  status live\n  status building\n}\n', 'duplicate-field',
                'solution S "s" {\n  status live\n}\n');
        });
    });

    it('offers nothing, and does not fail, for diagnostic data naming what every object has (constructor, __proto__)', async () => {
        const ws = await workspace({ 'a.strategy': 'ticket APP-1 "t" { serves Nowhere }\n' });
        const document = ws.documents.get('a.strategy')!;
        const [diagnostic] = ws.diagnostics('a.strategy');
        for (const word of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
            for (const data of [{ code: word }, { code: 'unresolved-reference', expected: word, name: 'Foo' }]) {
                const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
                    textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [{ ...diagnostic, data }] }
                });
                assert.deepEqual(actions, undefined, JSON.stringify(data));
            }
        }
    });

    it('offers nothing for a diagnostic it has no fix for', async () => {
        const ws = await workspace({ 'a.strategy': 'solution S "s" { for U }\nusertype U "u"\n' });
        assert.deepEqual(await actionsFor(ws, 'a.strategy', 'unaligned-solution'), []);
    });
});
