import type {
    PreviewTarget, PreviewTargetParams, RenderParams, RenderResult
} from '../../protocol/strategy-protocol.js';
import type { DiagnosticCounts, PreviewSource, RevealMessage, ToWebviewMessage } from '../../protocol/webview-messages.js';
import { escapeHtml } from '../../render/escape.js';
import { noDiagnostics, sameCounts } from './diagnostic-counts.js';
import { isPng, parseWebviewMessage } from './preview-messages.js';

// What one preview decides, without VS Code (cf. the Markdown preview's preview.ts, whose logic this keeps apart
// from the panel): which canvas it shows, when it renders, what it highlights, which webview messages it acts on,
// and the PNG exports waiting for the webview. preview-panel.ts wires it to a WebviewPanel, the editor and the
// language client; the tests drive it with fakes.

/** What the controller needs from the outside world. */
export interface PreviewPorts {
    render(params: RenderParams): Promise<RenderResult | null>;
    target(params: PreviewTargetParams): Promise<PreviewTarget | null>;
    /** To the webview; dropped by VS Code while the panel is hidden, hence `ready`. */
    post(message: ToWebviewMessage): void;
    /** The panel's tab title. */
    setTitle(title: string): void;
    /** Open this position in an editor (already checked to be a file of the last render). */
    reveal(message: RevealMessage): void;
    showProblems(): void;
    log(message: string): void;
    now(): number;
}

/**
 * A reveal the preview asked for keeps the preview on its canvas while the editor lands there: for the cursor at
 * exactly the revealed place, within this long. Any other cursor position is followed at once, so a user who
 * clicks and then moves on is never left looking at a stale canvas.
 */
export const revealGrace = 3000;
const rasterizeTimeout = 30_000;

interface PendingPng {
    resolve(bytes: Uint8Array): void;
    reject(error: Error): void;
    timer: ReturnType<typeof setTimeout>;
}

/** The source showing `canvas`, or the map without one (no `canvas` key at all, as the state saves it). */
function showing(source: PreviewSource, canvas: string | undefined): PreviewSource {
    const { canvas: _previous, ...rest } = source;
    return canvas === undefined ? rest : { ...rest, canvas };
}

export class PreviewController {
    private source: PreviewSource;
    private highlighted: string | undefined;
    /** The last render, sent again when the webview reloads (it is dropped while the panel is hidden). */
    private shown: { title: string; content: string } | undefined;
    /** Files of the last render: the only ones a reveal may open. */
    private uris = new Set<string>();
    private diagnostics: DiagnosticCounts = noDiagnostics;
    private ready = false;
    private readyWaiters: Array<{ resolve(): void; reject(error: Error): void }> = [];
    private rendering: Promise<void> | undefined;
    private renderAgain = false;
    /** The cursor position asked about last; an older answer that arrives later is dropped. */
    private targetRequest = 0;
    private revealing: { uri: string; line: number; character: number; until: number } | undefined;
    private nextPngId = 1;
    private readonly pendingPngs = new Map<number, PendingPng>();

    constructor(private readonly ports: PreviewPorts, source: PreviewSource, diagnostics: DiagnosticCounts = noDiagnostics) {
        this.source = { ...source };
        this.diagnostics = diagnostics;
    }

    /** What it shows: the serializer's state and the export commands read it. */
    get current(): PreviewSource {
        return { ...this.source };
    }

    /** The webview's document went away (the panel was hidden); it says `ready` when it is back. */
    webviewGone(): void {
        this.ready = false;
    }

    /**
     * Renders what it shows, one request at a time: changes while a request runs make one more render after it.
     * Resolves when the content is up to date.
     */
    render(): Promise<void> {
        if (this.rendering) {
            this.renderAgain = true;
            return this.rendering;
        }
        this.rendering = this.renderLoop().finally(() => { this.rendering = undefined; });
        return this.rendering;
    }

    private async renderLoop(): Promise<void> {
        do {
            this.renderAgain = false;
            let result: RenderResult | null;
            try {
                result = await this.ports.render({ canvas: this.source.canvas, format: 'fragment' });
            } catch (error) {
                this.ports.log(`rendering failed: ${error instanceof Error ? error.message : String(error)}`);
                return;
            }
            if (result === null) {
                if (this.source.canvas === undefined) return;
                // The canvas was renamed or deleted: show the map until the cursor is in a canvas again.
                this.source = showing(this.source, undefined);
                this.renderAgain = true;
                continue;
            }
            this.uris = new Set(result.uris);
            const changed = !this.shown || this.shown.title !== result.title || this.shown.content !== result.content;
            this.shown = { title: result.title, content: result.content };
            if (changed) this.sendShown();
        } while (this.renderAgain);
    }

