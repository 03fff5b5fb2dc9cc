import assert from 'node:assert/strict';
import { renderView } from '../../src/render/render-view.js';
import { textWidth, wrapText } from '../../src/render/svg/text-wrap.js';
import { fixture, mapOf, productView, strategyView } from './render-fixtures.js';
import { parseXml } from './xml-check.js';

// The files a user exports: SVG (the same boxes, text wrapped into tspans, style embedded) and Markdown for a wiki.

describe('render: SVG export', () => {
    it('draws the product canvas as its eight boxes with wrapped text and an embedded style', async () => {
        const svg = await renderView(await productView('shopApp', 'AppRecurrence'), 'svg');
        const elements = parseXml(svg);
        const root = elements[0];
        assert.equal(root.name, 'svg');
        assert.equal(root.attributes.get('xmlns'), 'http://www.w3.org/2000/svg');
        assert.equal(root.attributes.get('width'), '1200');
        assert.equal(root.attributes.get('viewBox'), `0 0 1200 ${root.attributes.get('height')}`);
        assert.deepEqual(elements.filter(element => element.attributes.has('data-box')).map(element => element.attributes.get('data-box')),
            ['problem', 'outcomes', 'users', 'user-outcomes', 'solutions', 'hypotheses', 'learn-first', 'least-work']);
        assert.match(svg, /<style>:root \{/);
        const problem = elements.filter(element => element.name === 'tspan').map(element => element.text);
        assert.ok(problem.includes('Business problem'));
        // The long problem statement is broken into several lines, none wider than its box.
        const problemLines = problem.filter((_, index) => index > problem.indexOf('Business problem') && index < problem.indexOf('Business outcomes'));
        assert.ok(problemLines.length >= 4, problemLines.join(' / '));
        assert.equal(problemLines.join(' '), 'Our app was designed to encourage repeat purchases, but currently less than 20% of active users interact with it more than once a month. We need to increase the monthly usage frequency to at least 30% of active users within the next 6 months.');
        assert.match(svg, /<g class="progress grade-on-track" data-progress="0.25">/);
        assert.match(svg, />25% of the way, on track: at this pace/);
        assert.doesNotMatch(svg.slice(svg.indexOf('</style>')), /data-uri|tabindex|\sstyle=/);
    });

    it('draws the strategy canvas two by two and the map with its title and counts', async () => {
        const canvas = parseXml(await renderView(await strategyView('shopApp', 'Growth2027'), 'svg'));
        assert.deepEqual(canvas.filter(element => element.attributes.has('data-box')).map(element => element.attributes.get('data-box')),
            ['goal', 'obstacles', 'play-win', 'success']);
        const boxes = canvas.filter(element => element.name === 'rect' && element.attributes.get('class') === 'box-bg')
            .map(rect => [rect.attributes.get('x'), rect.attributes.get('y')].join(','));
        assert.equal(new Set(boxes.map(box => box.split(',')[0])).size, 2, 'two columns');
        assert.equal(new Set(boxes.map(box => box.split(',')[1])).size, 2, 'two rows');

        const map = await renderView(await mapOf(await fixture('shopApp')), 'svg');
        const parsed = parseXml(map);
        assert.equal(parsed[0].attributes.get('class'), 'strategy-svg alignment-map');
        assert.ok(parsed.some(element => element.name === 'text' && element.text === '3 objectives · 4 metrics · 3 solutions · 4 tickets'));
        assert.match(map, /<g transform="translate\(0 76\)">/, 'under the title, the counts and the vision');
    });
});

describe('render: Markdown export', () => {
    it('renders the product canvas as one table per row of boxes', async () => {
        const markdown = await renderView(await productView('shopApp', 'AppRecurrence'), 'md');
        const headers = markdown.split('\n').filter((line, index, lines) => line.startsWith('| ') && lines[index + 1]?.startsWith('|---'));
        assert.deepEqual(headers, [
            '| 1. Business problem | 5. Solutions | 2. Business outcomes |',
            '| 3. Users & customers | 4. User outcomes & benefits |',
            '| 6. Hypotheses |',
            '| 7. Most important thing to learn first | 8. Least amount of work to learn it |'
        ]);
        assert.match(markdown, /^# Lean Product Canvas: app recurrence$/m);
        assert.match(markdown, /• \*\*Engagement\*\* Increase monthly usage frequency of the app<br>&emsp;– \*\*MonthlyRepeatUsers\*\* Active users who open the app more than once a month: 20% → 22\.5% → 30% by 2027-06-30 \(25% of the way, on track: at this pace 32\.3% by 2027-06-30, 123% of the way\)/);
        assert.match(markdown, /• Immediate usability improvements<br>&emsp;– \*\*APP-101\*\* Reorder a previous basket in one tap \*\(doing, feature\)\*/);
        for (const line of markdown.split('\n').filter(line => line.startsWith('| '))) {
            const cells = line.split(/(?<!\\)\|/).length - 2;
            const header = headers.find(candidate => markdown.indexOf(candidate) <= markdown.indexOf(line) && candidate.split('|').length - 2 === cells);
            assert.ok(header, `a row with as many cells as its header: ${line}`);
        }
    });

    it('renders the strategy canvas and the map', async () => {
        const strategy = await renderView(await strategyView('shopApp', 'Growth2027'), 'md');
        assert.match(strategy, /\| 1\. Goal \(12–18 months\) \| 2\. What is in our way \|/);
        assert.match(strategy, /• \*Where we will play\*<br>&emsp;– Urban households who shop every week<br>• \*How we will win\*<br>&emsp;– The fastest repeat basket in the market/);

        const map = await renderView(await mapOf(await fixture('shopApp')), 'md');
        assert.equal(map, [
            '# Alignment map', '', '**Vision:** Repeat grocery shopping without friction', '', '3 objectives · 4 metrics · 3 solutions · 4 tickets', '',
            '- **Revenue** Grow recurring revenue',
            '  - Metric **PurchaseRecurrence** Customers who buy again within 30 days: 41% → 43% → 50% by 2027-12-31 (22% of the way, at risk: at this pace 47.8% by 2027-12-31, 75% of the way)',
            '  - **Engagement** Increase monthly usage frequency of the app',
            '    - Metric **MonthlyRepeatUsers** Active users who open the app more than once a month: 20% → 22.5% → 30% by 2027-06-30 (25% of the way, on track: at this pace 32.3% by 2027-06-30, 123% of the way)',
            '    - Solution **PersonalizedNotifications** Personalized notifications *(testing)*',
            '    - Solution **FasterNavigation** Navigation built for quick repeat purchases *(idea)*',
            '    - Solution **ExclusiveDeals** Exclusive deals available only in the app *(idea)*',
            '    - Ticket **APP-101** Reorder a previous basket in one tap *(doing, high, feature)*',
            '    - Ticket **APP-123** Prototype personalized notifications *(doing, high, experiment)*',
            '    - Ticket **APP-102** Cut product search latency below 200 ms *(todo, medium, platform)*',
            '  - **Activation** Turn new users into second-time buyers',
            '    - Metric **SecondPurchaseRate** New users who place a second order within 14 days: 12% → 18% by 2027-09-30 (no reading)',
            '    - Solution **FasterNavigation** Navigation built for quick repeat purchases *(idea)*',
            '    - Ticket **APP-130** Refactor the checkout service for reuse by the app *(todo, low, refactor)*',
            '',
            '## Health metrics',
            '',
            '- **StoreRating** Average rating in the app stores: 4\\.5 (range 4.2 to 5) (healthy)',
            ''
        ].join('\n'));
    });
});

describe('render: text wrapping', () => {
    it('breaks at spaces within the width, inside a word only when it must, and cuts with an ellipsis', () => {
        const lines = wrapText('Increase monthly usage frequency of the app', 200, { fontSize: 12 });
        assert.ok(lines.length === 2 && lines.every(line => textWidth(line, 12) <= 200), lines.join(' / '));
        assert.equal(lines.join(' '), 'Increase monthly usage frequency of the app');
        const word = wrapText('x'.repeat(100), 100, { fontSize: 12 });
        assert.ok(word.length > 1 && word.every(line => textWidth(line, 12) <= 100));
        assert.deepEqual(wrapText('one\ntwo', 300, { fontSize: 12 }), ['one', 'two']);
        const cut = wrapText('word '.repeat(100), 100, { fontSize: 12, maxLines: 2 });
        assert.equal(cut.length, 2);
        assert.match(cut[1], /…$/);
        assert.deepEqual(wrapText('', 100, { fontSize: 12 }), ['']);
    });

    it('costs no more than the lines it shows for a huge text', () => {
        const started = performance.now();
        assert.equal(wrapText('y'.repeat(5_000_000), 260, { fontSize: 12, maxLines: 3 }).length, 3);
        assert.equal(wrapText('ab '.repeat(2_000_000), 260, { fontSize: 12, maxLines: 3 }).length, 3);
        assert.ok(performance.now() - started < 500);
    });
});
