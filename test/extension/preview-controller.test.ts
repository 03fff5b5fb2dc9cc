import assert from 'node:assert/strict';
import type { CompareParams, PreviewTarget, PreviewTargetParams, RenderParams, RenderResult } from '../../src/protocol/strategy-protocol.js';
import { PreviewController, type PreviewPorts } from '../../src/extension/preview/preview-controller.js';
import type { RevealMessage, ToWebviewMessage } from '../../src/protocol/webview-messages.js';

const canvasFile = 'file:///ws/canvas.strategy';
const objectivesFile = 'file:///ws/objectives.strategy';
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

function deferred<T>(): { promise: Promise<T>; resolve(value: T): void } {
    let resolve!: (value: T) => void;
    const promise = new Promise<T>(done => { resolve = done; });
    return { promise, resolve };
}

/** Ports that record everything; renders answer from `views` (canvas ID or '' for the map), targets from `targets`. */
class Fakes implements PreviewPorts {
    posted: ToWebviewMessage[] = [];
    renders: RenderParams[] = [];
    reveals: RevealMessage[] = [];
    logs: string[] = [];
    titles: string[] = [];
    problems = 0;
    /** Where a reveal lands: by default where it was asked, at once. */
    landing: Promise<{ line: number; character: number } | undefined> | undefined;
    views = new Map<string, string>([['', '<div class="strategy-view" data-view="map">map</div>'], ['AppRecurrence', '<div>canvas</div>']]);
    targets: Array<PreviewTarget | null> = [];
    gate: Promise<void> | undefined;

    async render(params: RenderParams): Promise<RenderResult | null> {
        this.renders.push(params);
        await this.gate;
        const content = this.views.get(params.canvas ?? '');
        return content === undefined ? null : { title: params.canvas ?? 'Alignment map', content, uris: [canvasFile, objectivesFile] };
    }
    compared: CompareParams[] = [];
    /** What the Strategy view is told: each comparison begun, and undefined when it ends. */
    comparisons: Array<CompareParams | undefined> = [];
    comparisonChanged(params: CompareParams | undefined): void { this.comparisons.push(params); }
    /** Revisions whose changes view fails to render (a branch deleted since). */
    failing = new Set<string>();
    async renderChanges(params: CompareParams): Promise<RenderResult> {
        this.compared.push(params);
        if (this.failing.has(params.revision)) throw new Error(`Unknown revision '${params.revision}'`);
        return { title: `Changes since ${params.revision}`, content: `<div class="strategy-view" data-view="map">changes since ${params.revision}</div>`, uris: [objectivesFile] };
    }
    async renderCard(): Promise<null> { return null; }
    async target(_params: PreviewTargetParams): Promise<PreviewTarget | null> {
        return this.targets.shift() ?? null;
    }
    post(message: ToWebviewMessage): void { this.posted.push(message); }
    setTitle(title: string): void { this.titles.push(title); }
    async reveal(message: RevealMessage): Promise<{ line: number; character: number } | undefined> {
        this.reveals.push(message);
        return this.landing ?? { line: message.line, character: message.character };
    }
    showProblems(): void { this.problems++; }
    log(message: string): void { this.logs.push(message); }

    types(): string[] {
        return this.posted.map(message => message.type);
    }
}

async function readyController(fakes: Fakes, canvas?: string): Promise<PreviewController> {
    const controller = new PreviewController(fakes, { uri: canvasFile, canvas });
    await controller.render();
    controller.receive({ type: 'ready' });
    return controller;
}

