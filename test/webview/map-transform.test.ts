import assert from 'node:assert/strict';
import {
    clampZoom, constrain, cssTransform, fitTransform, maxZoom, minZoom, panToShow, readableZoom, stepZoom, wheelSteps, zoomLevels, zoomTo
} from '../../src/webview/map-transform.js';
import { parsePreviewState } from '../../src/webview/preview-state.js';
import { problemsText } from '../../src/webview/shell.js';

describe('map pan and zoom', () => {
    it('zooms around the pointer: the map point under it stays where it is', () => {
        const before = { zoom: 0.5, pan: { x: 40, y: -20 } };
        const anchor = { x: 300, y: 200 };
        const after = zoomTo(before, 1, anchor);
        assert.equal(after.zoom, 1);
        const mapPoint = (t: typeof before) => ({ x: (anchor.x - t.pan.x) / t.zoom, y: (anchor.y - t.pan.y) / t.zoom });
        assert.deepEqual(mapPoint(after), mapPoint(before));
    });

    it('steps through the image preview\'s zoom levels, and keeps the zoom within them', () => {
        assert.deepEqual(zoomLevels, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.5, 2, 3, 5]);
        assert.equal(stepZoom(1, 1), 1.5);
        assert.equal(stepZoom(1, -1), 0.9);
        assert.equal(stepZoom(0.85, 1), 0.9, 'a fitted zoom between levels goes to the next level up');
        assert.equal(stepZoom(0.85, -1), 0.8);
        assert.equal(stepZoom(0.1 + 0.2, -1), 0.2, 'arithmetic noise counts as the level');
        assert.equal(stepZoom(maxZoom, 1), maxZoom);
        assert.equal(stepZoom(minZoom, -1), minZoom);
        assert.equal(zoomTo({ zoom: 3, pan: { x: 0, y: 0 } }, 100, { x: 0, y: 0 }).zoom, maxZoom);
        assert.equal(clampZoom(0), minZoom);
        assert.equal(clampZoom(Number.NaN), 1);
    });

    it('makes one zoom step per wheel notch, adds up a trackpad\'s small deltas, and starts afresh on a turn back', () => {
        assert.deepEqual(wheelSteps(0, -100), { step: 1, pending: 0 }, 'a notch up zooms in one step');
        assert.deepEqual(wheelSteps(0, 300), { step: -1, pending: 0 }, 'never more than one step per event');
        assert.deepEqual(wheelSteps(0, -10), { step: 0, pending: -10 });
        assert.deepEqual(wheelSteps(-45, -10), { step: 1, pending: 0 });
        assert.deepEqual(wheelSteps(-45, 10), { step: 0, pending: 10 });
    });

    it('fits a map centred across and at the top, never enlarges a small one, and never goes below the readable zoom', () => {
        const fit = fitTransform({ width: 800, height: 600 }, { width: 900, height: 300 });
        assert.ok(Math.abs(fit.zoom - (800 - 32) / 900) < 1e-9);
        assert.deepEqual(fit.pan, { x: 16, y: 16 }, 'at the top: no empty band above the map');
        assert.deepEqual(fitTransform({ width: 800, height: 600 }, { width: 200, height: 100 }), { zoom: 1, pan: { x: 300, y: 16 } });
        assert.deepEqual(fitTransform({ width: 541, height: 700 }, { width: 3000, height: 1000 }), { zoom: readableZoom, pan: { x: 16, y: 16 } },
            'a map too big for the readable zoom starts at its top-left corner');
    });

    it('keeps a strip of the map in view however far it is dragged', () => {
        const viewport = { width: 800, height: 600 };
        const content = { width: 1000, height: 1000 };
        assert.deepEqual(constrain({ zoom: 1, pan: { x: 5000, y: -5000 } }, viewport, content).pan, { x: 752, y: -952 });
        assert.deepEqual(constrain({ zoom: 1, pan: { x: -100, y: 50 } }, viewport, content).pan, { x: -100, y: 50 });
    });

    it('pans an element outside the viewport to its middle, and leaves one inside alone', () => {
        const t = { zoom: 1, pan: { x: 0, y: 0 } };
        const viewport = { width: 800, height: 600 };
        assert.equal(panToShow(t, viewport, { x: 10, y: 10, width: 100, height: 20 }), t);
        assert.deepEqual(panToShow(t, viewport, { x: 1000, y: 700, width: 100, height: 20 }).pan, { x: 400 - 1050, y: 300 - 710 });
    });

    it('writes the CSS transform the webview sets', () => {
        assert.equal(cssTransform({ zoom: 0.5, pan: { x: 10.123, y: -3 } }), 'translate(10.12px, -3px) scale(0.5)');
    });
});

describe('preview state and header', () => {
    it('restores a saved state field by field and repairs what is malformed', () => {
        assert.deepEqual(parsePreviewState({ uri: 'file:///a.strategy', canvas: 'C', zoom: 2, pan: { x: 1, y: 2 }, scroll: { x: 0, y: 30 } }),
            { uri: 'file:///a.strategy', canvas: 'C', zoom: 2, pan: { x: 1, y: 2 }, scroll: { x: 0, y: 30 } });
        assert.deepEqual(parsePreviewState({ zoom: 'big', pan: null, scroll: { x: -5, y: Number.NaN }, canvas: 7 }),
            { zoom: 1, pan: { x: 0, y: 0 }, scroll: { x: 0, y: 0 } });
        assert.equal(parsePreviewState(undefined), undefined);
        assert.equal(parsePreviewState('state'), undefined);
        assert.equal(parsePreviewState({ zoom: 1e9 })?.zoom, maxZoom);
        // The expanded cards: keys as the extension takes them, each once; none at all leaves the field out.
        assert.deepEqual(parsePreviewState({ expanded: ['objective:Grow', 7, '', 'x'.repeat(1001), 'objective:Grow', 'group:health'] })?.expanded,
            ['objective:Grow', 'group:health']);
        assert.equal(parsePreviewState({ expanded: 'objective:Grow' })?.expanded, undefined);
        assert.equal(parsePreviewState({ expanded: [null] })?.expanded, undefined);
        // The focused objective: one key as a card's, or none.
        assert.equal(parsePreviewState({ focus: 'objective:Grow' })?.focus, 'objective:Grow');
        assert.equal(parsePreviewState({ focus: ['objective:Grow'] })?.focus, undefined);
        assert.equal(parsePreviewState({ focus: 'x'.repeat(1001) })?.focus, undefined);
        assert.equal(parsePreviewState({ focus: '' })?.focus, undefined);
    });

    it('words the problem counts', () => {
        assert.equal(problemsText({ errors: 0, warnings: 0, infos: 0 }), 'No problems');
        assert.equal(problemsText({ errors: 1, warnings: 2, infos: 0 }), '1 error, 2 warnings');
        assert.equal(problemsText({ errors: 0, warnings: 0, infos: 1 }), '1 info');
    });
});
