import assert from 'node:assert/strict';
import type { ProductCanvasView, StrategyCanvasView } from '../../src/model/preview-view.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { modelOf, productView, strategyView } from './render-fixtures.js';
import { parseXml, type ParsedElement } from './xml-check.js';
import { previewView } from '../../src/model/preview-view.js';

// The canvases as the preview shows them: each box of the example's two canvases holds what the canvas says, in
// the markup the webview's script relies on (see the HTML contract in src/render/render-view.ts's callers).

interface Rendered {
    elements: ParsedElement[];
    /** Each box's text, whitespace folded, by box name. */
    boxes: Map<string, string>;
    /** `data-element` keys inside each box, in order. */
    keys: Map<string, string[]>;
}

function fold(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** Markup as the text a reader sees, entities decoded and whitespace folded. */
export function textOf(markup: string): string {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };
    return fold(markup.replace(/<[^>]*>/g, ' ').replace(/&(amp|lt|gt|quot|#39);/g, (_, code: string) => named[code]));
}

/** The fragment parsed, with each box's text and the item keys inside it. */
async function rendered(view: ProductCanvasView | StrategyCanvasView): Promise<Rendered> {
    const fragment = await renderView(view, 'fragment');
    const elements = parseXml(fragment, { fragment: true });
    const boxes = new Map<string, string>();
    const keys = new Map<string, string[]>();
    for (const section of fragment.split('<section').slice(1)) {
        const markup = section.slice(0, section.indexOf('</section>'));
        const box = /data-box="([^"]+)"/.exec(markup)![1];
        boxes.set(box, textOf(`<section${markup}`));
        keys.set(box, [...markup.matchAll(/data-element="([^"]+)"/g)].map(match => match[1]));
    }
    return { elements, boxes, keys };
}

describe('render: Lean Product Canvas', () => {
    let canvas: Rendered;
    let view: ProductCanvasView;
    before(async () => {
        view = await productView('shopApp', 'AppRecurrence');
        canvas = await rendered(view);
    });

    it('has the eight numbered boxes in number order, in the fragment root the webview expects', () => {
        const root = canvas.elements[0];
        assert.equal(root.name, 'div');
        assert.equal(root.attributes.get('class'), 'strategy-view');
        assert.equal(root.attributes.get('data-view'), 'product');
        const sections = canvas.elements.filter(element => element.attributes.has('data-box'));
        assert.deepEqual(sections.map(section => section.attributes.get('data-box')),
            ['problem', 'outcomes', 'users', 'user-outcomes', 'solutions', 'hypotheses', 'learn-first', 'least-work']);
        for (const section of sections) {
            assert.equal(section.name, 'section');
            assert.equal(section.attributes.get('class'), `box box-${section.attributes.get('data-box')}`);
        }
        const headings = canvas.elements.filter(element => element.name === 'h2').length;
        assert.equal(headings, 8);
        assert.match(canvas.boxes.get('problem')!, /^1 Business problem /);
        assert.match(canvas.boxes.get('outcomes')!, /^2 Business outcomes /);
        assert.match(canvas.boxes.get('users')!, /^3 Users & customers /);
        assert.match(canvas.boxes.get('user-outcomes')!, /^4 User outcomes & benefits /);
        assert.match(canvas.boxes.get('solutions')!, /^5 Solutions /);
        assert.match(canvas.boxes.get('hypotheses')!, /^6 Hypotheses /);
        assert.match(canvas.boxes.get('learn-first')!, /^7 Most important thing to learn first /);
        assert.match(canvas.boxes.get('least-work')!, /^8 Least amount of work to learn it /);
    });

    it('locates each box at the canvas field that fills it', () => {
        const section = (name: string) => canvas.elements.find(element => element.attributes.get('data-box') === name)!;
        const at = (name: string) => [section(name).attributes.get('data-line'), section(name).attributes.get('data-character')].join(':');
        // canvas.strategy: line 3 `problem`, line 4 `outcomes`, 5 `users`, 6 `solutions`, 7 `questions`, 8 `plan` (1-based).
        assert.equal(at('problem'), '2:2');
        assert.equal(at('outcomes'), '3:2');
        assert.equal(at('users'), '4:2');
        assert.equal(at('user-outcomes'), '4:2');
        assert.equal(at('solutions'), '5:2');
        assert.equal(at('hypotheses'), '5:2');
        assert.equal(at('learn-first'), '6:2');
        assert.equal(at('least-work'), '7:2');
        assert.ok(section('problem').attributes.get('data-uri')!.endsWith('/canvas.strategy'));
    });

    it('fills each box from the example', () => {
        assert.match(canvas.boxes.get('problem')!, /less than 20% of active users interact with it more than once a month/);
        assert.deepEqual(canvas.keys.get('problem'), ['text:AppRecurrence/problem/0']);

        assert.deepEqual(canvas.keys.get('outcomes'), ['objective:Engagement', 'metric:MonthlyRepeatUsers']);
        assert.match(canvas.boxes.get('outcomes')!,
            /Engagement Increase monthly usage frequency of the app MonthlyRepeatUsers Active users who open the app more than once a month 20% → 22\.5% → 30% by 2027-06-30 .*25% of the way, on track: at this pace 32\.3% by 2027-06-30, 123% of the way/);

        assert.deepEqual(canvas.keys.get('users'), ['usertype:FrequentBuyer', 'usertype:NewUser']);
        assert.match(canvas.boxes.get('users')!, /FrequentBuyer Frequent buyers NewUser New users who do not return/);

        assert.deepEqual(canvas.keys.get('user-outcomes'), [
            'usertype:FrequentBuyer', 'need:FrequentBuyer.SaveTime', 'need:FrequentBuyer.Recommendations', 'usertype:NewUser', 'need:NewUser.Trust'
        ]);
        assert.match(canvas.boxes.get('user-outcomes')!, /Saving time on purchases .*Receiving personalized recommendations .*Gaining trust in the app/);

        assert.deepEqual(canvas.keys.get('solutions'), ['solution:ExclusiveDeals', 'solution:PersonalizedNotifications', 'solution:FasterNavigation']);
        assert.match(canvas.boxes.get('solutions')!, /ExclusiveDeals Exclusive deals available only in the app idea PersonalizedNotifications Personalized notifications testing/);

        assert.deepEqual(canvas.keys.get('hypotheses'), [
            'text:AppRecurrence/hypotheses/0', 'solution:ExclusiveDeals', 'text:AppRecurrence/hypotheses/1', 'solution:PersonalizedNotifications'
        ]);
        assert.match(canvas.boxes.get('hypotheses')!, /App-only deals make frequent buyers open the app weekly ExclusiveDeals/);
        assert.match(canvas.boxes.get('hypotheses')!, /Frequent buyers who get a relevant reminder open the app twice as often PersonalizedNotifications/);

        assert.deepEqual(canvas.keys.get('learn-first'), ['question:RespondToNotifications', 'text:AppRecurrence/answers/0', 'question:UsageBarriers']);
        assert.match(canvas.boxes.get('learn-first')!, /Do users respond to personalized notifications\?/);

        assert.deepEqual(canvas.keys.get('least-work'), [
            'text:AppRecurrence/steps/0', 'ticket:APP-101', 'ticket:APP-102', 'text:AppRecurrence/steps/1', 'ticket:APP-123', 'text:AppRecurrence/steps/2'
        ]);
        assert.match(canvas.boxes.get('least-work')!,
            /Immediate usability improvements APP-101 Reorder a previous basket in one tap doing feature APP-102 Cut product search latency below 200 ms todo platform/);
        assert.match(canvas.boxes.get('least-work')!, /Measure and respond$/);
    });

    it('makes every item focusable and locates it where its name is written', () => {
        const items = canvas.elements.filter(element => element.attributes.has('data-element'));
        assert.ok(items.length >= 20);
        for (const item of items) {
            assert.equal(item.attributes.get('tabindex'), '0', item.attributes.get('data-element'));
            assert.equal(item.attributes.get('role'), 'button');
            assert.match(item.attributes.get('data-line')!, /^\d+$/);
            assert.match(item.attributes.get('data-character')!, /^\d+$/);
            assert.match(item.attributes.get('data-uri')!, /^file:\/\/\/ws\/\w+\.strategy$/);
        }
        const engagement = items.find(item => item.attributes.get('data-element') === 'objective:Engagement')!;
        assert.ok(engagement.attributes.get('data-uri')!.endsWith('/objectives.strategy'));
        assert.deepEqual([engagement.attributes.get('data-line'), engagement.attributes.get('data-character')], ['10', '10']);
        const step = items.find(item => item.attributes.get('data-element') === 'text:AppRecurrence/steps/1')!;
        assert.deepEqual([step.attributes.get('data-line'), step.attributes.get('data-character')], ['9', '9']);
        assert.ok(items.some(item => item.attributes.get('data-element') === 'canvas:AppRecurrence'), 'the title reveals the canvas');
    });

    it('draws no style attribute, script or event handler', async () => {
        const fragment = await renderView(view, 'fragment');
        assert.doesNotMatch(fragment, /\sstyle=|<script|\son\w+=/i);
    });
});

describe('render: Lean Strategy Canvas', () => {
    let canvas: Rendered;
    before(async () => {
        canvas = await rendered(await strategyView('shopApp', 'Growth2027'));
    });

    it('has the four boxes two by two with goal, obstacles, play and win, and success metrics with progress', () => {
        assert.equal(canvas.elements[0].attributes.get('data-view'), 'strategy');
        assert.deepEqual([...canvas.boxes.keys()], ['goal', 'obstacles', 'play-win', 'success']);
        assert.match(canvas.boxes.get('goal')!, /^1 Goal \(12–18 months\) Revenue Grow recurring revenue PurchaseRecurrence .*41% → 43% → 50% by 2027-12-31 .*22% of the way, at risk: at this pace 47\.8% by 2027-12-31, 75% of the way$/);
        assert.deepEqual(canvas.keys.get('goal'), ['objective:Revenue', 'metric:PurchaseRecurrence']);
        assert.equal(canvas.boxes.get('obstacles'), '2 What is in our way Users forget the app between purchases Checkout is slow on mobile');
        assert.deepEqual(canvas.keys.get('obstacles'), ['text:Growth2027/obstacles/0', 'text:Growth2027/obstacles/1']);
        assert.equal(canvas.boxes.get('play-win'),
            '3 Where we will play & how we will win Where we will play Urban households who shop every week How we will win The fastest repeat basket in the market');
        assert.deepEqual(canvas.keys.get('play-win'), ['text:Growth2027/play/0', 'text:Growth2027/win/0']);
        assert.deepEqual(canvas.keys.get('success'), ['metric:PurchaseRecurrence', 'metric:MonthlyRepeatUsers']);
        assert.match(canvas.boxes.get('success')!, /^4 How we will know it is working PurchaseRecurrence .* 22% of the way, at risk: .* MonthlyRepeatUsers .* 25% of the way, on track: at this pace 32\.3% by 2027-06-30, 123% of the way$/);
    });
});

describe('render: canvases with missing parts', () => {
    it('shows a quiet hint naming the field that fills an empty box, and marks names that resolve to nothing', async () => {
        const ws = await workspace({
            'a.strategy': `
objective Lonely "Nobody measures this" { }
canvas Sparse "Sparse" {
  kind product
  outcomes Lonely, Missing
  users Ghost
}
canvas Bare { kind strategy }`
        });
        const sparse = await rendered(previewView(modelOf(ws), 'Sparse') as ProductCanvasView);
        assert.match(sparse.boxes.get('problem')!, /Add problem "…" to the canvas/);
        assert.match(sparse.boxes.get('least-work')!, /Add plan \{ step "…" tickets <Ticket> \} to the canvas/);
        assert.match(sparse.boxes.get('outcomes')!, /Lonely Nobody measures this not measured Missing not found/);
        assert.match(sparse.boxes.get('users')!, /Ghost not found/);
        const missing = sparse.elements.find(element => element.attributes.get('data-element') === 'objective:Missing')!;
        assert.match(missing.attributes.get('class')!, /\bunresolved\b/);
        const lonely = sparse.elements.find(element => element.attributes.get('data-element') === 'objective:Lonely')!;
        assert.match(lonely.attributes.get('class')!, /\bunmeasured\b/);

        const bare = await rendered(previewView(modelOf(ws), 'Bare') as StrategyCanvasView);
        assert.match(bare.boxes.get('goal')!, /Add goal <Objective> to the canvas/);
        assert.match(bare.boxes.get('play-win')!, /Add play "…" and win "…" to the canvas/);
        // The box of a missing field reveals the canvas's name.
        const goal = bare.elements.find(element => element.attributes.get('data-box') === 'goal')!;
        assert.equal(goal.attributes.get('data-line'), '7');
    });
});
