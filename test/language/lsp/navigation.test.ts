import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import type { Location, LocationLink, Position, Range } from 'vscode-languageserver';
import { workspace, type Workspace } from '../../helpers.js';

const shopAppFolder = new URL('../../../examples/shop-app/', import.meta.url);
const shopApp = Object.fromEntries(readdirSync(shopAppFolder).map(file => [file, readFileSync(new URL(file, shopAppFolder), 'utf8')]));

// Beside the example: a sub-objective in another file, a need name two user types share, and a qualified need.
const extra = `// Extra elements for navigation.
objective Retention "Keep buyers coming back" {
  parent Engagement
  metric MonthlyRepeatUsers
}

usertype Courier "Couriers" {
  need SaveTime "Fewer stops per round"
}

solution CourierRoutes "Shorter courier routes" {
  for Courier
  addresses SaveTime
  advances Retention
}

solution Reorder "Reorder from the last basket" {
  for NewUser
  addresses FrequentBuyer.SaveTime
  advances Engagement
}
`;

/** The cursor on the last character of the first occurrence of `needle` in `file`. */
function at(ws: Workspace, file: string, needle: string): { textDocument: { uri: string }; position: Position } {
    const document = ws.documents.get(file)!;
    const index = document.textDocument.getText().indexOf(needle);
    assert.ok(index >= 0, `${needle} not in ${file}`);
    return { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(index + needle.length - 1) };
}

function fileOf(ws: Workspace, uri: string): string {
    return [...ws.documents.keys()].find(name => ws.uri(name).toString() === uri)!;
}

/** `file:line text` for a range (1-based line), to say where a result leads in the words of the file. */
function show(ws: Workspace, uri: string, range: Range, wholeLine = false): string {
    const file = fileOf(ws, uri);
    const document = ws.documents.get(file)!.textDocument;
    const text = wholeLine
        ? document.getText().split('\n')[range.start.line].trim()
        : document.getText(range);
    return `${file}:${range.start.line + 1} ${text}`;
}

