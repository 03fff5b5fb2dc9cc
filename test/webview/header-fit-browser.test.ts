import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import type { Diagnostic } from 'vscode-languageserver';
// @ts-expect-error: the generator is a plain ES module of the benchmarks, without types.
import { generateWorkspace } from '../../scripts/bench/generate-workspace.mjs';
import type { DiagnosticCounts } from '../../src/protocol/webview-messages.js';
import { problemsShortText, problemsText } from '../../src/webview/shell.js';
import {
    launchChromium, openPreview, PreviewServer, renderWorkspace, skipWithoutChromium, updateMessage, type PreviewPage, type RenderedView
} from './preview-harness.js';

// The preview's header at the side panel's width (541 px) stays one line and cuts no text: the counts of the bundled
// example's map and of a team's map (20 objectives, 300 tickets), with their real Problems counts, read whole words.

/** Problems as the extension counts them for the header (LSP severities: 1 error, 2 warning, 3 information). */
function countsOf(diagnostics: Diagnostic[]): DiagnosticCounts {
    const count = (severity: number) => diagnostics.filter(each => each.severity === severity).length;
    return { errors: count(1), warnings: count(2), infos: count(3) };
}

interface HeaderPart { text: string; scrollWidth: number; clientWidth: number; top: number; bottom: number }

const partSelector = '.preview-title, .view-info .view-summary, .view-info .view-legend > summary, .preview-header button';

/** Every visible text of the header line (title, counts, legend's summary, buttons) and the header's own box. */
async function headerParts(preview: PreviewPage): Promise<{ header: HeaderPart; parts: HeaderPart[] }> {
    // Inline functions only: a named one would be compiled with a helper the page does not have.
    const measureAll = (elements: any[]): HeaderPart[] => elements.filter(element => element.getClientRects().length > 0).map(element => ({
        text: element.textContent.trim(), scrollWidth: element.scrollWidth, clientWidth: element.clientWidth,
        top: element.getBoundingClientRect().top, bottom: element.getBoundingClientRect().bottom
    }));
    const [header] = await preview.page.locator('.preview-header').evaluateAll(measureAll);
    return { header: header!, parts: await preview.page.locator(partSelector).evaluateAll(measureAll) };
}

