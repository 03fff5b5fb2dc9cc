import assert from 'node:assert/strict';
import { PreviewController, type PreviewPorts } from '../../src/extension/preview/preview-controller.js';
import type { RenderCardParams, RenderCardResult, RenderChangesParams, RenderParams, RenderResult } from '../../src/protocol/strategy-protocol.js';
import type { ToWebviewMessage, UpdateMessage } from '../../src/protocol/webview-messages.js';

// The preview's filter on the extension's side: the webview's filter box sends a filter, every render of the map
// asks the server with it (after an edit too), a canvas is rendered whole, and a reloaded webview brings it back.

const file = 'file:///ws/objectives.strategy';

/** Renders answer the filter they were asked with, so the tests read which filter each render used. */
class Ports implements PreviewPorts {
    posted: ToWebviewMessage[] = [];
    renders: RenderParams[] = [];
    cards: RenderCardParams[] = [];
    edit = 0;
    async render(params: RenderParams): Promise<RenderResult | null> {
        this.renders.push(params);
        const content = params.canvas ?? `map ${JSON.stringify(params.filter ?? {})} edit ${this.edit}`;
        const result: RenderResult = { title: params.canvas ?? 'Alignment map', content, uris: [file] };
        if (params.filter?.owner === 'nobody') result.nothingMatches = true;
        return result;
    }
    changes: RenderChangesParams[] = [];
    async renderChanges(params: RenderChangesParams): Promise<RenderResult> {
        this.changes.push(params);
        return { title: `Changes since ${params.revision}`, content: `changes ${params.revision} edit ${this.edit}`, uris: [file] };
    }
    /** While set, a whole card is answered only when it resolves. */
    cardGate: Promise<void> | undefined;
    async renderCard(params: RenderCardParams): Promise<RenderCardResult | null> {
        this.cards.push(params);
        await this.cardGate;
        if (params.compare) return { content: `whole ${params.card} since ${params.compare.revision}` };
        return params.card === 'objective:Gone' ? null : { content: `whole ${params.card} ${JSON.stringify(params.filter ?? {})}` };
    }
    async target(): Promise<null> { return null; }
    post(message: ToWebviewMessage): void { this.posted.push(message); }
    setTitle(): void { }
    async reveal(): Promise<undefined> { return undefined; }
    showProblems(): void { }
    logs: string[] = [];
    log(message: string): void { this.logs.push(message); }
    updates(): UpdateMessage[] {
        return this.posted.filter((message): message is UpdateMessage => message.type === 'update');
    }
}

/** A preview whose webview said it is ready, its first render done. */
async function readyPreview(): Promise<{ ports: Ports; controller: PreviewController }> {
    const ports = new Ports();
    const controller = new PreviewController(ports, { uri: file });
    controller.receive({ type: 'ready' });
    await settled();
    return { ports, controller };
}

async function settled(): Promise<void> {
    for (let i = 0; i < 5; i++) await new Promise(resolve => setImmediate(resolve));
}

describe('preview controller: the map\'s filter', () => {
    it('renders the map with the filter the webview sends, and again with it after an edit', async () => {
        const { ports, controller } = await readyPreview();
        controller.receive({ type: 'filter', filter: { status: 'doing', hideDone: true } });
        await settled();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment', filter: { status: 'doing', hideDone: true } });
        assert.equal(ports.updates().at(-1)!.html, 'map {"status":"doing","hideDone":true} edit 0');
        assert.deepEqual(controller.mapFilter, { status: 'doing', hideDone: true }, 'what an export renders');
        ports.edit = 1;
        await controller.render();
        assert.equal(ports.updates().at(-1)!.html, 'map {"status":"doing","hideDone":true} edit 1', 'the edit keeps the filter');
        controller.receive({ type: 'filter', filter: {} });
        await settled();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment' }, 'an empty filter asks for the whole map');
        assert.equal(controller.mapFilter, undefined);
    });

    it('tells the webview when nothing matches, even when the empty map is the same as the last one', async () => {
        const { ports, controller } = await readyPreview();
        controller.receive({ type: 'filter', filter: { owner: 'nobody' } });
        await settled();
        assert.equal(ports.updates().at(-1)!.nothingMatches, true);
        controller.receive({ type: 'filter', filter: { status: 'doing' } });
        await settled();
        assert.equal(ports.updates().at(-1)!.nothingMatches, undefined);
    });

    it('renders a canvas without the filter and keeps the filter for the map', async () => {
        const ports = new Ports();
        const controller = new PreviewController(ports, { uri: file, canvas: 'AppRecurrence' });
        controller.receive({ type: 'ready' });
        await settled();
        controller.receive({ type: 'filter', filter: { owner: 'ana' } });
        await settled();
        assert.deepEqual(ports.renders, [{ canvas: 'AppRecurrence', format: 'fragment' }], 'a canvas is not rendered again for a filter');
        assert.equal(controller.mapFilter, undefined, 'a canvas is exported whole');
    });

    it('takes the filter a reloaded webview restored, and refuses a malformed one', async () => {
        const ports = new Ports();
        const controller = new PreviewController(ports, { uri: file });
        await controller.render();
        controller.receive({ type: 'ready', filter: { text: 'checkout' } });
        await settled();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment', filter: { text: 'checkout' } });
        assert.equal(ports.updates().at(-1)!.html, 'map {"text":"checkout"} edit 0');
        const renders = ports.renders.length;
        controller.receive({ type: 'filter', filter: { status: ['doing'] } });
        controller.receive({ type: 'filter', filter: { text: 'checkout' } });
        await settled();
        assert.equal(ports.renders.length, renders, 'neither a malformed filter nor the same one renders again');
    });
});

