import assert from 'node:assert/strict';
import { renderView } from '../../src/render/render-view.js';
import { boxOf, groupsOf, overlaps, roadmapOf, type Box } from './roadmap-check.js';
import { parseXml, type ParsedElement } from './xml-check.js';

// The roadmap stays readable when crowded: labels of nearby milestones are stacked, never drawn over each other,
// a lane keeps a bounded height (what finds no row is gathered into "N milestones"), and long lists are counted.

const lanes = ['Acquire', 'Activate', 'Retain', 'Monetise'];

/** 40 milestones over two years in four lanes, 400 tickets: 6 per milestone, the rest unscheduled. */
function denseWorkspace(): string {
    const lines = lanes.map(lane => `objective ${lane} "${lane}: the long name of a lane objective"`);
    for (let i = 0; i < 40; i++) {
        const day = new Date(Date.UTC(2027, 0, 1) + Math.floor(i * 730 / 40) * 86_400_000).toISOString().slice(0, 10);
        lines.push(`milestone M${i} "Milestone ${i}: a title long enough to be cut" { by ${day} advances ${lanes[i % 4]} }`);
    }
    const priorities = ['critical', 'high', 'medium', 'low'];
    for (let i = 0; i < 400; i++) {
        const milestone = i < 240 ? ` milestone M${i % 40}` : '';
        lines.push(`ticket T-${i} "Ticket ${i}" { serves ${lanes[i % 4]}${milestone} priority ${priorities[(i * 7) % 4]} status ${i % 3 ? 'todo' : 'doing'} }`);
    }
    lines.push('canvas R "Two years" { kind roadmap }');
    return lines.join('\n');
}

function labelBoxes(elements: ParsedElement[]): Box[] {
    return elements.filter(element => ['milestone-bg', 'cluster-bg'].includes(element.attributes.get('class') ?? '')).map(boxOf);
}

function assertNoOverlap(boxes: Box[]): void {
    for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) assert.ok(!overlaps(boxes[i], boxes[j]), `${JSON.stringify(boxes[i])} and ${JSON.stringify(boxes[j])}`);
    }
}

describe('render: a crowded roadmap', () => {
    it('draws 40 milestones and 400 tickets over two years within bounds, no label over another', async () => {
        const view = await roadmapOf({ 'a.strategy': denseWorkspace() }, 'R', '2027-09-01');
        const fragment = await renderView(view, 'fragment');
        const elements = parseXml(fragment, { fragment: true });
        const svg = elements.find(element => element.name === 'svg' && element.attributes.get('class') === 'strategy-svg roadmap')!;
        const [width, height] = [Number(svg.attributes.get('width')), Number(svg.attributes.get('height'))];
        assert.ok(width <= 1450 && height <= 1200, `${width} × ${height}`);
        const boxes = labelBoxes(elements);
        assert.equal(groupsOf(fragment, 'milestone').length, 40, 'every milestone has its own label');
        assertNoOverlap(boxes);
        const timeline = elements.filter(element => element.attributes.get('data-month')).map(boxOf);
        // Labels start within the timeline and may end in the gutter before the Unscheduled column.
        const unscheduled = elements.find(element => element.text === 'Unscheduled')!;
        const [left, right] = [timeline[0].x, Number(unscheduled.attributes.get('x'))];
        for (const box of boxes) assert.ok(box.x >= left - 0.01 && box.x + box.width <= right + 0.01 && box.y + box.height <= height, JSON.stringify(box));
        // 40 unscheduled tickets a lane: the first few by priority, the rest counted.
        const more = elements.filter(element => (element.attributes.get('class') ?? '').includes('unscheduled-more')).map(element => element.text);
        assert.equal(more.length, 4);
        for (const text of more) assert.match(text, /^\+ \d+ more$/);
        const shown = groupsOf(fragment, 'ticket').length;
        assert.equal(shown + more.reduce((sum, text) => sum + Number(/\d+/.exec(text)![0]), 0), 160);
        assert.match(fragment, /critical · T-\d+/);
    });

    it('gathers 1,000 milestones on one day into a cluster, in a lane of bounded height', async () => {
        const lines = ['objective O "O"'];
        for (let i = 0; i < 1000; i++) lines.push(`milestone M${i} "Milestone ${i}" { by 2027-05-05 advances O }`);
        lines.push('canvas R "R" { kind roadmap }');
        const view = await roadmapOf({ 'a.strategy': lines.join('\n') }, 'R');
        const svg = await renderView(view, 'svg');
        const elements = parseXml(svg);
        assert.ok(Number(elements[0].attributes.get('height')) < 400);
        assert.equal(groupsOf(svg, 'milestone').length, 3);
        const clusters = groupsOf(svg, 'milestone-cluster');
        assert.equal(clusters.length, 1);
        assert.equal(clusters[0].find(element => element.name === 'text')!.text, '997 milestones');
        assert.match(clusters[0].find(element => element.name === 'title')!.text, /^M3 \(2027-05-05\), M4 .* and 977 more$/);
        assertNoOverlap(labelBoxes(elements));
    });
});
