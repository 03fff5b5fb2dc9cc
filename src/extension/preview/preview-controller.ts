import type { CompareParams, PreviewTarget, PreviewTargetParams, RenderParams, RenderResult } from '../../protocol/strategy-protocol.js';
import { Comparison, type ComparisonPorts } from './comparison.js';
import { MapOptions, type MapOptionsPorts } from './map-options.js';
import type { DiagnosticCounts, PreviewSource, RevealMessage, ToWebviewMessage } from '../../protocol/webview-messages.js';
import { sameFilter } from '../../model/filter-query.js';
import type { WorkFilter } from '../../model/work-filter.js';
import { escapeHtml } from '../../render/escape.js';
import { noDiagnostics, sameCounts } from './diagnostic-counts.js';
import { parseWebviewMessage } from './preview-messages.js';
import { PendingPngs } from './pending-pngs.js';
import { RevealHold, type Position } from './reveal-hold.js';

// What one preview decides, without VS Code (cf. the Markdown preview's preview.ts, whose logic this keeps apart
// from the panel): which canvas it shows, when it renders, what it highlights, which webview messages it acts on.
// Its parts: the map's filter and expanded cards (map-options.ts), the comparison with a revision (comparison.ts),
// a click's reveal in the editor (reveal-hold.ts), the PNG exports waiting for the webview (pending-pngs.ts).
// preview-panel.ts wires it to a WebviewPanel, the editor and the language client; the tests drive it with fakes.

/** What the controller needs from the outside world. */
export interface PreviewPorts extends ComparisonPorts, MapOptionsPorts {
    render(params: RenderParams): Promise<RenderResult | null>;
    target(params: PreviewTargetParams): Promise<PreviewTarget | null>;
    /** To the webview; dropped by VS Code while the panel is hidden, hence `ready`. */
    post(message: ToWebviewMessage): void;
    /** The panel's tab title. */
    setTitle(title: string): void;
    /**
     * Open this position in an editor (already checked to be a file of the last render); resolves to where the
     * cursor landed, or undefined when the file could not be opened.
     */
    reveal(message: RevealMessage): Promise<Position | undefined>;
    showProblems(): void;
    log(message: string): void;
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
    private shown: { title: string; content: string; nothingMatches: boolean; filter: WorkFilter } | undefined;
    /** The map's filter and expanded cards, from the webview: every render of the map applies them, edits included. */
    private readonly map: MapOptions;
    /** Files of the last render: the only ones a reveal may open. */
    private uris = new Set<string>();
    private diagnostics: DiagnosticCounts = noDiagnostics;
    private ready = false;
    private rendering: Promise<void> | undefined;
    private renderAgain = false;
    /** The cursor position asked about last; an older answer that arrives later is dropped. */
    private targetRequest = 0;
    /** The preview's own reveal: it keeps the canvas shown while the editor goes where it was clicked. */
    private readonly hold = new RevealHold();
    /** Locked (as the Markdown preview's "Toggle Preview Locking"): it keeps its canvas whatever the editor shows. */
    private locked = false;
    private readonly pngs = new PendingPngs();
    /** While it is active, the preview shows the map as its changes view. */
    private readonly comparing: Comparison;

    constructor(private readonly ports: PreviewPorts, source: PreviewSource, diagnostics: DiagnosticCounts = noDiagnostics) {
        this.comparing = new Comparison(ports);
        this.map = new MapOptions(ports);
        this.source = { ...source };
        this.diagnostics = diagnostics;
    }

    /** What it shows: the serializer's state and the export commands read it. */
    get current(): PreviewSource {
        return { ...this.source };
    }

    get isLocked(): boolean {
        return this.locked;
    }

    /** The filter of the map shown; undefined when a canvas or the whole map is. */
    get mapFilter(): WorkFilter | undefined {
        return this.source.canvas === undefined ? this.map.filtering : undefined;
    }

    /** Locks or unlocks; the title says which ("[Preview] X" when locked, as Markdown's). Unlocking follows the editor again. */
    setLocked(locked: boolean): void {
        if (locked === this.locked) return;
        this.locked = locked;
        this.hold.clear();
        if (this.shown) this.ports.setTitle(this.title(this.shown.title));
    }

    private title(shown: string): string {
        return `${this.locked ? '[Preview]' : 'Preview'} ${shown}`;
    }

    /** The filter box changed: the map is rendered again with it (a canvas shown keeps it for the map). */
    setFilter(filter: WorkFilter): void {
        if (this.map.setFilter(filter) && this.source.canvas === undefined) void this.render();
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
            const compared = this.comparing.current;
            const canvas = this.source.canvas;
            try {
                // The map (or the changes view) with its filter and expanded cards; a canvas as it is.
                result = compared ? await this.comparing.render(this.map.changesParams(compared))
                    : await this.ports.render(canvas === undefined ? this.map.params() : { canvas, format: 'fragment' });
            } catch (error) {
                this.ports.log(`rendering failed: ${error instanceof Error ? error.message : String(error)}`);
                if (compared && this.comparing.leaveIfStill(compared)) {
                    this.renderAgain = true;
                    continue;
                }
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
            const filter = this.source.canvas === undefined && !compared ? this.map.filter : {};
            const nothingMatches = result.nothingMatches === true;
            // Another filter that keeps nothing renders the same empty map, but the webview names the filter.
            const changed = !this.shown || this.shown.title !== result.title || this.shown.content !== result.content
                || this.shown.nothingMatches !== nothingMatches || !sameFilter(this.shown.filter, filter);
            this.shown = { title: result.title, content: result.content, nothingMatches, filter };
            if (changed) this.sendShown();
        } while (this.renderAgain);
    }

