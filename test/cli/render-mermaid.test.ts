import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { roadmapFixture, roadmapGanttText } from '../fixtures/mermaid-roadmap.js';
import { strategy } from './run-strategy.js';

// `strategy render --format mermaid`: a roadmap canvas as a gantt chart, the map as a flowchart, anything else a
// usage error. That Mermaid parses and draws them is test/webview/mermaid-browser.test.ts.

const shopApp = resolve('examples/shop-app');


describe('strategy render --format mermaid', () => {
    let dir: string;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-mermaid-'));
        writeFileSync(join(dir, 'roadmap.strategy'), `${roadmapFixture}canvas Product "Product" { kind product problem "Slow" }\ncanvas Window "Q4" { kind roadmap from 2026-10-20 to 2027-02-01 }\n`);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const render = (...args: string[]) => strategy(['render', '--format', 'mermaid', '--today', '2026-11-23', ...args], dir);

    it('a roadmap canvas: a section per lane, the milestones by date with their dates as written, to a file with -o', () => {
        const result = render('--canvas', 'Roadmap2027');
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, roadmapGanttText);
        assert.equal(render('--canvas', 'Roadmap2027', '-o', 'roadmap.mmd').status, 0);
        assert.equal(readFileSync(join(dir, 'roadmap.mmd'), 'utf8'), roadmapGanttText);
    });

    it('a roadmap with a window and no lanes: the top-level objectives are the lanes, milestones outside the window left out', () => {
        const result = render('--canvas', 'Window');
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, [
            'gantt', '    dateFormat YYYY-MM-DD', '    title Q4',
            '    section Keep shoppers coming back',
            '    Personalised notifications#58; beta :milestone, NotificationsBeta, 2027-01-31, 0d',
            '    section Second purchase',
            '    Search below 200 ms :milestone, crit, Late, 2026-11-01, 0d', ''
        ].join('\n'));
    });

    it('without --canvas, the map as a flowchart: objectives, sub-objectives, solutions, tickets counted', () => {
        const result = strategy(['render', shopApp, '--format', 'mermaid', '--today', '2026-11-23'], dir);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, [
            'flowchart LR',
            '    o1["Revenue\nGrow recurring revenue\nPurchaseRecurrence 22% of the way, at risk"]',
            '    o2["Engagement\nIncrease monthly usage frequency of the app\n3 tickets (2 doing) · MonthlyRepeatUsers 25% of the way, on track"]',
            '    s1(["PersonalizedNotifications\nPersonalized notifications\ntesting"])',
            '    s2(["FasterNavigation\nNavigation built for quick repeat purchases\nidea"])',
            '    s3(["ExclusiveDeals\nExclusive deals available only in the app\nidea"])',
            '    o3["Activation\nTurn new users into second-time buyers\n1 ticket · SecondPurchaseRate no reading"]',
            '    o2 -.-> s1', '    o2 -.-> s2', '    o2 -.-> s3', '    o1 --> o2', '    o3 -.-> s2', '    o1 --> o3', ''
        ].join('\n'));
    });

    it('a diagram longer than Mermaid draws by default renders with a note on standard error', () => {
        const big = mkdtempSync(join(tmpdir(), 'strategy-mermaid-big-'));
        try {
            const objectives = Array.from({ length: 700 }, (_, i) => `objective O${i} "Objective number ${i} with a title of some length" { }`);
            writeFileSync(join(big, 'big.strategy'), objectives.join('\n'));
            const result = strategy(['render', '--format', 'mermaid'], big);
            assert.equal(result.status, 0, result.stderr);
            assert.equal(result.stdout.split('\n').filter(line => /^ {4}o\d+\[/.test(line)).length, 700);
            assert.match(result.stderr, /^strategy render: the diagram is \d+ characters; Mermaid draws at most 50000 by default/m);
            assert.doesNotMatch(render('--canvas', 'Roadmap2027').stderr, /Mermaid draws at most/, 'no note on a small one');
        } finally {
            rmSync(big, { recursive: true, force: true });
        }
    });

    it('a product canvas or an unknown one exits 2 and says why', () => {
        const product = render('--canvas', 'Product');
        assert.equal(product.status, 2);
        assert.equal(product.stdout, '');
        assert.match(product.stderr, /canvas 'Product' is not a roadmap; --format mermaid draws a roadmap canvas \(kind roadmap\) as a gantt chart, or the alignment map without --canvas/);
        const unknown = render('--canvas', 'Nope');
        assert.equal(unknown.status, 2);
        assert.match(unknown.stderr, /no canvas 'Nope'; the canvases are Product, Roadmap2027, Window/);
    });
});
