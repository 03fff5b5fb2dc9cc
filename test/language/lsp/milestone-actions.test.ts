import assert from 'node:assert/strict';
import { TextDocument } from 'langium';
import type { CodeAction } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

// "Move to milestone…", the quick fix of `milestone-overdue`. Today is 2026-11-23.
async function actionsFor(ws: Workspace, file: string): Promise<CodeAction[]> {
    const diagnostics = ws.diagnostics(file).filter(d => d.code === 'milestone-overdue');
    assert.equal(diagnostics.length, 1, ws.codes(file).join(', '));
    const document = ws.documents.get(file)!;
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostics[0].range, context: { diagnostics }
    });
    return (actions ?? []) as CodeAction[];
}

/** The texts of every file the action edits, after it. */
function applied(ws: Workspace, action: CodeAction): Record<string, string> {
    return Object.fromEntries(Object.entries(action.edit!.changes!).map(([uri, edits]) => {
        const name = [...ws.documents.keys()].find(file => ws.uri(file).toString() === uri)!;
        return [name, TextDocument.applyEdits(ws.documents.get(name)!.textDocument, edits)];
    }));
}

const goal = 'objective Goal "Goal" { metric M }\nmetric M "M" { baseline 1 target 2 by 2027-06-30 current 1 }\n';

describe('quick fix: move the live tickets of an overdue milestone', () => {
    it('offers the milestones not past their date, nearest first, at most five, and moves every live ticket in one edit', async () => {
        const later = [['Q4', '2027-12-31'], ['Jan', '2027-01-31'], ['Today', '2026-11-23'], ['Mar', '2027-03-31'], ['Feb', '2027-02-28'], ['Jun', '2027-06-30']];
        const roadmap = `milestone Beta "Beta" { by 2026-11-01 }\nmilestone Past "Past" { by 2026-11-20 }\n`
            + later.map(([name, by]) => `milestone ${name} "${name}" { by ${by} }\n`).join('');
        const backlog = 'ticket A-1 "a" { serves Goal milestone Beta status doing } // under way\n'
            + 'ticket A-2 "b" {\n  serves Goal\n  milestone /* still */ Beta\n}\n'
            + 'ticket A-3 "c" { serves Goal milestone Beta status done }\n'
            + later.map(([name]) => `ticket T-${name} "t" { serves Goal milestone ${name} }\n`).join('')
            + 'ticket T-Past "t" { serves Goal milestone Past status done }\n';
        const ws = await workspace({ 'goals.strategy': goal, 'roadmap.strategy': roadmap, 'backlog.strategy': backlog });
        const actions = await actionsFor(ws, 'roadmap.strategy');
        assert.deepEqual(actions.map(action => action.title), [
            'Move 2 live tickets to Today (due 2026-11-23)',
            'Move 2 live tickets to Jan (due 2027-01-31)',
            'Move 2 live tickets to Feb (due 2027-02-28)',
            'Move 2 live tickets to Mar (due 2027-03-31)',
            'Move 2 live tickets to Jun (due 2027-06-30)'
        ]);
        assert.ok(actions.every(action => action.kind === 'quickfix' && !action.isPreferred));
        const texts = applied(ws, actions[1]);
        assert.deepEqual(Object.keys(texts), ['backlog.strategy'], 'only the tickets change');
        assert.equal(texts['backlog.strategy'], backlog
            .replace('milestone Beta status doing } // under way', 'milestone Jan status doing } // under way')
            .replace('milestone /* still */ Beta', 'milestone /* still */ Jan'));
        await ws.edit('backlog.strategy', texts['backlog.strategy']);
        assert.deepEqual(ws.codes('roadmap.strategy').filter(code => code.includes('milestone-')), [], 'Beta is no longer overdue and has its done ticket');
    });

    it('names the one live ticket, edits tickets in several files, and offers nothing when no milestone lies ahead', async () => {
        const ws = await workspace({
            'goals.strategy': goal,
            'roadmap.strategy': 'milestone Beta "Beta" { by 2026-11-01 }\nmilestone Launch "Launch" { by 2027-01-31 }\n',
            'a.strategy': 'ticket A-1 "a" { serves Goal milestone Beta }\nticket A-9 "z" { serves Goal milestone Launch }\n',
            'b.strategy': 'ticket B-1 "b" { serves Goal milestone Beta status dropped }\n'
        });
        const [move] = await actionsFor(ws, 'roadmap.strategy');
        assert.equal(move.title, 'Move A-1 to Launch (due 2027-01-31)');
        assert.deepEqual(applied(ws, move), { 'a.strategy': 'ticket A-1 "a" { serves Goal milestone Launch }\nticket A-9 "z" { serves Goal milestone Launch }\n' });

        const two = await workspace({
            'goals.strategy': goal,
            'roadmap.strategy': 'milestone Beta "Beta" { by 2026-11-01 }\nmilestone Launch "Launch" { by 2027-01-31 }\n',
            'a.strategy': 'ticket A-1 "a" { serves Goal milestone Beta }\nticket A-9 "z" { serves Goal milestone Launch }\n',
            'b.strategy': 'ticket B-1 "b" { serves Goal milestone Beta status todo }\n'
        });
        const [both] = await actionsFor(two, 'roadmap.strategy');
        assert.equal(both.title, 'Move 2 live tickets to Launch (due 2027-01-31)');
        assert.deepEqual(Object.keys(applied(two, both)).sort(), ['a.strategy', 'b.strategy']);

        const none = await workspace({ 'main.strategy': `${goal}milestone Beta "Beta" { by 2026-11-01 }\nticket A-1 "a" { serves Goal milestone Beta }\n` });
        assert.deepEqual(await actionsFor(none, 'main.strategy'), []);
    });
});