    private sendShown(): void {
        if (!this.shown) return;
        this.ports.setTitle(`Preview ${this.shown.title}`);
        if (!this.ready) return;
        this.ports.post({
            type: 'update', title: this.shown.title, html: this.shown.content, diagnostics: this.diagnostics, source: this.current
        });
        this.ports.post({ type: 'highlight', element: this.highlighted });
    }

    /** The active .strategy editor changed to this document (or the cursor moved in it): follow what is under the cursor. */
    async cursorAt(uri: string, position: { line: number; character: number }): Promise<void> {
        if (uri !== this.source.uri) this.source = { ...this.source, uri };
        const request = ++this.targetRequest;
        let target: PreviewTarget | null;
        try {
            target = await this.ports.target({ uri, position });
        } catch (error) {
            this.ports.log(`no target under the cursor: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        if (request !== this.targetRequest || uri !== this.source.uri) return;
        const element = target?.element;
        const revealing = this.revealing;
        const keepCanvas = revealing !== undefined && revealing.uri === uri && revealing.line === position.line
            && revealing.character === position.character && this.ports.now() < revealing.until;
        if (!keepCanvas) this.revealing = undefined;
        // Nothing shown yet: a panel opened on an editor renders first what its cursor is in, not the map before it.
        if (!this.shown || (!keepCanvas && target?.canvas !== this.source.canvas && !this.roadmapShows(target))) {
            this.source = showing(this.source, target?.canvas);
            this.highlighted = element;
            // The update posts the highlight with it.
            await this.render();
            return;
        }
        if (element === this.highlighted) return;
        this.highlighted = element;
        if (this.ready) this.ports.post({ type: 'highlight', element });
    }

    /**
     * The roadmap stays while the cursor is outside any canvas on an element it draws (a milestone, a ticket): the
     * map, which the preview would switch to, shows no milestones, so the roadmap is the view that can highlight it.
     */
    private roadmapShows(target: PreviewTarget | null): boolean {
        if (!this.shown || target?.canvas !== undefined || target?.element === undefined) return false;
        const content = this.shown.content;
        return content.startsWith('<div class="strategy-view" data-view="roadmap">') && content.includes(` data-element="${escapeHtml(target.element)}"`);
    }

    setDiagnostics(counts: DiagnosticCounts): void {
        if (sameCounts(counts, this.diagnostics)) return;
        this.diagnostics = counts;
        if (this.ready) this.ports.post({ type: 'diagnostics', diagnostics: counts });
    }

    /** A message from the webview: checked, then acted on; anything else is logged and dropped. */
    receive(raw: unknown): void {
        const parsed = parseWebviewMessage(raw, this.uris, new Set(this.pendingPngs.keys()));
        if ('refused' in parsed) {
            this.ports.log(`ignored a message from the webview (${parsed.refused})`);
            return;
        }
        const message = parsed.message;
        switch (message.type) {
            case 'ready':
                this.ready = true;
                this.readyWaiters.splice(0).forEach(waiter => waiter.resolve());
                // A render under way posts its result itself, now that the webview is ready.
                if (this.shown) this.sendShown();
                else if (!this.rendering) void this.render();
                break;
            case 'reveal':
                this.revealing = { uri: message.uri, line: message.line, character: message.character, until: this.ports.now() + revealGrace };
                this.ports.reveal(message);
                break;
            case 'showProblems':
                this.ports.showProblems();
                break;
            case 'png':
            case 'error': {
                const pending = this.pendingPngs.get(message.id)!;
                this.pendingPngs.delete(message.id);
                clearTimeout(pending.timer);
                const bytes = message.type === 'png' ? Buffer.from(message.data, 'base64') : undefined;
                if (message.type === 'error') pending.reject(new Error(message.message));
                else if (bytes && isPng(bytes)) pending.resolve(bytes);
                else pending.reject(new Error('The preview did not return a PNG.'));
                break;
            }
        }
    }

    /** The reveal could not open its file: the preview follows the editor normally again. */
    revealFailed(): void {
        this.revealing = undefined;
    }

    /** The PNG of a standalone SVG, drawn by the webview once it is ready. */
    async rasterize(svg: string, scale: number): Promise<Uint8Array> {
        if (!this.ready) await new Promise<void>((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
        const id = this.nextPngId++;
        const bytes = new Promise<Uint8Array>((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pendingPngs.delete(id);
                reject(new Error('The preview did not draw the PNG in time.'));
            }, rasterizeTimeout);
            this.pendingPngs.set(id, { resolve, reject, timer });
        });
        this.ports.post({ type: 'rasterize', id, svg, scale });
        return bytes;
    }

    dispose(): void {
        const closed = new Error('The preview was closed.');
        for (const pending of this.pendingPngs.values()) {
            clearTimeout(pending.timer);
            pending.reject(closed);
        }
        this.pendingPngs.clear();
        this.readyWaiters.splice(0).forEach(waiter => waiter.reject(closed));
    }
}