    private sendShown(): void {
        if (!this.shown) return;
        this.ports.setTitle(this.title(this.shown.title));
        if (!this.ready) return;
        this.ports.post({
            type: 'update', title: this.shown.title, html: this.shown.content, diagnostics: this.diagnostics, source: this.current,
            ...(this.shown.nothingMatches ? { nothingMatches: true } : {}),
            ...(this.comparing.active ? { comparing: true } : {})
        });
        this.ports.post({ type: 'highlight', element: this.highlighted });
    }

    /**
     * The active .strategy editor changed to this document (or the cursor moved in it): follow what is under the
     * cursor. Locked, or while its own reveal lands, the preview keeps what it shows and only highlights.
     */
    async cursorAt(uri: string, position: Position): Promise<void> {
        const reveals = this.hold.owns(uri, position);
        // Compared with a revision, the preview keeps its changes view wherever the cursor goes; it only highlights.
        const stays = this.locked || reveals || this.comparing.active;
        if (!this.locked && uri !== this.source.uri) this.source = { ...this.source, uri };
        const request = ++this.targetRequest;
        let target: PreviewTarget | null;
        try {
            target = await this.ports.target({ uri, position });
        } catch (error) {
            this.ports.log(`no target under the cursor: ${error instanceof Error ? error.message : String(error)}`);
            return;
        }
        if (request !== this.targetRequest) return;
        if (!stays && uri !== this.source.uri) return;
        // Nothing shown yet: a panel opened on an editor renders first what its cursor is in, not the map before it.
        if (!this.shown || (!stays && target?.canvas !== this.source.canvas && !this.roadmapShows(target))) {
            this.source = showing(this.source, target?.canvas);
            this.highlighted = target?.element;
            // The update posts the highlight with it.
            await this.render();
            return;
        }
        // Kept on its canvas: what another canvas's cursor is on (a `goal` box, a text) is not this canvas's.
        // The changes view is the map, which draws the elements a canvas names.
        const element = this.comparing.active || target?.canvas === undefined || target.canvas === this.source.canvas ? target?.element : undefined;
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

    /** The revision compared with, if the preview shows a changes view. */
    get comparison(): CompareParams | undefined {
        return this.comparing.revision;
    }

    /** The map as the changes view of a comparison with this revision (the cursor then only highlights); undefined leaves it. */
    compareWith(params: CompareParams | undefined): Promise<void> {
        return this.comparing.set(params) ? this.render() : Promise.resolve();
    }

    /** What the webview was last sent (the changes view's marks and headline included). */
    get shownContent(): { title: string; content: string } | undefined {
        return this.shown && { title: this.shown.title, content: this.shown.content };
    }

    setDiagnostics(counts: DiagnosticCounts): void {
        if (sameCounts(counts, this.diagnostics)) return;
        this.diagnostics = counts;
        if (this.ready) this.ports.post({ type: 'diagnostics', diagnostics: counts });
    }

    /** A message from the webview: checked, then acted on; anything else is logged and dropped. */
    receive(raw: unknown): void {
        const parsed = parseWebviewMessage(raw, this.uris, this.pngs.ids());
        if ('refused' in parsed) {
            this.ports.log(`ignored a message from the webview (${parsed.refused})`);
            return;
        }
        const message = parsed.message;
        switch (message.type) {
            case 'ready': {
                this.ready = true;
                this.pngs.webviewReady();
                // A reloaded webview brings back the cards it shows expanded, and asks for whole cards the map lacks.
                this.map.setExpanded(message.expanded ?? []);
                // A reloaded webview brings back the filter its box shows; the map is rendered again with it.
                const refilter = this.map.setFilter(message.filter ?? {});
                // A render under way posts its result itself, now that the webview is ready.
                if (refilter && this.source.canvas === undefined) void this.render();
                else if (this.shown) this.sendShown();
                else if (!this.rendering) void this.render();
                break;
            }
            case 'filter':
                this.setFilter(message.filter);
                break;
            case 'expand':
                this.map.setExpanded(message.cards);
                if (message.open !== undefined) void this.sendCard(message.open);
                break;
            case 'reveal':
                void this.hold.reveal(message, !this.locked, clicked => this.ports.reveal(clicked));
                break;
            case 'showProblems':
                this.ports.showProblems();
                break;
            case 'leaveComparison':
                void this.compareWith(undefined);
                break;
            case 'png':
            case 'error':
                this.pngs.settle(message);
                break;
        }
    }

    /** The whole card of a card the webview expands, as the map it shows (with its filter, or the changes view) has it. */
    private async sendCard(card: string): Promise<void> {
        const compared = this.comparing.current;
        // Dropped if the preview left the view it was asked in (a marked card is no card of the map, and back).
        const same = () => this.comparing.current === compared && (compared !== undefined || this.source.canvas === undefined);
        const html = same() ? await this.map.wholeCard(card, compared) : undefined;
        if (html !== undefined && this.ready && same()) this.ports.post({ type: 'card', card, html });
    }

    /** The PNG of a standalone SVG, drawn by the webview once it is ready; with `copy`, the webview also puts it on the clipboard. */
    async rasterize(svg: string, scale: number, copy = false): Promise<Uint8Array> {
        if (!this.ready) await this.pngs.whenReady();
        const { id, bytes } = this.pngs.add();
        this.ports.post(copy ? { type: 'rasterize', id, svg, scale, copy } : { type: 'rasterize', id, svg, scale });
        return bytes;
    }

    dispose(): void {
        this.pngs.rejectAll(new Error('The preview was closed.'));
    }
}
