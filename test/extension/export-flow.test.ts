import assert from 'node:assert/strict';
import { openAction, revealAction, runExport, type ExportPorts, type ExportTarget } from '../../src/extension/preview/export-flow.js';
import type { RenderParams, RenderResult } from '../../src/protocol/strategy-protocol.js';

const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]);

/** The export's world as strings: folders `/ws` (the workspace) and `/ws/docs`, `/out` outside it. */
class Fakes implements ExportPorts<string> {
    shown: ExportTarget<string> = { canvas: 'AppRecurrence', file: '/ws/strategy/canvas.strategy' };
    folders = new Set(['/ws', '/ws/docs', '/out']);
    saved: string | undefined;
    /** What the user picks in the save dialog; undefined cancels. */
    pick: ((proposed: string | undefined) => string | undefined) = proposed => proposed;
    answer: string | undefined;
    dialogs: Array<string | undefined> = [];
    written = new Map<string, Uint8Array>();
    notices: Array<{ message: string; actions: string[] }> = [];
    opened: string[] = [];
    revealed: string[] = [];
    errors: string[] = [];
    renders: RenderParams[] = [];

    async target() { return this.shown; }
    async render(params: RenderParams): Promise<RenderResult | null> {
        this.renders.push(params);
        return { title: params.canvas ?? 'Alignment map', content: `<${params.format}>`, uris: [] };
    }
    async rasterize() { return png; }
    lastFolder() { return this.saved; }
    async rememberFolder(folder: string) { this.saved = folder; }
    async isFolder(folder: string) { return this.folders.has(folder); }
    workspaceFolder(file: string | undefined) { return file?.startsWith('/ws/') ? '/ws' : undefined; }
    join(folder: string, name: string) { return `${folder}/${name}`; }
    parent(file: string) { return file.slice(0, file.lastIndexOf('/')); }
    async saveDialog(options: { defaultUri: string | undefined }) {
        this.dialogs.push(options.defaultUri);
        return this.pick(options.defaultUri);
    }
    async writeFile(file: string, bytes: Uint8Array) { this.written.set(file, bytes); }
    describe(file: string) { return file.startsWith('/ws/') ? file.slice(4) : file; }
    async notify(message: string, ...actions: string[]) {
        this.notices.push({ message, actions });
        return this.answer;
    }
    async open(file: string) { this.opened.push(file); }
    async reveal(file: string) { this.revealed.push(file); }
    error(message: string) { this.errors.push(message); }
}

describe('export flow', () => {
    it('proposes the canvas\'s name in the workspace folder of the shown file, then the folder used last', async () => {
        const fakes = new Fakes();
        fakes.pick = () => '/ws/docs/Recurrence.svg';
        await runExport(fakes, 'svg');
        assert.deepEqual(fakes.dialogs, ['/ws/AppRecurrence.svg']);
        assert.equal(new TextDecoder().decode(fakes.written.get('/ws/docs/Recurrence.svg')), '<svg>');
        fakes.shown = { file: '/ws/objectives.strategy' };
        fakes.pick = proposed => proposed;
        await runExport(fakes, 'png');
        assert.deepEqual(fakes.dialogs.at(-1), '/ws/docs/alignment-map.png', 'the map, in the folder of the last export');
        assert.deepEqual(fakes.written.get('/ws/docs/alignment-map.png'), png);
        assert.deepEqual(fakes.renders.at(-1), { canvas: undefined, format: 'svg' }, 'a PNG is the SVG drawn');
    });

    it('exports the map with the filter the preview shows it with, and a canvas whole', async () => {
        const fakes = new Fakes();
        fakes.shown = { file: '/ws/objectives.strategy', filter: { status: 'doing', hideDone: true } };
        await runExport(fakes, 'html');
        assert.deepEqual(fakes.renders.at(-1), { canvas: undefined, format: 'html', filter: { status: 'doing', hideDone: true } });
        fakes.shown = { canvas: 'AppRecurrence', file: '/ws/canvas.strategy', filter: { status: 'doing' } };
        await runExport(fakes, 'svg');
        assert.deepEqual(fakes.renders.at(-1), { canvas: 'AppRecurrence', format: 'svg' });
    });

    it('forgets a last folder that is gone, and proposes no folder for a file in no workspace', async () => {
        const fakes = new Fakes();
        fakes.saved = '/ws/removed';
        await runExport(fakes, 'html');
        assert.deepEqual(fakes.dialogs, ['/ws/AppRecurrence.html']);
        fakes.saved = undefined;
        fakes.shown = { canvas: 'Growth2027', file: '/elsewhere/canvas.strategy' };
        fakes.pick = () => undefined;
        await runExport(fakes, 'html');
        assert.deepEqual(fakes.dialogs.at(-1), undefined);
        assert.equal(fakes.saved, undefined, 'a cancelled export remembers nothing');
        assert.deepEqual(fakes.notices.length, 1);
    });

    it('says where the file went, with Open and Reveal in Explorer that open or reveal it', async () => {
        const fakes = new Fakes();
        fakes.answer = openAction;
        await runExport(fakes, 'svg');
        assert.deepEqual(fakes.notices, [{ message: 'Exported AppRecurrence to AppRecurrence.svg', actions: ['Open', 'Reveal in Explorer'] }]);
        assert.deepEqual(fakes.opened, ['/ws/AppRecurrence.svg']);
        fakes.answer = revealAction;
        fakes.pick = () => '/out/map.svg';
        await runExport(fakes, 'svg');
        assert.equal(fakes.notices[1]?.message, 'Exported AppRecurrence to /out/map.svg');
        assert.deepEqual(fakes.revealed, ['/out/map.svg']);
        assert.deepEqual(fakes.opened, ['/ws/AppRecurrence.svg'], 'dismissed or revealed: nothing opened');
    });

    it('says so when the canvas shown is gone, and asks for no file', async () => {
        const fakes = new Fakes();
        fakes.render = async () => null;
        await runExport(fakes, 'svg');
        assert.equal(fakes.dialogs.length, 0);
        assert.match(fakes.errors[0] ?? '', /No canvas named AppRecurrence/);
    });
});
