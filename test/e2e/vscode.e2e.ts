import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { root } from '../../scripts/e2e/code-server.mjs';
import { until, useWorkbench } from './workbench.js';

// What only a person sees, in a real VS Code: the packaged .vsix installed into code-server (VS Code 1.139) on a
// copy of examples/shop-app, driven by Debian's Chromium. The tests run in order on one window, as a person would
// work: colours, a mistake in the Problems panel, the preview beside the editor, a click back to the source.
// `npm run test:e2e` installs code-server (scripts/e2e/setup.mjs), packages the extension, then runs this file.
// Screenshots land in test-results/e2e/; with UPDATE_SCREENSHOTS=1 the README's also go to docs/.

const example = path.join(root, 'examples', 'shop-app');

/** One-based line of the first line of an example file that matches. */
function lineOf(file: string, pattern: RegExp): number {
    const index = readFileSync(path.join(example, file), 'utf8').split('\n').findIndex(line => pattern.test(line));
    assert.notEqual(index, -1, `${file} has a line matching ${pattern}`);
    return index + 1;
}

describe('the packaged extension in VS Code (code-server)', function () {
    this.timeout(180_000);
    const workbench = useWorkbench(() => 'examples/shop-app');
    const { screenshot, cursorAt, goTo, activeTab, openFromExplorer, previewFrame, runCommand } = workbench;
    let page: Page;
    before(() => { page = workbench.page; });

    /** Text and colour of every token on the visible lines of the active editor. */
    async function tokens(): Promise<Array<{ text: string; className: string; color: string }>> {
        return page.locator('.editor-group-container.active .monaco-editor .view-lines .view-line span > span').evaluateAll(spans =>
            spans.map(span => ({
                text: span.textContent ?? '',
                className: span.className,
                color: (globalThis as any).getComputedStyle(span).color as string
            })));
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
        await screenshot('shop-preview-canvas');
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
        await screenshot('shop-preview-map');
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
        await runCommand('Strategy: Copy as PNG');
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
