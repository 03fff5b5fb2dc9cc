import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../chromium.js';
import { root, startCodeServer, type CodeServer } from '../../scripts/e2e/code-server.mjs';

// What only a person sees, in a real VS Code: the packaged .vsix installed into code-server (VS Code 1.139) on a
// copy of examples/shop-app, driven by Debian's Chromium. The tests run in order on one window, as a person would
// work: colours, a mistake in the Problems panel, the preview beside the editor, a click back to the source.
// `npm run test:e2e` installs code-server (scripts/e2e/setup.mjs), packages the extension, then runs this file.
// Screenshots land in test-results/e2e/; with UPDATE_SCREENSHOTS=1 the README's also go to docs/.

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const vsix = path.join(root, `strategy-${version}.vsix`);
const results = path.join(root, 'test-results', 'e2e');
const docs = path.join(root, 'docs');
const updateDocs = process.env.UPDATE_SCREENSHOTS === '1';
const example = path.join(root, 'examples', 'shop-app');

/** One-based line of the first line of an example file that matches. */
function lineOf(file: string, pattern: RegExp): number {
    const index = readFileSync(path.join(example, file), 'utf8').split('\n').findIndex(line => pattern.test(line));
    assert.notEqual(index, -1, `${file} has a line matching ${pattern}`);
    return index + 1;
}

