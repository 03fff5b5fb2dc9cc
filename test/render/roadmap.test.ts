import assert from 'node:assert/strict';
import type { RoadmapView } from '../../src/model/preview-view.js';
import type { RenderFormat } from '../../src/protocol/strategy-protocol.js';
import { renderView } from '../../src/render/render-view.js';
import { fixtureText, groupsOf, markerX, roadmapOf, textOf } from './roadmap-check.js';
import { parseXml, type ParsedElement } from './xml-check.js';

// test/fixtures/roadmap, read on 2026-11-23: the roadmap canvas drawn as a timeline, in every format.

const files = { 'roadmap.strategy': fixtureText };

function byClass(elements: ParsedElement[], name: string): ParsedElement[] {
    return elements.filter(element => (element.attributes.get('class') ?? '').split(' ').includes(name));
}

/** The x a date should have, read off the axis: its month's box, the day's share of the month. */
function expectedX(elements: ParsedElement[], date: string): number {
    const month = elements.find(element => element.attributes.get('data-month') === date.slice(0, 7))!;
    const days = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();
    return Number(month.attributes.get('x')) + (Number(date.slice(8, 10)) - 1) / days * Number(month.attributes.get('width'));
}

describe('render: the roadmap', () => {
    let view: RoadmapView;
    let fragment: string;
    let elements: ParsedElement[];
    before(async () => {
        view = await roadmapOf(files, 'Roadmap2027');
        fragment = await renderView(view, 'fragment');
        elements = parseXml(fragment, { fragment: true });
    });

    it('draws a lane per lane objective, by its name and grade, and one for work under none', () => {
        const headers = groupsOf(fragment, 'lane-header').map(textOf);
        assert.deepEqual(headers, [
            'Grow the paying base | off track',
            'Customers come back | every week | off track',
            'A platform we can build | on | no metric',
            'Other work | work under no lane'
        ]);
        assert.deepEqual(elements.filter(element => element.name === 'g' && element.attributes.get('class') === 'lane-header')
            .map(element => element.attributes.get('data-element')), ['objective:Growth', 'objective:Engagement', 'objective:Platform', undefined]);
    });

    it('labels the months of the window by quarter', () => {
        assert.deepEqual(byClass(elements, 'axis-period').map(element => element.text), ['Q4 2026', 'Q1 2027', 'Q2 2027']);
        assert.deepEqual(byClass(elements, 'axis-month').map(element => element.attributes.get('data-month')),
            ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04', '2027-05', '2027-06']);
    });

    it('puts each milestone at its date and today\'s line at today', () => {
        const markers = elements.filter(element => element.name === 'g' && element.attributes.get('data-element')?.startsWith('milestone:'));
        assert.deepEqual(markers.map(element => element.attributes.get('data-element')),
            ['milestone:Onboarding', 'milestone:LoyaltyLaunch', 'milestone:NotificationsBeta', 'milestone:LoyaltyLaunch', 'milestone:NewCheckout']);
        for (const group of groupsOf(fragment, 'milestone')) {
            const date = group[0].attributes.get('data-date')!;
            const marker = group.find(element => element.attributes.get('class') === 'milestone-marker')!;
            assert.ok(Math.abs(markerX(marker) - expectedX(elements, date)) < 0.05, `${date}: ${markerX(marker)}`);
        }
        const today = byClass(elements, 'today-line')[0];
        assert.ok(Math.abs(markerX(today) - expectedX(elements, '2026-11-23')) < 0.05);
        assert.equal(byClass(elements, 'today-label')[0].text, 'today');
        // Later dates lie further right, in proportion to the days between them.
        const [a, b, c] = ['2026-10-15', '2027-01-31', '2027-06-30'].map(date => expectedX(elements, date));
        assert.ok(Math.abs((b - a) / (c - a) - 108 / 258) < 0.001);
    });

    it('counts each milestone\'s tickets by status, gives its objectives\' grades and says overdue in words', () => {
        const [onboarding, loyalty, beta] = groupsOf(fragment, 'milestone');
        assert.match(onboarding[0].attributes.get('class')!, /^milestone overdue$/);
        assert.equal(textOf(onboarding), 'Onboarding New… | 1 doing · 1 done | overdue, 39 days late…');
        assert.match(onboarding.find(element => element.name === 'title')!.text,
            /^Onboarding New onboarding live: by 2026-10-15, overdue, 39 days late; 1 doing · 1 done; moves Activation \(on track\)$/);
        assert.equal(loyalty[0].attributes.get('class'), 'milestone');
        assert.match(textOf(beta), /2 todo · 1 done \| Engagement: off track$/);
    });

    it('shows a milestone moving two lanes\' objectives in both lanes', () => {
        assert.deepEqual(view.lanes.map(lane => lane.milestones.map(milestone => milestone.id)),
            [['Onboarding', 'LoyaltyLaunch'], ['NotificationsBeta', 'LoyaltyLaunch'], ['NewCheckout'], []]);
    });

    it('lists each lane\'s live tickets without a milestone by priority in the Unscheduled column', () => {
        assert.deepEqual(groupsOf(fragment, 'ticket').map(textOf),
            ['medium · U-3 Referral banner', 'critical · U-2 Fix the payment timeout', 'low · U-1 Tidy the settings page',
                'high · U-5 Rewrite the build', 'medium · U-6 Loose end']);
    });

    it('ties milestones and tickets to where they are written in the preview, and not in exports', async () => {
        const milestone = elements.find(element => element.attributes.get('data-element') === 'milestone:NotificationsBeta')!;
        assert.equal(milestone.attributes.get('data-line'), String(fixtureText.split('\n').findIndex(text => text.startsWith('milestone NotificationsBeta'))));
        assert.equal(milestone.attributes.get('data-character'), '10');
        const ticket = elements.find(element => element.attributes.get('data-element') === 'ticket:U-2')!;
        assert.ok(ticket.attributes.get('data-uri')?.endsWith('roadmap.strategy'));
        for (const format of ['html', 'svg'] as RenderFormat[]) {
            const rendered = await renderView(view, format);
            const output = rendered.slice(rendered.indexOf(format === 'html' ? '<body' : '</style>'));
            assert.match(output, /data-element="milestone:NotificationsBeta"/);
            assert.doesNotMatch(output, /data-uri|data-line/, format);
        }
    });

    it('writes a standalone SVG with its title and summary, and Markdown with a table per lane', async () => {
        const svg = await renderView(view, 'svg');
        const parsed = parseXml(svg);
        assert.equal(parsed[0].name, 'svg');
        assert.match(parsed[0].attributes.get('width')!, /^\d+$/);
        assert.ok(parsed.some(element => element.text === 'Oct 2026 – Jun 2027 · 4 milestones, 1 overdue · 5 unscheduled tickets · 1 milestone without a date'));
        const markdown = await renderView(view, 'md');
        assert.match(markdown, /^## Customers come back every week \(Engagement, off track\)\n\n\| Date \| Milestone \| Tickets \| Status \|\n\|---\|---\|---\|---\|\n\| 2027-01-31 \| \*\*NotificationsBeta\*\* Personalised notifications in beta \| 2 todo · 1 done \| Engagement: off track \|$/m);
        assert.match(markdown, /\| 2026-10-15 \| \*\*Onboarding\*\* New onboarding live \| 1 doing · 1 done \| overdue, 39 days late · Activation: on track \|/);
        assert.match(markdown, /^\*Unscheduled, by priority:\*\n\n- critical · U-2 Fix the payment timeout\n- low · U-1 Tidy the settings page$/m);
    });

    it('by default spans the quarters from the first milestone to the last, a lane per top-level objective', async () => {
        const fallback = await roadmapOf(files, 'DefaultRoadmap');
        assert.deepEqual([fallback.from, fallback.to], ['2026-10-01', '2027-06-30']);
        assert.deepEqual(fallback.lanes.map(lane => lane.objective?.id), ['Growth', 'Engagement', 'Platform', undefined]);
        assert.deepEqual(fallback.lanes[0].unscheduled.map(ticket => ticket.id), ['U-3'], 'Activation\'s work rolls up to Growth');
        assert.equal(fallback.undated, 1);
    });

    it('leaves milestones outside a written window out and counts them', async () => {
        const narrow = await roadmapOf({ 'a.strategy': fixtureText.replace('from 2026-10-01\n  to 2027-06-30', 'from 2027-01-01\n  to 2027-02-28') }, 'Roadmap2027');
        assert.deepEqual(narrow.lanes.flatMap(lane => lane.milestones.map(milestone => milestone.id)), ['NotificationsBeta']);
        assert.equal(narrow.outside, 3);
        const fragmentText = await renderView(narrow, 'fragment');
        assert.doesNotMatch(fragmentText, /class="today"/, 'today is before the window: no line');
        assert.match(fragmentText, /3 milestones outside the window/);
    });

    it('draws a window of thousands of years in bounded size, by years', async () => {
        const wide = await roadmapOf({ 'a.strategy': fixtureText.replace('from 2026-10-01\n  to 2027-06-30', 'from 1000-01-01\n  to 9999-12-31') }, 'Roadmap2027');
        assert.deepEqual([wide.from, wide.to], ['1000-01-01', '9999-12-31']);
        const svg = await renderView(wide, 'svg');
        const parsed = parseXml(svg);
        assert.ok(Number(parsed[0].attributes.get('width')) <= 2200);
        const periods = byClass(parsed, 'axis-period');
        assert.ok(periods.length > 5 && periods.length < 60, `${periods.length} year labels`);
        assert.equal(periods[0].text, '1000');
    });

    it('draws milestones at the ends of the calendar and a window written backwards', async () => {
        const ends = await roadmapOf({ 'a.strategy': `objective O "O"
milestone First "First" { by 1000-01-01 advances O }
milestone Last "Last" { by 9999-12-31 advances O }
canvas R "R" { kind roadmap }
canvas Backwards "Backwards" { kind roadmap from 2027-06-30 to 2027-01-01 }
` }, 'R');
        assert.deepEqual([ends.from, ends.to], ['1000-01-01', '9999-12-31']);
        assert.equal(groupsOf(await renderView(ends, 'fragment'), 'milestone').length, 2);
        const backwards = await roadmapOf({ 'a.strategy': `objective O "O"
milestone M "M" { by 2027-02-10 advances O }
canvas R "R" { kind roadmap from 2027-06-30 to 2027-01-01 }
` }, 'R');
        assert.deepEqual([backwards.from, backwards.to], ['2027-01-01', '2027-03-31']);
    });

    it('shows the titles, IDs and texts of a hostile workspace as text in every format', async () => {
        const hostile = {
            'a.strategy': `objective O "<script>alert(1)</script> & \\"quotes\\"" { metric M }
metric M "<img src=x onerror=alert(1)>" { baseline 0 target 10 by 2027-06-30 current 1 }
milestone Ms "</text><svg onload=alert(1)> ]]> &amp;" { by 2027-01-15 advances O }
ticket T "<b>bold</b> | pipe # hash" { serves O milestone Ms }
ticket U "<iframe src=javascript:alert(1)>" { serves O priority high }
canvas R "<style>body{}</style>" { kind roadmap }
`
        };
        const hostileView = await roadmapOf(hostile, 'R');
        for (const format of ['fragment', 'html', 'svg'] as RenderFormat[]) {
            const output = await renderView(hostileView, format);
            const body = format === 'html' ? output.slice(output.indexOf('<body'), output.indexOf('</body>') + 7) : output;
            const parsed = parseXml(body, { fragment: format !== 'svg' });
            assert.ok(parsed.every(element => !['script', 'img', 'iframe', 'b'].includes(element.name)), format);
            assert.ok(parsed.filter(element => element.name === 'svg').length === (format === 'svg' ? 1 : 4), format);
            assert.doesNotMatch(body, /<[^>]*\son[a-z]+\s*=/i, format);
            assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
        }
        const markdown = await renderView(hostileView, 'md');
        assert.doesNotMatch(markdown, /</);
        assert.match(markdown, /- high · U &lt;iframe src=javascript:alert\(1\)&gt;/);
    });
});
