import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { previewTargetAt } from '../../../src/language/lsp/preview-target.js';
import { workspace, type Workspace } from '../../helpers.js';

const shopAppFolder = new URL('../../../examples/shop-app/', import.meta.url);
const shopApp = Object.fromEntries(readdirSync(shopAppFolder).map(file => [file, readFileSync(new URL(file, shopAppFolder), 'utf8')]));

describe('preview target under the cursor', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace(shopApp); });

    /** The target at the first occurrence of `marker` in the file, `at` characters into it. */
    const targetAt = (file: string, marker: string, at = 1) => {
        const document = ws.documents.get(file)!;
        const offset = document.textDocument.getText().indexOf(marker);
        assert.ok(offset >= 0, `${marker} is in ${file}`);
        return previewTargetAt(ws.services, document, offset + at);
    };

    it('inside a canvas: that canvas, and the element a reference under the cursor names', () => {
        assert.deepEqual(targetAt('canvas.strategy', 'outcomes Engagement', 12), { canvas: 'AppRecurrence', element: 'objective:Engagement' });
        assert.deepEqual(targetAt('canvas.strategy', 'APP-123'), { canvas: 'AppRecurrence', element: 'ticket:APP-123' });
        assert.deepEqual(targetAt('canvas.strategy', 'success PurchaseRecurrence', 10), { canvas: 'Growth2027', element: 'metric:PurchaseRecurrence' });
    });

    it('inside a SWOT canvas: the SWOT canvas, its texts by field and index and its keywords by box; on an insight, the insight', () => {
        assert.deepEqual(targetAt('canvas.strategy', 'Fastest checkout'), { canvas: 'Swot2027', element: 'text:Swot2027/strengths/0' });
        assert.deepEqual(targetAt('canvas.strategy', 'Delivery apps'), { canvas: 'Swot2027', element: 'text:Swot2027/threats/0' });
        assert.deepEqual(targetAt('canvas.strategy', 'weakness "Fewer', 2), { canvas: 'Swot2027', element: 'box:weaknesses' });
        assert.deepEqual(targetAt('canvas.strategy', 'opportunity "Weekly', 2), { canvas: 'Swot2027', element: 'box:opportunities' });
        assert.deepEqual(targetAt('canvas.strategy', 'kind swot'), { canvas: 'Swot2027', element: 'canvas:Swot2027' });
        assert.deepEqual(targetAt('solutions.strategy', 'supports PersonalizedNotifications', 12), { element: 'solution:PersonalizedNotifications' });
    });

    it('inside a canvas: its own text fields by field and index, the canvas itself elsewhere', () => {
        assert.deepEqual(targetAt('canvas.strategy', 'Checkout is slow'), { canvas: 'Growth2027', element: 'text:Growth2027/obstacles/1' });
        assert.deepEqual(targetAt('canvas.strategy', 'Our app was designed'), { canvas: 'AppRecurrence', element: 'text:AppRecurrence/problem/0' });
        assert.deepEqual(targetAt('canvas.strategy', 'step "Measure'), { canvas: 'AppRecurrence', element: 'text:AppRecurrence/steps/2' });
        assert.deepEqual(targetAt('canvas.strategy', 'kind strategy'), { canvas: 'Growth2027', element: 'canvas:Growth2027' });
    });

    it('inside a canvas: a field\'s keyword highlights the box it fills', () => {
        assert.deepEqual(targetAt('canvas.strategy', 'success PurchaseRecurrence', 2), { canvas: 'Growth2027', element: 'box:success' });
        assert.deepEqual(targetAt('canvas.strategy', 'goal Revenue'), { canvas: 'Growth2027', element: 'box:goal' });
        assert.deepEqual(targetAt('canvas.strategy', 'obstacle "Users'), { canvas: 'Growth2027', element: 'box:obstacles' });
        assert.deepEqual(targetAt('canvas.strategy', 'play "Urban'), { canvas: 'Growth2027', element: 'box:play-win' });
        assert.deepEqual(targetAt('canvas.strategy', 'problem "Our'), { canvas: 'AppRecurrence', element: 'box:problem' });
        assert.deepEqual(targetAt('canvas.strategy', 'outcomes Engagement', 3), { canvas: 'AppRecurrence', element: 'box:outcomes' });
        assert.deepEqual(targetAt('canvas.strategy', 'users FrequentBuyer'), { canvas: 'AppRecurrence', element: 'box:users' });
        assert.deepEqual(targetAt('canvas.strategy', 'plan {'), { canvas: 'AppRecurrence', element: 'box:least-work' });
        assert.deepEqual(targetAt('canvas.strategy', 'step "Measure'), { canvas: 'AppRecurrence', element: 'text:AppRecurrence/steps/2' }, 'a step is its own entry');
    });

    it('outside a canvas: the map, and the element the cursor is in or the one a reference names', () => {
        assert.deepEqual(targetAt('objectives.strategy', 'horizon short'), { element: 'objective:Engagement' });
        assert.deepEqual(targetAt('objectives.strategy', 'parent Revenue', 8), { element: 'objective:Revenue' });
        assert.deepEqual(targetAt('solutions.strategy', 'addresses SaveTime, Trust', 22), { element: 'need:NewUser.Trust' });
        assert.deepEqual(targetAt('users.strategy', 'need Trust', 6), { element: 'need:NewUser.Trust' });
        assert.deepEqual(targetAt('backlog.strategy', '// The backlog', 0), {});
    });

    it('a roadmap canvas is a canvas like the others; a milestone is keyed by its keyword', async () => {
        const roadmap = await workspace({ 'roadmap.strategy': readFileSync(new URL('../../fixtures/roadmap/roadmap.strategy', import.meta.url), 'utf8') });
        const document = roadmap.documents.get('roadmap.strategy')!;
        const at = (marker: string, shift = 1) => previewTargetAt(roadmap.services, document, document.textDocument.getText().indexOf(marker) + shift);
        assert.deepEqual(at('lanes Growth', 7), { canvas: 'Roadmap2027', element: 'objective:Growth' });
        assert.deepEqual(at('from 2026-10-01'), { canvas: 'Roadmap2027', element: 'canvas:Roadmap2027' });
        assert.deepEqual(at('by 2027-01-31'), { element: 'milestone:NotificationsBeta' });
        assert.deepEqual(at('milestone NotificationsBeta status', 12), { element: 'milestone:NotificationsBeta' });
    });
});
