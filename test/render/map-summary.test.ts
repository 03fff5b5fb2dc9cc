import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkspace } from '../../src/cli/load-workspace.js';
import { previewView, type MapView } from '../../src/model/preview-view.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { mapOf } from './render-fixtures.js';
// @ts-expect-error: the generator is a plain ES module of the benchmarks, without types.
import { generateWorkspace } from '../../scripts/bench/generate-workspace.mjs';

// The map that summarises (issue 14): a card counts its work by status and lists its first live tickets, the whole
// card (every ticket, done ones dimmed) waits in the preview's markup, and a team's workspace stays under 3,000 px.

const cards = `
objective Grow "Grow" { metric M }
metric M "M" { baseline 0 on 2026-01-01 target 10 by 2027-01-01 reading 5 on 2026-10-01 }
solution S1 "One" { advances Grow status building }
ticket T1 "First done" { serves Grow status done }
ticket T2 "Second done" { serves Grow status done }
ticket T3 "Doing low" { serves Grow status doing priority low }
ticket T4 "Todo critical" { serves Grow status todo priority critical }
ticket T5 "Todo high" { serves Grow status todo priority high }
ticket T6 "Todo" { serves Grow status todo }
`;

describe('render: the map that summarises', () => {
    it('counts a card\'s work by status, lists the first live tickets by priority and "+N more"', async () => {
        const map = await renderView(await mapOf(await workspace({ 'a.strategy': cards })), 'fragment');
        const summary = map.slice(0, map.indexOf('<g class="map-overlays">'));
        assert.match(summary, />6 tickets: 2 done · 1 doing · 3 todo</);
        assert.match(summary, />1 solution: 1 building</);
        const listed = [...summary.matchAll(/data-element="ticket:([^"]+)"/g)].map(match => match[1]);
        assert.deepEqual(listed, ['T4', 'T5', 'T3']);
        assert.match(summary, />\+3 more</);
        assert.match(summary, /data-action="expand" tabindex="0" role="button"/);
        assert.match(summary, />M 50% off track</);
        assert.doesNotMatch(summary, /class="metric-chart/);
    });

    it('draws the whole card for the preview, every ticket with the done ones dimmed, and leaves it out of exports', async () => {
        const view = await mapOf(await workspace({ 'a.strategy': cards }));
        // As the preview gets it with the card expanded.
        const map = await renderView(view, 'fragment', new Set(['objective:Grow']));
        const whole = map.slice(map.indexOf('<g class="map-overlays">'));
        assert.match(whole, /<g class="map-whole" data-whole="o0">/);
        assert.match(whole, /data-action="focus" data-for="o0" tabindex="0" role="button"/);
        const tickets = [...whole.matchAll(/<g class="node node-ticket( done)?"[^>]*data-element="ticket:([^"]+)"/g)].map(match => `${match[2]}${match[1] ?? ''}`);
        assert.deepEqual(tickets, ['T4', 'T5', 'T3', 'T6', 'T1 done', 'T2 done']);
        assert.match(whole, /data-element="solution:S1"/);
        assert.match(whole, /class="metric-chart/);
        const svg = await renderView(view, 'svg');
        assert.doesNotMatch(svg, /class="map-whole|class="map-focus|data-action/);
        // An expanded card covers the focus buttons of the cards below it: every button comes before every whole card.
        const team = await renderView(await mapOf(await workspace({ 'a.strategy': `${cards}\nobjective Sub "Sub" { parent Grow }\nticket T7 "Sub's" { serves Sub status todo }\n` })), 'fragment', new Set(['objective:Grow']));
        assert.ok(team.lastIndexOf('class="map-focus"') < team.indexOf('class="map-whole"'));
    });

    it('keeps a team\'s workspace (20 objectives, 300 tickets) under 3,000 px in either direction and narrow enough for a side panel', async function () {
        this.timeout(120_000);
        const folder = mkdtempSync(join(tmpdir(), 'strategy-team-map-'));
        try {
            generateWorkspace(folder, { team: true });
            const { services } = await loadWorkspace([folder], '2026-11-23');
            const view = previewView(services.strategy.WorkspaceModel.get(), undefined) as MapView;
            const svg = await renderView(view, 'svg');
            const [width, height] = svg.match(/viewBox="0 0 (\d+) (\d+)"/)!.slice(1).map(Number);
            assert.ok(width < 3000 && height < 3000, `${width}×${height}`);
            // 541 px of side panel at 13 px titles shown at 9 px or more: the map at most 541 × 13 / 9 = 781 px wide.
            assert.ok(width <= 781, `${width} px wide`);
        } finally {
            rmSync(folder, { recursive: true, force: true });
        }
    });
});
