import assert from 'node:assert/strict';
import { codesOf, messagesOf, workspace } from '../helpers.js';

// Each check on its smallest case: the code, the position of the name or keyword at fault, and an actionable message.
const measured = `objective Goal "Goal" { metric Rate }
metric Rate "Rate" { baseline 1 target 2 by 2027-01-01 }
`;

describe('checks', () => {
    it('orphan-ticket on the ticket ID', async () => {
        assert.deepEqual(await codesOf('ticket APP-9 "Loose end" { kind bug }'), ['1:8 orphan-ticket']);
        assert.match((await messagesOf('ticket APP-9 "x"', 'orphan-ticket'))[0], /Ticket APP-9 serves no objective; add 'serves <Objective>'/);
    });

    it('unresolved-reference on the name, with a suggestion when one is close', async () => {
        const text = `${measured}ticket T-1 "t" { serves Goall }`;
        assert.deepEqual(await codesOf(text), ['1:11 objective-without-work', '3:25 unresolved-reference']);
        assert.match((await messagesOf(text, 'unresolved-reference'))[0], /No objective named Goall; did you mean Goal\?/);
    });

    it('wrong-kind when the name is another kind of element', async () => {
        const text = `${measured}ticket T-1 "t" { serves Rate }`;
        assert.deepEqual(await codesOf(text), ['1:11 objective-without-work', '3:25 wrong-kind']);
        assert.match((await messagesOf(text, 'wrong-kind'))[0], /Rate is a metric, but 'serves' needs an objective/);
    });

    it('duplicate-id across kinds, both places, with related information', async () => {
        const ws = await workspace({ 'main.strategy': `${measured}usertype Goal "Also goal"` });
        assert.deepEqual(ws.codes('main.strategy'), ['1:11 duplicate-id', '1:11 objective-without-work', '3:10 duplicate-id']);
        const related = ws.diagnostics('main.strategy').find(d => d.range.start.line === 2 && d.code === 'duplicate-id')?.relatedInformation;
        assert.deepEqual(related?.map(r => [r.location.uri, r.location.range.start]), [['file:///ws/main.strategy', { line: 0, character: 10 }]]);
    });

    it('duplicate-id of an ID defined many times names five of the others and counts the rest, in its message and its related information', async () => {
        const copies = Array.from({ length: 40 }, (_, i) => `objective Dup "copy ${i}" {}`).join('\n');
        const ws = await workspace({ 'main.strategy': copies, 'other.strategy': 'metric Dup "also" { baseline 1 target 2 by 2027-01-01 }' });
        const duplicates = [...ws.diagnostics('main.strategy'), ...ws.diagnostics('other.strategy')].filter(d => d.code === 'duplicate-id');
        assert.equal(duplicates.length, 41);
        for (const diagnostic of duplicates) {
            assert.match(String(diagnostic.message), /^ID Dup is also used by (an? (objective|metric) in (main|other)\.strategy, ){4}an? (objective|metric) in (main|other)\.strategy and 35 more; IDs must be unique/);
            assert.equal(diagnostic.relatedInformation?.length, 5);
        }
    });

    it('did you mean allows five edits at most, however long the name: a near miss of a 16,000-character ID is still found', async () => {
        const long = 'Retention'.repeat(1778).slice(0, 16_000);
        const near = `${long.slice(0, -1)}X`;
        assert.match((await messagesOf(`objective ${long} "g" {}\nticket T-1 "t" { serves ${near} }`, 'unresolved-reference'))[0], /did you mean Retention/);
        // 30 characters, 6 edits: a third of the length would allow it, the bound does not.
        const name = 'CustomerRetentionRateOfTheApp1';
        const far = 'CustomXrRetXntionRXteOfThXAppXX';
        const messages = await messagesOf(`objective ${name} "g" {}\nticket T-1 "t" { serves ${far} }`, 'unresolved-reference');
        assert.doesNotMatch(messages[0], /did you mean/);
        const five = 'CustomXrRetXntionRXteXfThXApp1';
        assert.match((await messagesOf(`objective ${name} "g" {}\nticket T-1 "t" { serves ${five} }`, 'unresolved-reference'))[0], /did you mean CustomerRetentionRateOfTheApp1\?/);
    });

    it('duplicate-id for a need repeated in one user type', async () => {
        const text = `usertype U "u" { need Fast "f", Fast "again" }
solution S "s" { for U addresses Fast advances G }
objective G "g" { metric M }
metric M "m" { baseline 1 target 2 by 2027-01-01 }`;
        // `addresses Fast` names every need Fast of the solution's user types, the repeat too: it is not also unused.
        assert.deepEqual(await codesOf(text), ['1:33 duplicate-id']);
    });

    it('objective-cycle on every parent of the loop, naming the loop', async () => {
        const text = `objective A "a" { parent B metric M }
objective B "b" { parent A }
metric M "m" { baseline 1 target 2 by 2027-01-01 }
ticket T-1 "t" { serves A }`;
        assert.deepEqual(await codesOf(text), ['1:26 objective-cycle', '2:26 objective-cycle']);
        assert.match((await messagesOf(text, 'objective-cycle'))[0], /A → B → A/);
    });

    it('objective-cycle of an objective that is its own parent', async () => {
        assert.deepEqual((await codesOf(`objective A "a" { parent A metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\nticket T-1 "t" { serves A }`)), ['1:26 objective-cycle']);
    });

    it('duplicate-field at the repeated keyword, for single-valued fields only', async () => {
        const text = `${measured}ticket T-1 "t" {
  serves Goal
  status todo
  status doing
}`;
        assert.deepEqual(await codesOf(text), ['6:3 duplicate-field']);
        assert.deepEqual(await codesOf(`${measured}objective Sub "s" { parent Goal metric Rate metric Rate }\nticket T-1 "t" { serves Sub }`), []);
    });

    it('invalid-value for unknown keyword values, numbers and calendar dates', async () => {
        const text = `objective G "g" { focus retension horizon long metric M }
metric M "m" { baseline twenty target 30 by 2027-02-30 current high }
ticket T-1 "t" { serves G kind feature status doing }`;
        assert.deepEqual(await codesOf(text), ['1:25 invalid-value', '2:25 invalid-value', '2:45 invalid-value', '2:64 invalid-value']);
        const messages = await messagesOf(text, 'invalid-value');
        assert.match(messages[0], /Unknown focus 'retension'; did you mean 'retention'\?/);
        assert.match(messages[1], /'twenty' is not a number/);
        assert.match(messages[2], /'2027-02-30' is not a calendar date/);
        assert.match((await messagesOf('metric M "m" { baseline 1 target 2 by 2027-2-3 }', 'invalid-value'))[0], /'2027-2-3' needs two-digit months and days/);
    });

    it('a date written another way is one invalid-value on the whole date, reordered when it reads one way only', async () => {
        const cases: Array<[string, string]> = [
            ['30/06/2027', '2027-06-30'], ['30.06.2027', '2027-06-30'], ['2027/06/30', '2027-06-30'], ['2027.6.3', '2027-06-03'],
            ['06/30/2027', '2027-06-30'], ['30-06-2027', '2027-06-30'], ['5/5/2027', '2027-05-05'],
            // Both readings are dates, neither is, or the year has two digits: an example instead.
            ['01/02/2027', '2027-06-30'], ['31/02/2027', '2027-06-30'], ['30/06/27', '2027-06-30']
        ];
        for (const [written, suggested] of cases) {
            const ws = await workspace({ 'main.strategy': `metric M "m" {\n  baseline 10 on 2026-11-01\n  target 30 by ${written}\n}\n` });
            const diagnostics = ws.diagnostics('main.strategy');
            assert.deepEqual(diagnostics.map(d => [d.code, d.range]), [
                ['invalid-value', { start: { line: 2, character: 15 }, end: { line: 2, character: 15 + written.length } }]
            ], written);
            assert.equal(diagnostics[0].message, `'${written}' is not a date; write YYYY-MM-DD, such as ${suggested}`);
        }
        assert.deepEqual(await codesOf('metric M "m" { baseline 10 on 1/12/2026 target 30 by 2027-06-30 }'), ['1:31 invalid-value']);
    });

    it('metric-no-change on the target value', async () => {
        assert.deepEqual(await codesOf(`objective G "g" { metric M }\nmetric M "m" { baseline 5 target 5 by 2027-01-01 }\nticket T-1 "t" { serves G }`), ['2:34 metric-no-change']);
    });

    it('unmeasured-objective, and not when a sub-objective is measured', async () => {
        assert.deepEqual(await codesOf('objective G "g"\nticket T-1 "t" { serves G }'), ['1:11 unmeasured-objective']);
        assert.deepEqual(await codesOf(`objective Top "t"\nobjective G "g" { parent Top metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\nticket T-1 "t" { serves G }`), []);
    });

    it('metric-incomplete names what is missing', async () => {
        const text = `objective G "g" { metric M }\nmetric M "m" { target 5 }\nticket T-1 "t" { serves G }`;
        assert.deepEqual(await codesOf(text), ['2:8 metric-incomplete']);
        assert.match((await messagesOf(text, 'metric-incomplete'))[0], /add 'baseline <number>' and 'by <YYYY-MM-DD>' after the target/);
    });

    it('unaligned-solution and solution-without-user', async () => {
        assert.deepEqual(await codesOf(`usertype U "u" { need N "n" }\nsolution S "s" { for U addresses N }`), ['2:10 unaligned-solution']);
        assert.deepEqual(await codesOf(`${measured}solution S "s" { advances Goal }`), ['3:10 solution-without-user']);
    });

    it('ticket-solution-mismatch on implements, but not for a solution that advances a parent', async () => {
        const base = `${measured}objective Other "o" { metric Rate }
objective Sub "s" { parent Goal metric Rate }
usertype U "u" { need N "n" }
solution S "s" { for U addresses N advances Goal }
`;
        assert.deepEqual(await codesOf(`${base}ticket T-1 "t" { serves Other implements S }`), ['4:11 objective-without-work', '7:42 ticket-solution-mismatch']);
        assert.deepEqual(await codesOf(`${base}ticket T-1 "t" { serves Sub implements S }\nticket T-2 "t" { serves Other }`), []);
    });

    it('metric-overdue on the date, against the fixed date, unless the target is reached', async () => {
        const metric = (current: string) => `objective G "g" { metric M }\nmetric M "m" { baseline 10 target 5 by 2026-01-31 ${current} }\nticket T-1 "t" { serves G }`;
        assert.deepEqual(await codesOf(metric('current 7')), ['2:40 metric-overdue']);
        assert.deepEqual(await codesOf(metric('current 4')), []);
        assert.deepEqual(await codesOf(metric('current 7'), '2026-01-31'), []);
        assert.match((await messagesOf(metric(''), 'metric-overdue'))[0], /was due by 2026-01-31 and it has no current reading/);
        // A target that is not a number is invalid-value alone: there is nothing to be overdue on.
        assert.deepEqual(await codesOf(metric('current 7').replace('target 5', 'target five')), ['2:35 invalid-value']);
    });

    it('objective-without-work only for leaf objectives', async () => {
        assert.deepEqual(await codesOf(measured), ['1:11 objective-without-work']);
        assert.deepEqual(await codesOf(`${measured}objective Sub "s" { parent Goal metric Rate }\nticket T-1 "t" { serves Sub }`), []);
    });

    it('unmeasurable-problem on a problem with no number', async () => {
        assert.deepEqual(await codesOf('canvas C "c" { kind product problem "Users leave" }'), ['1:37 unmeasurable-problem']);
        assert.deepEqual(await codesOf('canvas C "c" { kind product problem "Only 20% return" }'), []);
    });

    it('unused-need on the need, across qualified and unqualified references', async () => {
        const text = `${measured}usertype U "u" { need A "a", B "b", C "c" }
solution S "s" { for U addresses A, U.B advances Goal }`;
        assert.deepEqual(await codesOf(text), ['3:37 unused-need']);
    });
});
