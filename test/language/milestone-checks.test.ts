import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { InitializeParams } from 'vscode-languageserver';
import { createStrategyLspServices } from '../../src/language/lsp/strategy-lsp-module.js';
import { codesOf as allCodesOf, messagesOf, workspace } from '../helpers.js';

// Milestones (spec v2 section 3): `milestone-overdue`, `milestone-without-work`, and the `invalid-value`s of the
// roadmap's dates and of fields on the wrong canvas. Today is 2026-11-23.
const goal = 'objective Goal "Goal" { metric M }\nmetric M "M" { baseline 1 target 2 by 2027-06-30 current 1 }\n';
/** The findings of these checks: the objective's own (no work, all work done) are not what these tests are about. */
const codesOf = async (text: string) => (await allCodesOf(text)).filter(code => !/objective-without-work|work-done-target-unmet/.test(code));
const ticket = (key: string, status: string, milestone = 'Beta') => `ticket ${key} "Work ${key}" { serves Goal status ${status} milestone ${milestone} }\n`;

describe('milestone checks', () => {
    it('milestone-overdue: past its date with live work, on the name, naming the date, the days late and five live tickets', async () => {
        const text = `${goal}milestone Beta "Beta" {\n  by 2026-11-13\n}\n`
            + ['A-1', 'A-2', 'A-3', 'A-4', 'A-5', 'A-6', 'A-7'].map(key => ticket(key, key === 'A-2' ? 'doing' : 'todo')).join('')
            + ticket('A-8', 'done') + ticket('A-9', 'dropped');
        assert.deepEqual(await codesOf(text), ['3:11 milestone-overdue']);
        assert.deepEqual(await messagesOf(text, 'milestone-overdue'), [
            'Milestone Beta was due 2026-11-13, 10 days ago, and 7 tickets are still live: A-1, A-2, A-3, A-4, A-5 … and 2 more; '
            + 'finish or drop them, move them to a later milestone, or move its date'
        ]);
    });

    it('is not overdue on its day, nor past it once its work is done or dropped', async () => {
        assert.deepEqual(await codesOf(`${goal}milestone Beta "Beta" { by 2026-11-23 }\n${ticket('A-1', 'todo')}`), []);
        assert.deepEqual(await codesOf(`${goal}milestone Beta "Beta" { by 2026-01-01 }\n${ticket('A-1', 'done')}${ticket('A-2', 'dropped')}`), []);
        assert.deepEqual(await messagesOf(`${goal}milestone Beta "Beta" { by 2026-11-22 }\n${ticket('A-1', 'todo')}`, 'milestone-overdue'), [
            'Milestone Beta was due 2026-11-22, 1 day ago, and 1 ticket is still live: A-1; finish or drop them, move them to a later milestone, or move its date'
        ]);
    });

    it('milestone-without-work: no ticket names it, on its name; a dropped ticket still names it', async () => {
        assert.deepEqual(await codesOf(`${goal}milestone Beta "Beta" { by 2027-01-31 }\n`), ['3:11 milestone-without-work']);
        assert.deepEqual(await codesOf(`${goal}milestone Beta "Beta" { by 2027-01-31 }\n${ticket('A-1', 'dropped')}`), []);
    });

    it('invalid-value: a milestone without by (on the name), a by that is no date (with the date it reads)', async () => {
        assert.deepEqual(await codesOf(`${goal}milestone Beta "Beta" { advances Goal }\n${ticket('A-1', 'todo')}`), ['3:11 invalid-value']);
        assert.deepEqual(await messagesOf(`${goal}milestone Beta "Beta" {\n  by 31.01.2027\n}\n${ticket('A-1', 'todo')}`, 'invalid-value'),
            ['\'31.01.2027\' is not a date; write YYYY-MM-DD, such as 2027-01-31']);
        assert.deepEqual(await codesOf(`${goal}milestone Beta "Beta" {\n  by 2027-02-30\n}\n${ticket('A-1', 'todo')}`), ['4:6 invalid-value']);
    });

    it('invalid-value: a priority not allowed, with the closest word', async () => {
        const text = `${goal}milestone Beta "Beta" { by 2027-01-31 }\nticket A-1 "W" { serves Goal milestone Beta priority hight }\nsolution S "S" { advances Goal priority urgent }\n`;
        assert.deepEqual(await messagesOf(text, 'invalid-value'), [
            'Unknown priority \'hight\'; did you mean \'high\'? use critical, high, medium or low',
            'Unknown priority \'urgent\'; use critical, high, medium or low'
        ]);
    });

    it('invalid-value: a roadmap window that is no date or ends before it starts (on to); roadmap fields on another kind (at the keyword)', async () => {
        const canvas = (fields: string) => `${goal}canvas R "R" {\n  ${fields.split(';').join('\n  ')}\n}\n`;
        assert.deepEqual(await codesOf(canvas('kind roadmap;from 2027-13-01;to soon;lanes Goal')), ['5:8 invalid-value', '6:6 invalid-value']);
        assert.deepEqual(await codesOf(canvas('kind roadmap;from 2027-06-01;to 2027-05-31')), ['6:6 invalid-value']);
        assert.deepEqual(await codesOf(canvas('kind roadmap;from 2027-06-01;to 2027-06-01')), []);
        assert.deepEqual(await codesOf(canvas('kind strategy;goal Goal;from 2027-01-01;to 2027-12-31;lanes Goal')),
            ['6:3 invalid-value', '7:3 invalid-value', '8:3 invalid-value']);
        // Without a kind, or with an unknown one, the kind is what to fix; the fields are not reported again.
        assert.deepEqual(await codesOf(canvas('from 2027-01-01')), []);
        assert.deepEqual(await codesOf(canvas('kind timeline;from 2027-01-01')), ['4:8 invalid-value']);
    });

    it('lanes that are not objectives and milestones that are not milestones are wrong-kind or unresolved', async () => {
        const text = `${goal}milestone Beta "Beta" { by 2027-01-31 }\n${ticket('A-1', 'todo')}`
            + 'ticket A-2 "W" { serves Goal milestone Goal }\ncanvas R "R" {\n  kind roadmap\n  lanes M, Nowhere, Goal\n}\n';
        assert.deepEqual(await codesOf(text), ['5:40 wrong-kind', '8:9 wrong-kind', '8:12 unresolved-reference']);
    });

    it('re-checks the milestone when a ticket in another file leaves or joins it', async () => {
        const ws = await workspace({
            'goals.strategy': goal, 'roadmap.strategy': 'milestone Beta "Beta" { by 2026-11-01 }\n', 'backlog.strategy': ticket('A-1', 'todo')
        });
        const milestoneCodes = () => ws.codes('roadmap.strategy');
        assert.deepEqual(milestoneCodes(), ['1:11 milestone-overdue']);
        await ws.edit('backlog.strategy', ticket('A-1', 'done'));
        assert.deepEqual(milestoneCodes(), []);
        await ws.edit('backlog.strategy', '');
        assert.deepEqual(milestoneCodes(), ['1:11 milestone-without-work']);
    });

    it('1,000 milestones on one day, each with a live ticket: one milestone-overdue each, no other finding', async () => {
        const count = 1000;
        let text = goal;
        for (let i = 0; i < count; i++) text += `milestone Ms${i} "M ${i}" { by 2026-11-01 }\n${ticket(`T-${i}`, 'todo', `Ms${i}`)}`;
        const ws = await workspace({ 'main.strategy': text });
        const codes = ws.diagnostics('main.strategy').map(d => String(d.code));
        assert.equal(codes.length, count);
        assert.ok(codes.every(code => code === 'milestone-overdue'));
    });
});

