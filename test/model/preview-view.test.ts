import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { canvasKindOf, previewView, sourceUris, viewTitle, type ProductCanvasView, type StrategyCanvasView } from '../../src/model/preview-view.js';
import type { Canvas } from '../../src/language/generated/ast.js';
import { workspace, type Workspace } from '../helpers.js';

const shopAppFolder = new URL('../../examples/shop-app/', import.meta.url);
const shopApp = Object.fromEntries(readdirSync(shopAppFolder).map(file => [file, readFileSync(new URL(file, shopAppFolder), 'utf8')]));

describe('preview views', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace(shopApp); });
    const model = () => ws.services.strategy.WorkspaceModel.get();
    const ids = (items: Array<{ id: string }>) => items.map(item => item.id);

    it('fills the eight boxes of the Lean Product Canvas from the model', () => {
        const view = previewView(model(), 'AppRecurrence') as ProductCanvasView;
        assert.equal(view.view, 'product');
        assert.equal(viewTitle(view), 'Lean Product Canvas: app recurrence');
        assert.match(view.problem[0].text, /^Our app was designed to encourage repeat purchases/);
        assert.deepEqual(ids(view.outcomes), ['Engagement']);
        assert.deepEqual(view.outcomes[0].metrics.map(m => [m.id, m.baseline, m.current, m.target, m.by, m.grade]),
            [['MonthlyRepeatUsers', 20, 22.5, 30, '2027-06-30', 'on-track']]);
        assert.deepEqual(ids(view.users), ['FrequentBuyer', 'NewUser']);
        assert.deepEqual(view.userOutcomes.map(u => [u.user.id, ids(u.needs)]),
            [['FrequentBuyer', ['FrequentBuyer.SaveTime', 'FrequentBuyer.Recommendations']], ['NewUser', ['NewUser.Trust']]]);
        assert.deepEqual(view.solutions.map(s => [s.id, s.status]),
            [['ExclusiveDeals', 'idea'], ['PersonalizedNotifications', 'testing'], ['FasterNavigation', 'idea']]);
        assert.deepEqual(view.hypotheses.map(h => h.solution.id), ['ExclusiveDeals', 'PersonalizedNotifications']);
        assert.deepEqual(ids(view.questions), ['RespondToNotifications', 'UsageBarriers']);
        assert.deepEqual(view.plan.map(step => [step.text, ids(step.tickets)]), [
            ['Immediate usability improvements', ['APP-101', 'APP-102']],
            ['Prototype personalized notifications and get direct feedback', ['APP-123']],
            ['Measure and respond', []]
        ]);
    });

    it('locates every item at its definition, and each field of the canvas at its keyword', () => {
        const view = previewView(model(), 'AppRecurrence') as ProductCanvasView;
        assert.equal(view.outcomes[0].location.uri, ws.uri('objectives.strategy').toString());
        assert.deepEqual(view.outcomes[0].location.range.start, { line: 10, character: 10 });
        assert.equal(view.fields.outcomes?.uri, ws.uri('canvas.strategy').toString());
        assert.deepEqual(view.fields.outcomes?.range.start, { line: 3, character: 2 });
        assert.deepEqual(view.plan[0].location.range.start, { line: 8, character: 9 });
        assert.deepEqual(sourceUris(view), ['backlog', 'canvas', 'objectives', 'solutions', 'users']
            .map(name => ws.uri(`${name}.strategy`).toString()).sort());
    });

    it('fills the four boxes of the Lean Strategy Canvas', () => {
        const view = previewView(model(), 'Growth2027') as StrategyCanvasView;
        assert.equal(view.view, 'strategy');
        assert.deepEqual(ids(view.goal), ['Revenue']);
        assert.deepEqual(view.obstacles.map(o => o.text), ['Users forget the app between purchases', 'Checkout is slow on mobile']);
        assert.deepEqual([view.play[0].text, view.win[0].text], ['Urban households who shop every week', 'The fastest repeat basket in the market']);
        assert.deepEqual(ids(view.success), ['PurchaseRecurrence', 'MonthlyRepeatUsers']);
    });

    it('lists a name that resolves to nothing where it is written, marked unresolved', async () => {
        const other = await workspace({ 'c.strategy': 'canvas C "C" {\n  kind product\n  outcomes Missing\n  users Nobody\n  plan { step "S" tickets NO-1 }\n}\n' });
        const view = previewView(other.services.strategy.WorkspaceModel.get(), 'C') as ProductCanvasView;
        assert.deepEqual(view.outcomes.map(o => [o.id, o.unresolved, o.metrics.length, o.location.range.start]), [['Missing', true, 0, { line: 2, character: 11 }]]);
        assert.deepEqual(view.users.map(u => [u.id, u.unresolved]), [['Nobody', true]]);
        assert.deepEqual(view.userOutcomes, []);
        assert.deepEqual(view.plan[0].tickets.map(t => [t.id, (t as { unresolved?: boolean }).unresolved, t.location.range.start]), [['NO-1', true, { line: 4, character: 26 }]]);
    });

    it('shows a canvas without a valid kind as the kind its fields belong to', async () => {
        const other = await workspace({ 'c.strategy': 'canvas A "A" { obstacle "x" }\ncanvas B "B" { kind produkt problem "p" }\n' });
        const canvases = [...other.services.strategy.WorkspaceModel.get().byName.values()].flat() as Canvas[];
        assert.deepEqual(canvases.map(c => [c.name, canvasKindOf(c)]), [['A', 'strategy'], ['B', 'product']]);
    });

    it('is the alignment map without a canvas, and nothing for an unknown canvas', () => {
        const map = previewView(model());
        assert.equal(map?.view, 'map');
        assert.equal(map && viewTitle(map), 'Alignment map');
        assert.equal(previewView(model(), 'Nope'), undefined);
        assert.equal(previewView(model(), 'Engagement'), undefined);
    });
});
