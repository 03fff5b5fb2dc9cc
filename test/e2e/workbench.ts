import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { chromiumPath, launchChromium } from '../chromium.js';
import { root, startCodeServer, type CodeServer } from '../../scripts/e2e/code-server.mjs';

// What the code-server runs share: the packaged .vsix installed into code-server on a copy of a workspace, one
// Chromium window at 1440×900 for a describe block, and the ways a person moves in it (Go to Line, Quick Open, the
// command palette) with the waits that say what they waited for. Screenshots land in test-results/e2e/; with
// UPDATE_SCREENSHOTS=1 those named vscode-* also go to docs/ for the README.

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
const vsix = path.join(root, `strategy-${version}.vsix`);
const results = path.join(root, 'test-results', 'e2e');
const docs = path.join(root, 'docs');
const updateDocs = process.env.UPDATE_SCREENSHOTS === '1';

/** Polls `probe` until `accept` holds (bounded), and fails saying what it waited for and what it saw last. */
export async function until<T>(what: string, probe: () => Promise<T>, accept: (value: T) => boolean = Boolean, timeoutMs = 30_000): Promise<T> {
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

export type PreviewKind = 'product' | 'strategy' | 'map' | 'roadmap';

export interface Workbench {
    /** The window's page; set once the `before` hook has run. */
    readonly page: Page;
    /** The workspace copy code-server opened (edit it freely). */
    readonly folder: string;
    screenshot(name: string): Promise<void>;
    cursorAt(line: number, column?: number): Promise<void>;
    goTo(line: number, column: number): Promise<void>;
    activeTab(): Promise<string>;
    openFromExplorer(file: string): Promise<void>;
    /** Opens a file by name through Quick Open, as one does in a workspace whose folders are collapsed. */
    quickOpen(file: string): Promise<void>;
    /** Runs a command of the command palette by its title ("Strategy: Toggle Preview Locking"). */
    runCommand(title: string): Promise<void>;
    previewFrame(view: PreviewKind): Promise<Frame>;
}

/**
 * Registers the hooks of a describe block that works in one code-server window on a copy of `workspace` (relative to
 * the repository or absolute): started before the tests, a screenshot and code-server's output on a failure, closed
 * after. Returns the helpers, bound to that window.
 */
export function useWorkbench(workspace: () => string): Workbench {
    let server: CodeServer | undefined;
    let browser: Browser | undefined;
    let page: Page | undefined;
    const current = () => {
        assert.ok(page, 'the workbench is started in the before hook');
        return page;
    };

    before(async function () {
        this.timeout(240_000);
        if (!existsSync(chromiumPath)) throw new Error(`${chromiumPath} is missing: \`apt-get install chromium\` (see .ci/run)`);
        if (!existsSync(vsix)) throw new Error(`${vsix} is missing: \`npm run package\` makes it (npm run test:e2e does)`);
        mkdirSync(results, { recursive: true });
        server = await startCodeServer({ workspace: workspace(), extensions: [vsix] });
        browser = await launchChromium();
        // The clipboard permissions let a test read what Copy as PNG wrote (a person's browser asks or allows).
        page = await browser.newPage({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
        page.setDefaultTimeout(30_000);
        await page.goto(server.url);
        await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    });

    afterEach(async function () {
        if (this.currentTest?.state === 'failed' && page) {
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
        await current().screenshot({ path: path.join(results, `${name}.png`) });
        if (updateDocs && name.startsWith('vscode-')) {
            const target = path.join(docs, `${name}.png`);
            await current().screenshot({ path: target });
            const size = statSync(target).size;
            assert.ok(size < 300 * 1024, `${target} is ${Math.round(size / 1024)} KB; keep README screenshots under 300 KB`);
        }
    }

    /** The status bar's cursor position, "Ln 12, Col 5". */
    const cursor = () => current().locator('.statusbar-item', { hasText: /^Ln \d+, Col \d+/ }).first();

    async function cursorAt(line: number, column?: number): Promise<void> {
        const expected = column === undefined ? new RegExp(`^Ln ${line}, Col \\d+`) : new RegExp(`^Ln ${line}, Col ${column}\\b`);
        await until(`the cursor at ${column === undefined ? `line ${line}` : `${line}:${column}`} (status bar)`,
            async () => (await cursor().textContent())?.trim() ?? '', text => expected.test(text));
    }

    /** Go to Line through the status bar's cursor position (it opens the same box as Ctrl+G, whatever has focus). */
    async function goTo(line: number, column: number): Promise<void> {
        await cursor().click();
        const input = current().locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible' });
        await input.fill(`:${line}:${column}`); // the status bar opens it as quick open in its ':' mode
        await input.press('Enter');
        await cursorAt(line, column);
    }

    async function activeTab(): Promise<string> {
        return (await current().locator('.editor-group-container.active .tab.active').first().textContent())?.trim() ?? '';
    }

    async function editorShows(file: string): Promise<void> {
        await until(`${file} open in the editor`, activeTab, tab => tab.includes(file));
        await current().locator('.editor-group-container.active .monaco-editor .view-lines').first().waitFor();
    }

    async function openFromExplorer(file: string): Promise<void> {
        await current().locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().dblclick();
        await editorShows(file);
    }

    /**
     * F1 opens the palette in its '>' (commands) mode; what is typed in place of the '>' is Quick Open's. The palette
     * closes when it loses the focus, as it does to a webview taking the focus late: then it is opened again.
     */
    async function palette(text: string, row: string | RegExp): Promise<void> {
        const input = current().locator('.quick-input-widget input');
        await until(`the palette listing ${row} for "${text}"`, async () => {
            if (!(await input.isVisible())) await current().keyboard.press('F1');
            await input.fill(text, { timeout: 2_000 });
            await current().locator('.quick-input-widget .monaco-list-row', { hasText: row }).first().waitFor({ timeout: 2_000 });
            return true;
        });
        await input.press('Enter');
    }

    async function quickOpen(file: string): Promise<void> {
        await palette(file, file);
        await editorShows(file);
    }

    async function runCommand(title: string): Promise<void> {
        await palette(`>${title}`, title.replace(/^.*: /, ''));
    }

    /** The frame of the preview's webview, found by its canvas or map content. */
    async function previewFrame(view: PreviewKind): Promise<Frame> {
        return until(`the preview's webview showing data-view="${view}"`, async () => {
            for (const frame of current().frames()) {
                const found = await frame.locator(`.strategy-view[data-view="${view}"]`).count().catch(() => 0);
                if (found) return frame;
            }
            return undefined;
        }, Boolean, 60_000) as Promise<Frame>;
    }

    return {
        get page() { return current(); },
        get folder() { assert.ok(server, 'code-server is started in the before hook'); return server.folder; },
        screenshot, cursorAt, goTo, activeTab, openFromExplorer, quickOpen, runCommand, previewFrame
    };
}