describe('a milestone in one workspace folder and its tickets in another', () => {
    let root: string;
    before(() => {
        root = mkdtempSync(join(tmpdir(), 'strategy-milestone-folders-'));
        mkdirSync(join(root, 'plan'));
        mkdirSync(join(root, 'app'));
        writeFileSync(join(root, 'plan', 'roadmap.strategy'), `${goal}milestone Beta "Beta" { by 2026-11-01 }\nmilestone Launch "Launch" { by 2027-03-31 }\n`);
        writeFileSync(join(root, 'app', 'backlog.strategy'), ticket('APP-1', 'todo') + ticket('APP-2', 'todo', 'Launch'));
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('counts them like any reference across folders: the folders of a workspace are one strategy', async () => {
        const services = createStrategyLspServices({ fileSystemProvider: () => new NodeFileSystemProvider() });
        services.Strategy.strategy.Config.fixedToday = '2026-11-23';
        const manager = services.shared.workspace.WorkspaceManager;
        const folders = ['plan', 'app'].map(name => ({ uri: URI.file(join(root, name)).toString(), name }));
        manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: folders } as InitializeParams);
        await manager.initializeWorkspace(folders);
        await manager.ready;
        const roadmap = services.shared.workspace.LangiumDocuments.getDocument(URI.file(join(root, 'plan', 'roadmap.strategy')));
        const backlog = services.shared.workspace.LangiumDocuments.getDocument(URI.file(join(root, 'app', 'backlog.strategy')));
        assert.deepEqual(roadmap?.diagnostics?.map(d => `${d.range.start.line + 1} ${String(d.code)} ${String(d.message).slice(0, 63)}`),
            ['3 milestone-overdue Milestone Beta was due 2026-11-01, 22 days ago, and 1 ticket is'], 'APP-1 makes Beta overdue; APP-2 gives Launch its work');
        assert.deepEqual(backlog?.diagnostics, []);
    });
});