describe('navigation', () => {
    let ws: Workspace;
    before(async () => {
        ws = await workspace({ ...shopApp, 'extra.strategy': extra });
        for (const file of ws.documents.keys()) {
            assert.ok(!ws.codes(file).some(code => /unresolved|wrong-kind|duplicate-id|syntax/.test(code)), `${file}: ${ws.codes(file).join()}`);
        }
    });

    async function definition(file: string, needle: string): Promise<string[]> {
        const links = await ws.services.lsp.DefinitionProvider!.getDefinition(ws.documents.get(file)!, at(ws, file, needle)) ?? [];
        return links.map(link => show(ws, link.targetUri, link.targetSelectionRange));
    }

    it('goes to the definition from every kind of reference, across files', async () => {
        const cases: Array<[file: string, needle: string, target: string]> = [
            ['backlog.strategy', 'serves Engagement', 'objectives.strategy:11 Engagement'],
            ['backlog.strategy', 'implements FasterNavigation', 'solutions.strategy:10 FasterNavigation'],
            ['objectives.strategy', 'parent Revenue', 'objectives.strategy:5 Revenue'],
            ['objectives.strategy', 'metric MonthlyRepeatUsers', 'objectives.strategy:36 MonthlyRepeatUsers'],
            ['extra.strategy', 'parent Engagement', 'objectives.strategy:11 Engagement'],
            ['extra.strategy', 'metric MonthlyRepeatUsers', 'objectives.strategy:36 MonthlyRepeatUsers'],
            ['solutions.strategy', 'for FrequentBuyer, NewUser', 'users.strategy:7 NewUser'],
            ['solutions.strategy', 'addresses Recommendations', 'users.strategy:4 Recommendations'],
            ['solutions.strategy', 'addresses SaveTime', 'users.strategy:3 SaveTime'],
            ['solutions.strategy', 'advances Engagement, Activation', 'objectives.strategy:19 Activation'],
            ['solutions.strategy', 'about PersonalizedNotifications', 'solutions.strategy:2 PersonalizedNotifications'],
            ['solutions.strategy', 'about Engagement', 'objectives.strategy:11 Engagement'],
            ['canvas.strategy', 'outcomes Engagement', 'objectives.strategy:11 Engagement'],
            ['canvas.strategy', 'users FrequentBuyer', 'users.strategy:2 FrequentBuyer'],
            ['canvas.strategy', 'solutions ExclusiveDeals, PersonalizedNotifications', 'solutions.strategy:2 PersonalizedNotifications'],
            ['canvas.strategy', 'questions RespondToNotifications, UsageBarriers', 'solutions.strategy:31 UsageBarriers'],
            ['canvas.strategy', 'tickets APP-101, APP-102', 'backlog.strategy:11 APP-102'],
            ['canvas.strategy', 'tickets APP-123', 'backlog.strategy:20 APP-123'],
            ['canvas.strategy', 'goal Revenue', 'objectives.strategy:5 Revenue'],
            ['canvas.strategy', 'success PurchaseRecurrence', 'objectives.strategy:26 PurchaseRecurrence'],
            ['canvas.strategy', 'success PurchaseRecurrence, MonthlyRepeatUsers', 'objectives.strategy:36 MonthlyRepeatUsers']
        ];
        for (const [file, needle, target] of cases) {
            assert.deepEqual(await definition(file, needle), [target], `${file}: ${needle}`);
        }
    });

    it('goes to a need among the solution\'s own user types first, and to a qualified need from either part of its name', async () => {
        assert.deepEqual(await definition('extra.strategy', 'addresses SaveTime'), ['extra.strategy:8 SaveTime']);
        assert.deepEqual(await definition('extra.strategy', 'FrequentBuyer.SaveTime'), ['users.strategy:3 SaveTime']);
        assert.deepEqual(await definition('extra.strategy', 'addresses FrequentBuyer'), ['users.strategy:3 SaveTime']);
    });

    async function references(file: string, needle: string, includeDeclaration: boolean): Promise<string[]> {
        const params = { ...at(ws, file, needle), context: { includeDeclaration } };
        const locations: Location[] = await ws.services.lsp.ReferencesProvider!.findReferences(ws.documents.get(file)!, params) ?? [];
        return locations.map(location => show(ws, location.uri, location.range, true)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    }

    const engagementReferences = [
        'backlog.strategy:3 serves Engagement',
        'backlog.strategy:12 serves Engagement',
        'backlog.strategy:21 serves Engagement',
        'canvas.strategy:4 outcomes Engagement',
        'extra.strategy:3 parent Engagement',
        'extra.strategy:20 advances Engagement',
        'roadmap.strategy:5 advances Engagement',
        'roadmap.strategy:22 lanes Engagement, Activation',
        'solutions.strategy:5 advances Engagement',
        'solutions.strategy:13 advances Engagement, Activation',
        'solutions.strategy:20 advances Engagement',
        'solutions.strategy:32 about Engagement'
    ];

    it('finds every reference to an objective across files: tickets, solutions, sub-objectives, questions, canvases, milestones', async () => {
        assert.deepEqual(await references('objectives.strategy', 'objective Engagement', false), engagementReferences);
        assert.deepEqual(await references('backlog.strategy', 'serves Engagement', false), engagementReferences, 'the same from a reference');
        assert.deepEqual(await references('objectives.strategy', 'objective Engagement', true),
            [...engagementReferences, 'objectives.strategy:11 objective Engagement "Increase monthly usage frequency of the app" {'].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })));
    });

    it('finds the references of a ticket key, a need, and a metric', async () => {
        assert.deepEqual(await references('backlog.strategy', 'ticket APP-102', false), ['canvas.strategy:9 step "Immediate usability improvements" tickets APP-101, APP-102']);
        assert.deepEqual(await references('users.strategy', 'need SaveTime', false), [
            'extra.strategy:19 addresses FrequentBuyer.SaveTime',
            'solutions.strategy:12 addresses SaveTime, Trust',
            'solutions.strategy:19 addresses SaveTime'
        ]);
        assert.deepEqual(await references('objectives.strategy', 'metric MonthlyRepeatUsers', false), [
            'canvas.strategy:22 success PurchaseRecurrence, MonthlyRepeatUsers',
            'extra.strategy:4 metric MonthlyRepeatUsers',
            'objectives.strategy:16 metric MonthlyRepeatUsers'
        ]);
    });

    async function implementations(file: string, needle: string): Promise<string[]> {
        const links: LocationLink[] = await ws.services.lsp.ImplementationProvider!.getImplementation(ws.documents.get(file)!, at(ws, file, needle)) ?? [];
        return links.map(link => show(ws, link.targetUri, link.targetSelectionRange));
    }

    it('goes to the implementations of an objective: tickets, solutions, sub-objectives and canvases, not questions', async () => {
        const expected = [
            'backlog.strategy:2 APP-101',
            'backlog.strategy:11 APP-102',
            'backlog.strategy:20 APP-123',
            'canvas.strategy:1 AppRecurrence',
            'extra.strategy:2 Retention',
            'extra.strategy:17 Reorder',
            'roadmap.strategy:18 Roadmap2027',
            'solutions.strategy:2 PersonalizedNotifications',
            'solutions.strategy:10 FasterNavigation',
            'solutions.strategy:17 ExclusiveDeals'
        ];
        assert.deepEqual(await implementations('objectives.strategy', 'objective Engagement'), expected);
        assert.deepEqual(await implementations('solutions.strategy', 'about Engagement'), expected, 'the same from a reference');
        assert.deepEqual(await implementations('objectives.strategy', 'objective Revenue'), [
            'canvas.strategy:15 Growth2027',
            'objectives.strategy:11 Engagement',
            'objectives.strategy:19 Activation'
        ]);
    });

    it('goes from a metric to its objectives, a solution to its tickets, a user type to its solutions', async () => {
        assert.deepEqual(await implementations('canvas.strategy', 'success PurchaseRecurrence, MonthlyRepeatUsers'), [
            'extra.strategy:2 Retention',
            'objectives.strategy:11 Engagement'
        ]);
        assert.deepEqual(await implementations('canvas.strategy', 'FasterNavigation'), ['backlog.strategy:2 APP-101', 'backlog.strategy:11 APP-102']);
        assert.deepEqual(await implementations('users.strategy', 'usertype FrequentBuyer'), [
            'solutions.strategy:2 PersonalizedNotifications',
            'solutions.strategy:10 FasterNavigation',
            'solutions.strategy:17 ExclusiveDeals'
        ]);
        assert.deepEqual(await implementations('extra.strategy', 'for Courier'), ['extra.strategy:11 CourierRoutes']);
        assert.deepEqual(await implementations('backlog.strategy', 'ticket APP-101'), [], 'a ticket has no implementations');
        assert.deepEqual(await implementations('backlog.strategy', '// The backlog'), [], 'nothing in a comment');
    });

    it('links the word under the cursor to the whole implementing element, selecting its name', async () => {
        const document = ws.documents.get('backlog.strategy')!;
        const [link] = await ws.services.lsp.ImplementationProvider!.getImplementation(document, at(ws, 'backlog.strategy', 'implements FasterNavigation')) ?? [];
        assert.deepEqual(link.originSelectionRange, { start: { line: 3, character: 13 }, end: { line: 3, character: 29 } });
        assert.equal(link.targetUri, ws.uri('backlog.strategy').toString());
        assert.deepEqual(link.targetRange, { start: { line: 1, character: 0 }, end: { line: 8, character: 1 } });
        assert.deepEqual(link.targetSelectionRange, { start: { line: 1, character: 7 }, end: { line: 1, character: 14 } });
    });

    it('follows an edit: a ticket moved to another objective leaves the first one\'s implementations', async () => {
        const edited = await workspace({
            'goals.strategy': 'objective A "a"\nobjective B "b"',
            'backlog.strategy': 'ticket T-1 "t" { serves A }'
        });
        const implementationsOf = async (needle: string) => (await edited.services.lsp.ImplementationProvider!.getImplementation(
            edited.documents.get('goals.strategy')!, at(edited, 'goals.strategy', needle)) ?? []).length;
        assert.equal(await implementationsOf('objective A'), 1);
        await edited.edit('backlog.strategy', 'ticket T-1 "t" { serves B }');
        assert.equal(await implementationsOf('objective A'), 0);
        assert.equal(await implementationsOf('objective B'), 1);
    });
});
