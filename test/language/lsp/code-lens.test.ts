import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { CodeLens, Location, Position } from 'vscode-languageserver';
import { showReferencesCommand } from '../../../src/language/lsp/code-lens.js';
import { workspace, type Workspace } from '../../helpers.js';

const shopAppFolder = new URL('../../../examples/shop-app/', import.meta.url);
const shopApp = Object.fromEntries(readdirSync(shopAppFolder).map(file => [file, readFileSync(new URL(file, shopAppFolder), 'utf8')]));

async function lensesOf(ws: Workspace, file: string): Promise<CodeLens[]> {
    const document = ws.documents.get(file)!;
    return await ws.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } }) ?? [];
}

/** A lens as `line: title`, 1-based, for compact assertions. */
const titled = (lens: CodeLens) => `${lens.range.start.line + 1}: ${lens.command?.title}`;

/** The text each location covers, as `file:line name`, to show where a click leads. */
function targets(ws: Workspace, locations: Location[]): string[] {
    return locations.map(location => {
        const file = [...ws.documents.keys()].find(name => ws.uri(name).toString() === location.uri)!;
        const text = ws.documents.get(file)!.textDocument.getText(location.range);
        return `${file}:${location.range.start.line + 1} ${text}`;
    });
}

describe('code lens', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace(shopApp); });

    it('above each objective: its tickets and solutions, its sub-objectives\' included, and first metric with progress', async () => {
        assert.deepEqual((await lensesOf(ws, 'objectives.strategy')).map(titled), [
            // FasterNavigation advances both sub-objectives: one solution.
            '5: 4 tickets (through 2 sub-objectives) · 3 solutions (through 2 sub-objectives) · PurchaseRecurrence 22% of the way (at risk)',
            '11: 3 tickets · 3 solutions · MonthlyRepeatUsers 25% of the way (on track)',
            '19: 1 ticket · 1 solution · SecondPurchaseRate (no reading)'
        ]);
    });

    it('runs strategy.showReferences with the uri, the position and the locations of that work', async () => {
        const engagement = (await lensesOf(ws, 'objectives.strategy'))[1];
        assert.equal(engagement.command?.command, showReferencesCommand);
        assert.equal(showReferencesCommand, 'strategy.showReferences');
        const [uri, position, locations] = engagement.command!.arguments as [string, Position, Location[]];
        assert.equal(uri, ws.uri('objectives.strategy').toString());
        assert.deepEqual(position, { line: 10, character: 10 });
        assert.deepEqual(engagement.range.start, position);
        assert.deepEqual(targets(ws, locations), [
            'backlog.strategy:2 APP-101',
            'backlog.strategy:11 APP-102',
            'backlog.strategy:20 APP-123',
            'solutions.strategy:2 PersonalizedNotifications',
            'solutions.strategy:10 FasterNavigation',
            'solutions.strategy:17 ExclusiveDeals'
        ]);
        const revenue = (await lensesOf(ws, 'objectives.strategy'))[0];
        // The work below comes through the sub-objectives: the click lists them, not every ticket under them.
        assert.deepEqual(targets(ws, (revenue.command!.arguments as [string, Position, Location[]])[2]), [
            'objectives.strategy:11 Engagement',
            'objectives.strategy:19 Activation'
        ]);
    });

    it('above each ticket: the chain it serves, with the served objective as the one location', async () => {
        const lenses = await lensesOf(ws, 'backlog.strategy');
        assert.deepEqual(lenses.map(titled), [
            '2: serves Engagement → Revenue',
            '11: serves Engagement → Revenue',
            '20: serves Engagement → Revenue',
            '30: serves Activation → Revenue'
        ]);
        const [uri, position, locations] = lenses[3].command!.arguments as [string, Position, Location[]];
        assert.equal(uri, ws.uri('backlog.strategy').toString());
        assert.deepEqual(position, { line: 29, character: 7 });
        assert.deepEqual(targets(ws, locations), ['objectives.strategy:19 Activation']);
        assert.deepEqual(await lensesOf(ws, 'solutions.strategy'), [], 'only objectives, tickets and milestones have lenses');
    });

    it('says no metric, no objective or a missing objective, with singular counts', async () => {
        const small = await workspace({
            'a.strategy': `objective Lone "l"
objective Busy "b" { metric M }
metric M "m" { baseline 10 target 20 by 2027-01-01 current 18 unit "EUR" }
solution S "s" { advances Busy }
ticket T-1 "t" { serves Busy implements S }
ticket T-2 "t" { kind bug }
ticket T-3 "t" { serves Gone }`
        });
        assert.deepEqual((await lensesOf(small, 'a.strategy')).map(titled), [
            '1: 0 tickets · 0 solutions · no metric',
            '2: 1 ticket · 1 solution · M 80% of the way (on track)',
            '5: serves Busy',
            '6: serves no objective',
            '7: serves Gone (not found)'
        ]);
        const orphan = (await lensesOf(small, 'a.strategy'))[3];
        assert.deepEqual((orphan.command!.arguments as unknown[])[2], []);
    });

    it('says overdue, not at risk, for a metric past its date that has not reached its target', async () => {
        const late = await workspace({
            'a.strategy': 'objective G "g" { metric Late }\nmetric Late "l" { baseline 0 target 10 by 2026-06-30 current 4 }\n'
                + 'objective H "h" { metric Soon }\nmetric Soon "s" { baseline 0 target 10 by 2027-06-30 current 4 }'
        });
        assert.deepEqual((await lensesOf(late, 'a.strategy')).map(titled), [
            '1: 0 tickets · 0 solutions · Late 40% of the way (overdue)',
            '3: 0 tickets · 0 solutions · Soon 40% of the way (at risk)'
        ]);
    });

    it('counts the work of sub-objectives at any depth once each, saying how much comes through them', async () => {
        const tree = await workspace({
            'a.strategy': `objective Top "t"
objective A "a" { parent Top }
objective B "b" { parent A }
objective C "c" { parent Top }
objective Idle "i"
objective Idle1 "i" { parent Idle }
objective Idle2 "i" { parent Idle }
objective X "x" { parent Y }
objective Y "y" { parent X }
solution S "s" { advances Top, A, B }
solution S2 "s" { advances B, C }
ticket T-1 "t" { serves Top }
ticket T-2 "t" { serves A }
ticket T-3 "t" { serves B }
ticket T-4 "t" { serves B }
ticket T-5 "t" { serves C }
ticket T-6 "t" { serves X }`
        });
        const objectives = (await lensesOf(tree, 'a.strategy')).map(titled).slice(0, 9);
        assert.deepEqual(objectives, [
            '1: 5 tickets (4 through 3 sub-objectives) · 2 solutions (1 through 2 sub-objectives) · no metric',
            '2: 3 tickets (2 through 1 sub-objective) · 2 solutions (1 through 1 sub-objective) · no metric',
            '3: 2 tickets · 2 solutions · no metric',
            '4: 1 ticket · 1 solution · no metric',
            '5: 0 tickets · 0 solutions · 2 sub-objectives · no metric',
            '6: 0 tickets · 0 solutions · no metric',
            '7: 0 tickets · 0 solutions · no metric',
            // A parent cycle ends: each member counts the other once, and itself not again.
            '8: 1 ticket · 0 solutions · 1 sub-objective · no metric',
            '9: 1 ticket (through 1 sub-objective) · 0 solutions · no metric'
        ]);
    });

    it('above each milestone: its tickets, how many are done and its date against today; a click lists its tickets', async () => {
        const lenses = await lensesOf(ws, 'roadmap.strategy');
        assert.deepEqual(lenses.map(titled), ['3: 2 tickets · 0 done · due in 25 days', '8: 1 ticket · 0 done · due in 95 days', '12: 1 ticket · 0 done · due in 128 days']);
        assert.equal(lenses[0].command?.command, showReferencesCommand);
        assert.deepEqual(targets(ws, (lenses[0].command!.arguments as [string, Position, Location[]])[2]), [
            'backlog.strategy:2 APP-101',
            'backlog.strategy:11 APP-102'
        ]);
        const other = await workspace({
            'main.strategy': 'objective Goal "G"\nmilestone Late "L" { by 2026-11-11 }\nmilestone Empty "E" { by 2026-11-23 }\nmilestone Undated "U"\n'
                + 'ticket T-1 "a" { serves Goal milestone Late status done }\nticket T-2 "b" { serves Goal milestone Late }\n'
        });
        assert.deepEqual((await lensesOf(other, 'main.strategy')).map(titled).filter(title => /^[234]:/.test(title)), [
            '2: 2 tickets · 1 done · 12 days late', '3: no tickets · due today', '4: no tickets · no date'
        ]);
    });

    it('follows an edit in another file', async () => {
        const edited = await workspace({
            'goals.strategy': 'objective G "g" { metric M }\nmetric M "m" { baseline 0 target 10 by 2027-01-01 current 5 }',
            'backlog.strategy': 'ticket T-1 "t" { serves G }'
        });
        assert.deepEqual((await lensesOf(edited, 'goals.strategy')).map(titled)[0], '1: 1 ticket · 0 solutions · M 50% of the way (at risk)');
        await edited.edit('backlog.strategy', 'ticket T-1 "t" { serves G }\nticket T-2 "t" { serves G }');
        await edited.edit('goals.strategy', 'objective G "g" { metric M }\nmetric M "m" { baseline 0 target 10 by 2027-01-01 current 2 }');
        assert.deepEqual((await lensesOf(edited, 'goals.strategy')).map(titled)[0], '1: 2 tickets · 0 solutions · M 20% of the way (off track)');
    });
});