describe('preview controller: the map\'s expanded cards', () => {
    it('answers an expansion with the card\'s whole card, with the filter, and renders every later map with the expanded cards', async () => {
        const { ports, controller } = await readyPreview();
        controller.receive({ type: 'filter', filter: { owner: 'ana' } });
        await settled();
        controller.receive({ type: 'expand', cards: ['objective:Grow', 'group:health'], open: 'objective:Grow' });
        await settled();
        assert.deepEqual(ports.cards, [{ card: 'objective:Grow', filter: { owner: 'ana' } }]);
        assert.deepEqual(ports.posted.at(-1), { type: 'card', card: 'objective:Grow', html: 'whole objective:Grow {"owner":"ana"}' });
        await controller.render();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:health'] });
        // Closed: the next map carries no whole card; a card the map no longer has is not answered.
        controller.receive({ type: 'expand', cards: [], open: 'objective:Gone' });
        await settled();
        assert.equal(ports.posted.filter(message => message.type === 'card').length, 1);
        await controller.render();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment', filter: { owner: 'ana' } });
    });

    it('refuses a malformed expansion, and forgets the expanded cards when the webview reloads', async () => {
        const { ports, controller } = await readyPreview();
        controller.receive({ type: 'expand', cards: [42] });
        controller.receive({ type: 'expand', cards: [], open: 'x'.repeat(5000) });
        assert.equal(ports.logs.length, 2, ports.logs.join('; '));
        assert.deepEqual(ports.cards, []);
        controller.receive({ type: 'expand', cards: ['objective:Grow'] });
        controller.receive({ type: 'ready' });
        await settled();
        await controller.render();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment' });
    });

    it('takes back the expanded cards a reloaded webview restored: every later map carries their whole cards, with its filter', async () => {
        const ports = new Ports();
        const controller = new PreviewController(ports, { uri: file });
        await controller.render();
        controller.receive({ type: 'ready', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:health'] });
        await settled();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:health'] });
        // The map it had rendered before the reload lacks them: the webview asks for each, as for a card it expands.
        controller.receive({ type: 'expand', cards: ['objective:Grow', 'group:health'], open: 'objective:Grow' });
        await settled();
        assert.deepEqual(ports.posted.at(-1), { type: 'card', card: 'objective:Grow', html: 'whole objective:Grow {"owner":"ana"}' });
        ports.edit = 1;
        await controller.render();
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:health'] });
        controller.receive({ type: 'ready', expanded: [42] });
        assert.match(ports.logs.join('\n'), /ready with malformed expanded cards/);
    });

    it('in the changes view: a card expanded is asked for with the comparison (marked, unfiltered), and every later changes view and map carries it', async () => {
        const { ports, controller } = await readyPreview();
        controller.receive({ type: 'filter', filter: { owner: 'ana' } });
        await settled();
        const folder = 'file:///ws';
        await controller.compareWith({ folder, revision: 'HEAD' });
        assert.deepEqual(ports.changes, [{ folder, revision: 'HEAD' }], 'no whole card before a card is expanded');
        controller.receive({ type: 'expand', cards: ['objective:Grow'], open: 'objective:Grow' });
        await settled();
        assert.deepEqual(ports.cards, [{ card: 'objective:Grow', compare: { folder, revision: 'HEAD' } }]);
        assert.deepEqual(ports.posted.at(-1), { type: 'card', card: 'objective:Grow', html: 'whole objective:Grow since HEAD' });
        ports.edit = 1;
        await controller.render();
        assert.deepEqual(ports.changes.at(-1), { folder, revision: 'HEAD', expanded: ['objective:Grow'] }, 'an edit keeps it expanded');
        // A reloaded webview brings back its expanded cards: the changes view carries them.
        controller.receive({ type: 'ready', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:other-changes'] });
        await controller.render();
        assert.deepEqual(ports.changes.at(-1), { folder, revision: 'HEAD', expanded: ['objective:Grow', 'group:other-changes'] });
        // A marked card that arrives after the comparison was left is no card of the map: dropped.
        let open!: () => void;
        ports.cardGate = new Promise(resolve => { open = resolve; });
        controller.receive({ type: 'expand', cards: ['objective:Grow', 'group:other-changes', 'group:health'], open: 'group:health' });
        await settled();
        controller.receive({ type: 'leaveComparison' });
        await settled();
        open();
        await settled();
        assert.equal(ports.posted.filter(message => message.type === 'card').length, 1);
        assert.deepEqual(ports.renders.at(-1), { format: 'fragment', filter: { owner: 'ana' }, expanded: ['objective:Grow', 'group:other-changes', 'group:health'] });
    });
});
