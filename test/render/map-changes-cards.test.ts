import assert from 'node:assert/strict';
import * as path from 'node:path';
import { buildWorkspace } from '../../src/cli/load-workspace.js';
import { diffStrategies, type DiffSide } from '../../src/model/diff/strategy-diff.js';
import { previewView, type MapView } from '../../src/model/preview-view.js';
import { mapCardSvg, mapHtml } from '../../src/render/map/alignment-map.js';
import type { MapChanges } from '../../src/render/map/map-changes.js';

// The changes view's whole cards, asked for one at a time as the preview expands them (strategy/renderCard with a
// comparison): each the same as the whole card the changes view carries when that card is expanded, marked alike,
// the "Other changes" group's included (what no card of the map showed).

const today = '2026-11-23';

async function side(label: string, texts: Record<string, string>): Promise<{ side: DiffSide; view: MapView }> {
    const { services, documents } = await buildWorkspace(Object.entries(texts).map(([name, text]) => ({ file: path.join('/ws', name), text })), today);
    const model = services.strategy.WorkspaceModel.get();
    return {
        side: { label, diagnostics: [], metrics: model.metrics, files: documents.map(document => ({ path: path.basename(document.uri.fsPath), model: document.parseResult.value })) },
        view: previewView(model, undefined) as MapView
    };
}

const milestones = (title: string) => Array.from({ length: 7 }, (_, index) => `milestone M${index} "${title} ${index}" { by 2027-0${index + 1}-15 }`).join('\n');
const goals = 'objective Grow "Grow" { metric Weekly }\nmetric Weekly "Weekly orders" { baseline 20 target 30 by 2027-06-30 current 22 }\n';
const work = (status: string) => Array.from({ length: 6 }, (_, index) => `ticket T-${index} "Ticket ${index}" { serves Grow status ${index === 5 ? status : 'done'} }`).join('\n');

/** The texts of some markup, as a reader sees them: what the map's whole card and the one asked for alone must share. */
const text = (markup: string) => markup.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('the changes view\'s whole cards, one at a time', () => {
    let view: MapView;
    let changes: MapChanges;
    before(async () => {
        const base = await side('HEAD', { 'goals.strategy': goals, 'work.strategy': work('todo'), 'roadmap.strategy': milestones('Old') });
        const head = await side('workspace', { 'goals.strategy': goals, 'work.strategy': work('doing'), 'roadmap.strategy': milestones('New') });
        view = head.view;
        changes = { revision: 'HEAD', commit: '0123456789abcdef', diff: diffStrategies(base.side, head.side) };
    });

    for (const key of ['objective:Grow', 'group:other-changes']) {
        it(`answers ${key} as the changes view draws it expanded, marked`, () => {
            const bare = mapHtml(view, { interactive: true, changes });
            assert.doesNotMatch(bare, /class="map-whole"/, 'no whole card unless expanded');
            const expanded = mapHtml(view, { interactive: true, changes, expanded: new Set([key]) });
            const whole = expanded.slice(expanded.indexOf('<g class="map-whole"'), expanded.lastIndexOf('</g></svg>'));
            assert.ok(whole.length > 0, 'the expanded card\'s whole card is carried');
            const card = mapCardSvg(view, key, changes);
            assert.ok(card, `${key} has a whole card`);
            assert.equal(text(card), text(whole));
            if (key === 'objective:Grow') {
                assert.match(card, /data-element="ticket:T-5"[^>]*>.*?>changed<\/text>.*?status todo → doing/s);
                assert.doesNotMatch(mapCardSvg(view, key) ?? '', /diff-|todo → doing/, 'without the comparison, the map\'s card');
            } else {
                // Seven milestones retitled: the summary lists five, the whole card all seven.
                for (let index = 0; index < 7; index++) assert.match(card, new RegExp(`milestone M${index}<`));
            }
        });
    }
});