describe('the preview header at the side panel width, in Chromium', function () {
    it('counts problems as the status bar does, zeros left out', () => {
        assert.equal(problemsShortText({ errors: 0, warnings: 0, infos: 0 }), '✓');
        assert.equal(problemsShortText({ errors: 2, warnings: 0, infos: 12 }), '⊗ 2 ℹ\uFE0E 12');
    });

    this.timeout(180_000);
    let browser: Browser | undefined;
    let server: PreviewServer | undefined;
    let team: string | undefined;
    const cases: Array<{ name: string; map: RenderedView; counts: DiagnosticCounts; objectives: string }> = [];

    before(async function () {
        skipWithoutChromium(this);
        team = mkdtempSync(path.join(tmpdir(), 'strategy-header-team-'));
        generateWorkspace(team, { team: true });
        for (const [name, folder, objectives] of [['the example', 'examples/shop-app', '3 objectives'], ['a team workspace', team, '20 objectives']] as const) {
            const { views: [map], diagnostics } = await renderWorkspace(folder, [undefined]);
            cases.push({ name, map: map!, counts: countsOf(diagnostics), objectives });
        }
        assert.ok(cases[1]!.counts.warnings > 0, 'the team workspace has warnings, as a real one does');
        server = await PreviewServer.start();
        browser = await launchChromium();
    });

    after(async () => {
        await browser?.close();
        await server?.close();
        if (team) rmSync(team, { recursive: true, force: true });
    });

    it('keeps the header one line at 541 px with every text whole, the full counts in the tooltip', async () => {
        for (const { name, map, counts, objectives } of cases) {
            const preview = await openPreview(browser!, server!, { width: 541, height: 800 });
            await preview.send(updateMessage(map, counts));
            const { header, parts } = await headerParts(preview);
            assert.ok(header.scrollWidth <= header.clientWidth, `${name}: the header overflows (${header.scrollWidth} > ${header.clientWidth} px)`);
            assert.ok(header.bottom - header.top <= 40, `${name}: the header is ${header.bottom - header.top} px high`);
            assert.equal(parts.length, 9, `${name}: title, counts, legend, the filter's funnel, four zoom buttons and Problems: ${parts.map(part => part.text).join(' | ')}`);
            for (const part of parts) {
                assert.ok(part.scrollWidth <= part.clientWidth, `${name}: "${part.text}" is cut (${part.scrollWidth} > ${part.clientWidth} px)`);
                assert.ok(part.top >= header.top && part.bottom <= header.bottom, `${name}: "${part.text}" is outside the header's line`);
            }
            const summary = preview.page.locator('#preview-view-info .view-summary');
            const whole = (await summary.getAttribute('title'))!;
            assert.match(whole, /^\d+ objectives · \d+ metrics · \d+ solutions · \d+ tickets/, `${name}: the tooltip has every count`);
            const shown = (await summary.textContent())!;
            assert.ok(shown.startsWith(`${objectives} · `), `${name}: the counts start with the objectives: "${shown}"`);
            // Whole parts of the counts, and `…` where some are left out.
            assert.ok(shown === whole || (shown.endsWith(' · …') && whole.startsWith(shown.slice(0, -1))), `${name}: "${shown}" for "${whole}"`);
            const problems = preview.page.locator('#preview-problems');
            assert.match((await problems.getAttribute('aria-label'))!, counts.warnings > 0 ? /\d+ warnings?.*: show the Problems panel$/ : /^No problems: show the Problems panel$/);
            assert.equal(await problems.getAttribute('title'), await problems.getAttribute('aria-label'));
            assert.ok([problemsText(counts), problemsShortText(counts)].includes((await problems.textContent())!), `${name}: Problems reads "${await problems.textContent()}"`);
            assert.deepEqual(preview.pageErrors, []);
            await preview.page.close();
        }
    });

    it('shows a canvas\'s whole title at 541 px: with no counts beside it, the title takes the line before anything is cut', async () => {
        const { views: [canvas], diagnostics } = await renderWorkspace(team!, ['ProductCanvas1']);
        const counts = countsOf(diagnostics);
        const preview = await openPreview(browser!, server!, { width: 541, height: 800 });
        await preview.send(updateMessage(canvas!, counts));
        const { header, parts } = await headerParts(preview);
        const title = parts.find(part => part.text === canvas!.title);
        assert.ok(title, `the title "${canvas!.title}" is shown whole: ${parts.map(part => part.text).join(' | ')}`);
        assert.ok(title.scrollWidth <= title.clientWidth, `"${title.text}" is cut (${title.scrollWidth} > ${title.clientWidth} px)`);
        assert.ok(header.scrollWidth <= header.clientWidth && header.bottom - header.top <= 40, 'the header is one line inside the panel');
        assert.ok([problemsText(counts), problemsShortText(counts)].includes((await preview.page.locator('#preview-problems').textContent())!));
        await preview.page.close();
    });

    it('gives the whole counts and Problems text back when the panel is widened', async () => {
        const { map, counts } = cases[1]!;
        const preview = await openPreview(browser!, server!, { width: 541, height: 800 });
        await preview.send(updateMessage(map, counts));
        const summary = preview.page.locator('#preview-view-info .view-summary');
        assert.notEqual(await summary.textContent(), await summary.getAttribute('title'), 'cut short at 541 px');
        await preview.page.setViewportSize({ width: 1400, height: 800 });
        await preview.page.waitForFunction(() => {
            const element = (globalThis as any).document.querySelector('#preview-view-info .view-summary');
            return element.textContent === element.title;
        });
        assert.match((await preview.page.locator('#preview-problems').textContent())!, /^\d+ warnings?, \d+ infos?$/);
        await preview.page.close();
    });
});