/** Polls `probe` until `accept` holds (bounded), and fails saying what it waited for and what it saw last. */
async function until<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean = Boolean, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let last: T | undefined;
    let lastError: unknown;
    for (;;) {
        try {
            last = await probe();
            lastError = undefined;
            if (accept(last)) return last;
        } catch (error) {
            lastError = error;
        }
        if (Date.now() > deadline) {
            const seen = lastError ? `the last try failed: ${(lastError as Error).message}` : `last seen: ${JSON.stringify(last)}`;
            throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}; ${seen}`);
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
}

describe('the packaged extension in VS Code (code-server)', function () {
    this.timeout(180_000);
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let page: Page;

    before(async function () {
        this.timeout(240_000);
        if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: \`apt-get install chromium\` (see .ci/run)`);
        if (!existsSync(vsix)) throw new Error(`${vsix} is missing: \`npm run package\` makes it (npm run test:e2e does)`);
        mkdirSync(results, { recursive: true });
        server = await startCodeServer({ workspace: 'examples/shop-app', extensions: [vsix] });
        browser = await launchChromium();
        // The clipboard permissions let the test read what Copy as PNG wrote (a person's browser asks or allows).
        page = await browser.newPage({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
        page.setDefaultTimeout(30_000);
        await page.goto(server.url);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    });

    afterEach(async function () {
        if (this.currentTest?.state === 'failed' && browser) {
            const name = this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
            await page.screenshot({ path: path.join(results, `failed-${name}.png`) }).catch(() => undefined);
            console.error(`    screenshot: test-results/e2e/failed-${name}.png; code-server said:\n${server?.output().slice(-3000)}`);
        }
    });

    after(async () => {
        await browser?.close();
        await server?.stop();
    });

    async function screenshot(name: string): Promise<void> {
        const file = path.join(results, `${name}.png`);
        await page.screenshot({ path: file });
        if (updateDocs && name.startsWith('vscode-')) {
            const target = path.join(docs, `${name}.png`);
            await page.screenshot({ path: target });
            const size = statSync(target).size;
            assert.ok(size < 300 * 1024, `${target} is ${Math.round(size / 1024)} KB; keep README screenshots under 300 KB`);
        }
    }

    /** The status bar's cursor position, "Ln 12, Col 5". */
    const cursor = () => page.locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();

    async function cursorAt(line: number, column?: number): Promise<void> {
        const expected = column === undefined ? new RegExp(`^Ln ${line}, Col \\d+`) : new RegExp(`^Ln ${line}, Col ${column}\\b`);
        await until(`the cursor at ${column === undefined ? `line ${line}` : `${line}:${column}`} (status bar)`,
            async () => (await cursor().textContent())?.trim() ?? '', text => expected.test(text));
    }

    /** Go to Line through the status bar's cursor position (it opens the same box as Ctrl+G, whatever has focus). */
    async function goTo(line: number, column: number): Promise<void> {
        await cursor().click();
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`:${line}:${column}`); // the status bar opens it as quick open in its ':' mode
        await input.press('Enter');
        await cursorAt(line, column);
    }

    async function activeTab(): Promise<string> {
        return (await page.locator('.editor-group-container.active .tab.active').first().textContent())?.trim() ?? '';
    }

    async function openFromExplorer(file: string): Promise<void> {
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().dblclick();
        await until(`${file} open in the editor`, activeTab, tab => tab.includes(file));
        await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor();
    }

    /** Text and colour of every token on the visible lines of the active editor. */
    async function tokens(): Promise<Array<{ text: string; className: string; color: string }>> {
        return page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line span > span').evaluateAll(spans =>
            spans.map(span => ({
                text: span.textContent ?? '',
                className: span.className,
                color: (globalThis as any).getComputedStyle(span).color as string
            })));
    }

    /** The frame of the preview's webview, found by its canvas or map content. */
    async function previewFrame(view: 'product' | 'strategy' | 'map' | 'roadmap'): Promise<Frame> {
        return until(`the preview's webview showing data-view="${view}"`, async () => {
            for (const frame of page.frames()) {
                const found = await frame.locator(`.strategy-view[data-view="${view}"]`).count().catch(() => 0);
                if (found) return frame;
            }
            return undefined;
        }, Boolean, 60_000) as Promise<Frame>;
    }

    const problemRows = () => page.locator('.markers-panel .monaco-list-row');

    it('colours a .strategy file: keywords, IDs, strings and comments differ', async () => {
        await openFromExplorer('backlog.strategy');
        await until('the editor\'s language mode "Strategy" in the status bar',
            () => page.locator('.statusbar-item', { hasText: /^Strategy$/ }).count(), count => count > 0);
        const colourOf = (all: Awaited<ReturnType<typeof tokens>>, text: string) => all.find(token => token.text.trim() === text);
        const seen = await until('tokens coloured by the extension\'s grammar', tokens, all => {
            const keyword = colourOf(all, 'ticket'), id = colourOf(all, 'APP-101'), reference = colourOf(all, 'Engagement');
            const string = all.find(token => token.text.startsWith('"Reorder')), comment = all.find(token => token.text.startsWith('//'));
            return Boolean(keyword && id && reference && string && comment &&
                new Set([keyword.color, id.color, string.color, comment.color]).size === 4 && reference.color !== keyword.color);
        });
        const plain = seen.find(token => token.text.trim() === '{');
        assert.notEqual(colourOf(seen, 'ticket')!.color, plain?.color, 'the keyword is not in the plain text colour');
        assert.notEqual(colourOf(seen, 'ticket')!.className, colourOf(seen, 'APP-101')!.className, 'keyword and ID have different token classes');
        await screenshot('colours');
    });

    it('lists an unresolved reference in the Problems panel after an edit, and clears it on undo', async () => {
        const line = lineOf('backlog.strategy', /^\s*serves Engagement/);
        const column = readFileSync(path.join(example, 'backlog.strategy'), 'utf8').split('\n')[line - 1]!.indexOf('Engagement') + 1;
        await goTo(line, column);
        await page.keyboard.press('Shift+End');
        await page.keyboard.type('Nowhere');
        await page.locator('#status\\.problems').click();
        await page.locator('.markers-panel').waitFor({ state: 'visible' });
        const row = problemRows().filter({ hasText: 'unresolved-reference' });
        // Typing sends one change per key, so the panel may first list a row for a prefix ("Now") of the name.
        const text = await until('an unresolved-reference row naming Nowhere in the Problems panel',
            async () => (await row.allTextContents()).join('\n'), all => /\bNowhere\b/.test(all));
        assert.match(text, new RegExp(`\\[Ln ${line}, Col ${column}\\]`), 'the row points at the reference');
        assert.equal(await row.count(), 1, 'one unresolved reference is listed');
        assert.match(await page.locator('#status\\.problems').textContent() ?? '', /1/, 'the status bar counts the error');
        await screenshot('vscode-problems');

        await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
        await page.keyboard.press('Control+Z');
        await until('the unresolved-reference row gone after undo', () => row.count(), count => count === 0);
        await until('the editor to show the original text again', tokens, all => all.some(token => token.text.trim() === 'Engagement'));
        await page.locator('#status\\.problems').click(); // hide the panel again
        await page.locator('.markers-panel').waitFor({ state: 'hidden' });
    });

    it('opens the preview with Ctrl+K V beside the editor, showing the canvas boxes', async () => {
        await openFromExplorer('canvas.strategy');
        const line = lineOf('canvas.strategy', /^\s*outcomes Engagement/);
        await goTo(line, 12);
        await page.keyboard.press('Control+K');
        await page.keyboard.press('V');
        const frame = await previewFrame('product');
        const boxes = await until('the eight boxes of the Lean Product Canvas',
            () => frame.locator('section.box[data-box]').evaluateAll(all => all.map(box => box.getAttribute('data-box'))),
            all => all.length === 8);
        assert.deepEqual([...boxes].sort(),
            ['hypotheses', 'learn-first', 'least-work', 'outcomes', 'problem', 'solutions', 'user-outcomes', 'users']);
        assert.ok(await frame.locator('section.box[data-box="problem"]').isVisible(), 'the problem box is visible');
        await until('the objective under the cursor highlighted in the preview',
            () => frame.locator('.highlighted[data-element="objective:Engagement"]').count(), count => count > 0);
        await until('a tab for the preview', async () => (await page.locator('.tab').allTextContents()).join(' | '),
            tabs => /app recurrence|Preview/i.test(tabs));
        await screenshot('vscode-preview-canvas');
    });

    it('moves the editor to the definition when an item of a box is clicked, the preview staying on its canvas', async () => {
        const frame = await previewFrame('product');
        await frame.locator('[data-element="metric:MonthlyRepeatUsers"]').first().click();
        const line = lineOf('objectives.strategy', /^metric MonthlyRepeatUsers\b/);
        await cursorAt(line, 'metric '.length + 1);
        await until('objectives.strategy the active editor', activeTab, tab => tab.includes('objectives.strategy'));
        // The click does not make the preview follow the file it opened: the canvas stays, the clicked metric lit.
        await until('the clicked metric highlighted on the canvas',
            () => frame.locator('.highlighted[data-element="metric:MonthlyRepeatUsers"]').count(), count => count > 0);
        assert.equal(await frame.locator('.strategy-view[data-view="product"]').count(), 1, 'the canvas is still shown');
    });

    it('follows the cursor out of the canvas to the alignment map', async () => {
        const line = lineOf('objectives.strategy', /^objective Engagement\b/);
        await goTo(line, 'objective '.length + 1);
        const frame = await previewFrame('map');
        await frame.locator('svg.alignment-map').waitFor({ state: 'visible' });
        await until('the objective under the cursor highlighted on the map',
            () => frame.locator('.highlighted[data-element="objective:Engagement"]').count(), count => count > 0);
        assert.ok(await frame.locator('.node[data-element="metric:MonthlyRepeatUsers"]').count() > 0, 'the map shows the metric');
        await screenshot('vscode-preview-map');
    });

    it('shows the roadmap canvas the cursor is in, a lane per objective, and a click on a milestone reveals it', async () => {
        await openFromExplorer('roadmap.strategy');
        await goTo(lineOf('roadmap.strategy', /^\s*kind roadmap/), 3);
        const frame = await previewFrame('roadmap');
        await until('the two lanes of the roadmap', () => frame.locator('g.lane').count(), count => count === 2);
        const milestones = await until('the milestones at their dates',
            () => frame.locator('g.milestone[data-element]').evaluateAll(all => all.map(each => each.getAttribute('data-element'))),
            all => all.length === 3);
        assert.deepEqual([...milestones].sort(), ['milestone:AppCheckout', 'milestone:NotificationsBeta', 'milestone:RepeatBasket']);
        // The example's window is 2026-10-01 to 2027-06-30: today's line is drawn while today is inside it.
        const today = new Date().toISOString().slice(0, 10);
        if (today >= '2026-10-01' && today <= '2027-06-30') assert.equal(await frame.locator('g.today').count(), 1, 'today\'s line is drawn');
        await screenshot('vscode-preview-roadmap');
        await frame.locator('g.milestone[data-element="milestone:NotificationsBeta"]').first().click();
        await cursorAt(lineOf('roadmap.strategy', /^milestone NotificationsBeta\b/), 'milestone '.length + 1);
    });

    it('copies what the preview shows to the clipboard as a PNG image (Copy as PNG, from the command palette)', async () => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill('>Strategy: Copy as PNG');
        await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Copy as PNG' }).first().waitFor();
        await input.press('Enter');
        const outcome = await until('"Copied … as PNG" in the status bar, or an error notification',
            async () => (await page.locator('.statusbar-item', { hasText: /Copied .* as PNG/ }).count()) > 0 ? 'copied'
                : (await page.locator('.notifications-toasts .notification-list-item-message').allTextContents()).join(' | '),
            text => text.length > 0);
        assert.equal(outcome, 'copied');
        const signature = await page.evaluate(async () => {
            const [item] = await (globalThis as any).navigator.clipboard.read();
            const blob = await item.getType('image/png');
            return [...new Uint8Array(await blob.arrayBuffer()).subarray(0, 8)];
        });
        assert.deepEqual(signature, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG image on the clipboard');
    });
});