describe('preview controller', () => {
    it('renders at once but posts nothing before the webview is ready, then sends the content and the highlight', async () => {
        const fakes = new Fakes();
        const controller = new PreviewController(fakes, { uri: canvasFile, canvas: 'AppRecurrence' }, { errors: 1, warnings: 0, infos: 0 });
        await controller.render();
        assert.deepEqual(fakes.posted, []);
        assert.deepEqual(fakes.titles, ['Preview AppRecurrence']);
        controller.receive({ type: 'ready' });
        assert.deepEqual(fakes.posted, [
            { type: 'update', title: 'AppRecurrence', html: '<div>canvas</div>', diagnostics: { errors: 1, warnings: 0, infos: 0 }, source: { uri: canvasFile, canvas: 'AppRecurrence' } },
            { type: 'highlight', element: undefined }
        ]);
    });

    it('opened on an editor, renders once what the cursor is in, also when the webview says ready mid-render', async () => {
        const fakes = new Fakes();
        const gate = deferred<void>();
        fakes.gate = gate.promise;
        fakes.targets.push({ canvas: 'AppRecurrence', element: 'objective:Engagement' });
        const controller = new PreviewController(fakes, { uri: canvasFile });
        const following = controller.cursorAt(canvasFile, { line: 3, character: 2 });
        await new Promise(resolve => setImmediate(resolve));
        controller.receive({ type: 'ready' });
        gate.resolve();
        await following;
        assert.deepEqual(fakes.renders, [{ canvas: 'AppRecurrence', format: 'fragment' }]);
        assert.deepEqual(fakes.types(), ['update', 'highlight']);
        assert.deepEqual(fakes.posted[1], { type: 'highlight', element: 'objective:Engagement' });
    });

    it('sends the last content again when the webview comes back after being hidden', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes);
        controller.webviewGone();
        fakes.views.set('', '<div class="strategy-view" data-view="map">edited</div>');
        await controller.render();
        assert.deepEqual(fakes.types(), ['update', 'highlight'], 'nothing posted while hidden');
        controller.receive({ type: 'ready' });
        assert.deepEqual(fakes.types(), ['update', 'highlight', 'update', 'highlight']);
        assert.match((fakes.posted[2] as { html: string }).html, /edited/);
    });

    it('runs one render at a time, and one more for the changes during it', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes);
        const gate = deferred<void>();
        fakes.gate = gate.promise;
        fakes.views.set('', 'v2');
        const renders = [controller.render(), controller.render(), controller.render()];
        gate.resolve();
        await Promise.all(renders);
        assert.equal(fakes.renders.length, 3, 'the first render, the one in flight, and one more after it');
        assert.deepEqual(fakes.types(), ['update', 'highlight', 'update', 'highlight'], 'identical content is not sent twice');
    });

    it('shows the map when the canvas it shows is gone', async () => {
        const fakes = new Fakes();
        await readyController(fakes, 'Renamed');
        assert.deepEqual(fakes.renders.map(params => params.canvas), ['Renamed', undefined]);
        assert.deepEqual((fakes.posted[0] as { source: unknown }).source, { uri: canvasFile });
    });

    it('follows the canvas under the cursor and highlights the element there', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes);
        fakes.targets.push({ canvas: 'AppRecurrence', element: 'objective:Engagement' });
        await controller.cursorAt(canvasFile, { line: 3, character: 12 });
        assert.equal(fakes.renders.at(-1)?.canvas, 'AppRecurrence');
        assert.deepEqual(fakes.posted.slice(2).map(message => message.type === 'highlight' ? message.element : message.type), ['update', 'objective:Engagement']);
        fakes.targets.push({ canvas: 'AppRecurrence', element: 'ticket:APP-101' });
        await controller.cursorAt(canvasFile, { line: 9, character: 40 });
        assert.deepEqual(fakes.posted.at(-1), { type: 'highlight', element: 'ticket:APP-101' });
        assert.equal(fakes.renders.length, 2, 'the same canvas is not rendered again');
        fakes.targets.push({ canvas: 'AppRecurrence', element: 'ticket:APP-101' });
        await controller.cursorAt(canvasFile, { line: 9, character: 41 });
        assert.equal(fakes.posted.length, 5, 'the same element is not highlighted again');
    });

    it('stays on a roadmap while the cursor is on a milestone or ticket it draws, outside any canvas', async () => {
        const fakes = new Fakes();
        fakes.views.set('Roadmap', '<div class="strategy-view" data-view="roadmap"><svg><g data-element="milestone:Beta"></g><g data-element="ticket:A&amp;B"></g></svg></div>');
        const controller = await readyController(fakes, 'Roadmap');
        fakes.posted = [];
        fakes.targets.push({ element: 'milestone:Beta' }, { element: 'ticket:A&B' }, { element: 'objective:Growth' });
        await controller.cursorAt(objectivesFile, { line: 1, character: 0 });
        await controller.cursorAt(objectivesFile, { line: 2, character: 0 });
        assert.deepEqual(fakes.posted, [{ type: 'highlight', element: 'milestone:Beta' }, { type: 'highlight', element: 'ticket:A&B' }]);
        assert.deepEqual(fakes.renders.map(params => params.canvas), ['Roadmap']);
        await controller.cursorAt(objectivesFile, { line: 3, character: 0 });
        assert.deepEqual(fakes.renders.map(params => params.canvas), ['Roadmap', undefined], 'an element it does not draw: the map');
    });

    it('drops a target that arrives after a newer one was asked for', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes);
        const slow = deferred<PreviewTarget | null>();
        let calls = 0;
        fakes.target = async () => (++calls === 1 ? slow.promise : { element: 'objective:Revenue' });
        const first = controller.cursorAt(canvasFile, { line: 1, character: 0 });
        await controller.cursorAt(canvasFile, { line: 20, character: 0 });
        slow.resolve({ canvas: 'AppRecurrence', element: 'objective:Engagement' });
        await first;
        assert.deepEqual(fakes.posted.at(-1), { type: 'highlight', element: 'objective:Revenue' });
        assert.equal(controller.current.canvas, undefined);
    });

    it('stays on its canvas while the editor opens what was clicked, whatever the editor says before it lands', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes, 'AppRecurrence');
        const landing = deferred<{ line: number; character: number } | undefined>();
        fakes.landing = landing.promise;
        controller.receive({ type: 'reveal', uri: objectivesFile, line: 4, character: 10 });
        assert.deepEqual(fakes.reveals, [{ type: 'reveal', uri: objectivesFile, line: 4, character: 10 }]);
        // The file already open elsewhere becomes active with its old cursor, before the reveal moves it.
        fakes.targets.push({ element: 'objective:Revenue' });
        await controller.cursorAt(objectivesFile, { line: 0, character: 0 });
        assert.equal(controller.current.canvas, 'AppRecurrence');
        landing.resolve({ line: 4, character: 10 });
        await new Promise(resolve => setImmediate(resolve));
        fakes.targets.push({ element: 'objective:Engagement' });
        await controller.cursorAt(objectivesFile, { line: 4, character: 10 });
        assert.equal(controller.current.canvas, 'AppRecurrence');
        assert.equal(controller.current.uri, objectivesFile);
        assert.deepEqual(fakes.posted.at(-1), { type: 'highlight', element: 'objective:Engagement' }, 'the clicked element is highlighted');
        assert.deepEqual(fakes.renders.map(params => params.canvas), ['AppRecurrence'], 'never rendered anything else');
        fakes.targets.push({ element: 'objective:Revenue' });
        await controller.cursorAt(objectivesFile, { line: 1, character: 10 });
        assert.equal(controller.current.canvas, undefined, 'the user moves the cursor outside a canvas: the map');
    });

    it('after a click, follows the user\'s next editor change: another file, or a reveal that failed', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes, 'AppRecurrence');
        controller.receive({ type: 'reveal', uri: objectivesFile, line: 32, character: 7 });
        await new Promise(resolve => setImmediate(resolve));
        fakes.targets.push({ canvas: 'Growth2027', element: 'canvas:Growth2027' });
        fakes.views.set('Growth2027', '<div>growth</div>');
        await controller.cursorAt(canvasFile, { line: 40, character: 2 });
        assert.equal(controller.current.canvas, 'Growth2027', 'another editor made active: followed');

        fakes.landing = Promise.resolve(undefined);
        controller.receive({ type: 'reveal', uri: objectivesFile, line: 32, character: 7 });
        await new Promise(resolve => setImmediate(resolve));
        fakes.targets.push({ element: 'objective:Engagement' });
        await controller.cursorAt(objectivesFile, { line: 32, character: 7 });
        assert.equal(controller.current.canvas, undefined, 'the file could not be opened: no hold');
    });

    it('locked, keeps its canvas and file whatever the editor shows, highlights what it draws, and follows again once unlocked', async () => {
        const fakes = new Fakes();
        fakes.views.set('Growth2027', '<div>growth</div>');
        const controller = await readyController(fakes, 'AppRecurrence');
        controller.setLocked(true);
        assert.equal(fakes.titles.at(-1), '[Preview] AppRecurrence');
        fakes.targets.push({ element: 'objective:Engagement' }, { canvas: 'Growth2027', element: 'box:goal' }, { element: 'objective:Revenue' });
        await controller.cursorAt(objectivesFile, { line: 4, character: 10 });
        assert.deepEqual(fakes.posted.at(-1), { type: 'highlight', element: 'objective:Engagement' });
        await controller.cursorAt(canvasFile, { line: 40, character: 2 });
        assert.deepEqual(fakes.posted.at(-1), { type: 'highlight', element: undefined }, 'another canvas\'s box is not this one\'s');
        controller.receive({ type: 'reveal', uri: objectivesFile, line: 1, character: 10 });
        await new Promise(resolve => setImmediate(resolve));
        await controller.cursorAt(objectivesFile, { line: 1, character: 10 });
        assert.deepEqual(controller.current, { uri: canvasFile, canvas: 'AppRecurrence' });
        assert.deepEqual(fakes.renders.map(params => params.canvas), ['AppRecurrence']);

        controller.setLocked(false);
        assert.equal(fakes.titles.at(-1), 'Preview AppRecurrence');
        fakes.targets.push({ canvas: 'Growth2027', element: 'box:goal' });
        await controller.cursorAt(canvasFile, { line: 40, character: 2 });
        assert.equal(controller.current.canvas, 'Growth2027', 'unlocked: follows the editor');
    });

    it('acts only on checked messages: reveals of files the render showed, the Problems panel', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes);
        controller.receive({ type: 'reveal', uri: 'file:///etc/passwd', line: 0, character: 0 });
        controller.receive({ type: 'reveal', uri: canvasFile, line: -1, character: 0 });
        controller.receive({ type: 'eval', code: 'x' });
        controller.receive({ type: 'showProblems' });
        assert.deepEqual(fakes.reveals, []);
        assert.equal(fakes.problems, 1);
        assert.equal(fakes.logs.length, 3);
        assert.ok(fakes.logs.every(log => log.startsWith('ignored a message from the webview')));
    });

    it('posts the problem counts when they change', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes);
        controller.setDiagnostics({ errors: 0, warnings: 0, infos: 0 });
        controller.setDiagnostics({ errors: 0, warnings: 3, infos: 0 });
        assert.deepEqual(fakes.posted.at(-1), { type: 'diagnostics', diagnostics: { errors: 0, warnings: 3, infos: 0 } });
        assert.equal(fakes.types().filter(type => type === 'diagnostics').length, 1);
    });

    it('compared with a revision, shows the changes view whatever the cursor is in, until the webview\'s button leaves it', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes, 'AppRecurrence');
        const folder = 'file:///ws';
        await controller.compareWith({ folder, revision: 'HEAD' });
        assert.deepEqual(fakes.compared, [{ folder, revision: 'HEAD' }]);
        assert.deepEqual(controller.shownContent, { title: 'Changes since HEAD', content: '<div class="strategy-view" data-view="map">changes since HEAD</div>' });
        assert.equal(fakes.titles.at(-1), 'Preview Changes since HEAD');
        const update = [...fakes.posted].reverse().find(message => message.type === 'update');
        assert.equal(update?.type === 'update' && update.comparing, true, 'the webview is told the map is a changes view, which its filter box does not filter');
        // A cursor in another canvas only highlights its element on the map: the changes view stays.
        fakes.targets.push({ canvas: 'Other', element: 'objective:Engagement' });
        await controller.cursorAt(canvasFile, { line: 1, character: 0 });
        assert.deepEqual(fakes.posted.at(-1), { type: 'highlight', element: 'objective:Engagement' });
        await controller.render();
        assert.equal(fakes.compared.length, 2, 'an edit renders the changes view again');
        controller.receive({ type: 'leaveComparison' });
        await controller.render();
        assert.equal(controller.comparison, undefined);
        assert.equal(controller.shownContent?.content, '<div>canvas</div>');
        assert.deepEqual(fakes.comparisons, [{ folder, revision: 'HEAD' }, undefined]);
    });

    it('a comparison that no longer renders gives the preview back and says why in the log', async () => {
        const fakes = new Fakes();
        const controller = await readyController(fakes);
        fakes.failing.add('gone');
        await controller.compareWith({ folder: 'file:///ws', revision: 'gone' });
        assert.equal(controller.comparison, undefined);
        assert.match(fakes.logs.join('\n'), /rendering failed: Unknown revision 'gone'/);
        assert.deepEqual(fakes.comparisons, [{ folder: 'file:///ws', revision: 'gone' }, undefined], 'the Strategy view drops its marks too');
        assert.equal(controller.shownContent?.title, 'Alignment map');
    });

    it('asks the webview for a PNG once it is ready, and takes only a PNG back', async () => {
        const fakes = new Fakes();
        const controller = new PreviewController(fakes, {});
        const bytes = controller.rasterize('<svg/>', 2);
        await Promise.resolve();
        assert.deepEqual(fakes.types().filter(type => type === 'rasterize'), [], 'waits for the webview');
        controller.receive({ type: 'ready' });
        await new Promise(resolve => setImmediate(resolve));
        const request = fakes.posted.find(message => message.type === 'rasterize');
        assert.deepEqual(request, { type: 'rasterize', id: 1, svg: '<svg/>', scale: 2 });
        controller.receive({ type: 'png', id: 1, data: png.toString('base64') });
        assert.deepEqual(Buffer.from(await bytes), png);

        const notPng = controller.rasterize('<svg/>', 1);
        controller.receive({ type: 'png', id: 2, data: Buffer.from('GIF89a....').toString('base64') });
        await assert.rejects(notPng, /did not return a PNG/);
        const failed = controller.rasterize('<svg/>', 1, true);
        assert.deepEqual(fakes.posted.at(-1), { type: 'rasterize', id: 3, svg: '<svg/>', scale: 1, copy: true }, 'Copy as PNG: the webview copies it');
        controller.receive({ type: 'error', id: 3, message: 'The clipboard refused the image (Document is not focused.).' });
        await assert.rejects(failed, /clipboard refused/);
        controller.receive({ type: 'png', id: 3, data: png.toString('base64') });
        assert.match(fakes.logs.at(-1) ?? '', /no export waiting/);
        const closed = controller.rasterize('<svg/>', 1);
        controller.dispose();
        await assert.rejects(closed, /closed/);
    });
});
