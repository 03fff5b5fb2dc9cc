import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { mermaidRendering } from '../../src/cli/render-mermaid.js';
import { visibleText } from '../../src/render/escape.js';
import { mermaidTextLimit } from '../../src/render/text/mermaid-text.js';
import { oneLine } from '../../src/model/values.js';
import { launchChromium, skipWithoutChromium } from '../chromium.js';
import { corpus, hostileWorkspace, strategyString } from '../fixtures/hostile/corpus.js';
import { workspace } from '../helpers.js';
import { roadmapFixture, roadmapGanttText } from '../fixtures/mermaid-roadmap.js';
import { root } from './preview-harness.js';

// `strategy render --format mermaid` is read by Mermaid itself: its own bundle, loaded into a blank Chromium page (its
// parser needs a DOM), parses the gantt chart of a roadmap and the flowchart of the map, and draws them; a hostile
// title changes the text drawn, never the diagram, and runs nothing.

const bin = path.resolve('bin/strategy.cjs');
const mermaidScript = path.join(root, 'node_modules', 'mermaid', 'dist', 'mermaid.min.js');


function strategy(args: string[], cwd: string) {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** What Mermaid makes of a diagram: its type, or the parser's error; drawn, the text it shows and anything that ran. */
interface Drawn {
    type?: string;
    error?: string;
    text?: string;
    pwned?: unknown;
}

async function draw(page: Page, source: string): Promise<Drawn> {
    return page.evaluate(async source => {
        const mermaid = (globalThis as any).mermaid;
        try {
            const { diagramType } = await mermaid.parse(source);
            const { svg } = await mermaid.render(`d${Math.random().toString(36).slice(2)}`, source);
            const page = (globalThis as any).document;
            const holder = page.createElement('div');
            holder.innerHTML = svg;
            page.body.replaceChildren(holder);
            await new Promise(resolve => setTimeout(resolve, 50)); // an injected handler would have fired
            return { type: diagramType, text: holder.textContent ?? '', pwned: (globalThis as any).__pwned };
        } catch (error) {
            return { error: String((error as Error)?.message ?? error) };
        }
    }, source);
}

/** A title as the diagram shows it: on one line, invisible characters made visible, controls as �, cut past the limit. */
function shown(title: string): string {
    const chars = [...oneLine(visibleText(title)).replace(/[\u007F-\u009F]/g, '\uFFFD')];
    return chars.length > mermaidTextLimit ? [...chars.slice(0, mermaidTextLimit - 1), '…'].join('') : chars.join('');
}

describe('strategy render --format mermaid, read by Mermaid', function () {
    this.timeout(300_000);
    let browser: Browser | undefined;
    let page: Page;
    let folder: string | undefined;

    before(async function () {
        skipWithoutChromium(this);
        folder = mkdtempSync(path.join(os.tmpdir(), 'strategy-mermaid-'));
        writeFileSync(path.join(folder, 'roadmap.strategy'), roadmapFixture);
        browser = await launchChromium();
        page = await browser.newPage();
        await page.addScriptTag({ path: mermaidScript });
        await page.evaluate(() => (globalThis as any).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    });

    after(async () => {
        await browser?.close();
        if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('a roadmap canvas is a gantt chart: a section per lane, each milestone at its date as written, overdue crit, done done', async () => {
        const result = strategy(['render', '--canvas', 'Roadmap2027', '--format', 'mermaid', '--today', '2026-11-23'], folder!);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, roadmapGanttText);
        const drawn = await draw(page, result.stdout);
        assert.equal(drawn.error, undefined, drawn.error);
        assert.equal(drawn.type, 'gantt');
        for (const title of ['Roadmap 2027', 'Keep shoppers coming back', 'Personalised notifications: beta', 'Search below 200 ms', 'Other']) {
            assert.ok(drawn.text!.includes(title), `shows ${title}`);
        }
    });

    it('the map is a flowchart: objectives to sub-objectives, objectives to the solutions that advance them', async () => {
        const result = strategy(['render', path.join(root, 'examples', 'shop-app'), '--format', 'mermaid', '--today', '2026-11-23'], folder!);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^flowchart LR\n/);
        assert.match(result.stdout, /^ {4}o2\["Engagement\nIncrease monthly usage frequency of the app\n3 tickets \(2 doing\) · MonthlyRepeatUsers 25% of the way, on track"\]$/m);
        assert.match(result.stdout, /^ {4}o1 --> o2$/m);
        assert.match(result.stdout, /^ {4}o2 -\.-> s1$/m);
        const drawn = await draw(page, result.stdout);
        assert.equal(drawn.error, undefined, drawn.error);
        assert.equal(drawn.type, 'flowchart-v2');
        for (const title of ['Grow recurring revenue', 'Personalized notifications', '22% of the way, at risk']) {
            assert.ok(drawn.text!.includes(title), `shows ${title}`);
        }
    });

    it('every hostile title parses, shows as text in both diagrams, and runs nothing', async () => {
        const problems: string[] = [];
        for (const payload of corpus) {
            const s = strategyString(payload.text);
            const files = {
                ...hostileWorkspace(payload.text),
                'roadmap.strategy': `milestone Hostile ${s} { by 2027-01-31 advances Goal }\ncanvas HostileRoadmap ${s} { kind roadmap lanes Goal }\n`
            };
            const model = (await workspace(files, '2026-11-23')).services.strategy.WorkspaceModel.get();
            for (const canvas of [undefined, 'HostileRoadmap']) {
                const rendered = mermaidRendering(model, canvas, id => `no canvas ${id}`);
                const drawn = await draw(page, rendered.content!);
                const where = `${payload.name}, ${canvas ?? 'map'}`;
                if (drawn.error !== undefined) problems.push(`${where}: ${drawn.error.split('\n')[0]}`);
                else if (drawn.pwned !== undefined) problems.push(`${where}: ran ${String(drawn.pwned)}`);
                else if (!drawn.text!.includes(shown(payload.text))) problems.push(`${where}: does not show the title as text`);
            }
        }
        assert.deepEqual(problems, []);
    });

    it('the hostile fixture file parses as a flowchart and shows its titles as text', async () => {
        const text = readFileSync(path.join(root, 'test', 'fixtures', 'hostile', 'hostile.strategy'), 'utf8');
        const model = (await workspace({ 'hostile.strategy': text }, '2026-11-23')).services.strategy.WorkspaceModel.get();
        const drawn = await draw(page, mermaidRendering(model, undefined, id => id).content!);
        assert.equal(drawn.error, undefined, drawn.error);
        assert.equal(drawn.pwned, undefined);
        for (const title of ['<img src=x onerror=alert(1)>', `<script>window.__pwned = 'child'</script> & "quoted" 'single'`, '</textarea><iframe src=javascript:alert(1)>']) {
            assert.ok(drawn.text!.includes(title), `shows ${title}`);
        }
    });
});
