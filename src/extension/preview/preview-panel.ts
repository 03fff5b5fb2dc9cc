import {
    commands, Disposable, EventEmitter, languages, Range, Uri, ViewColumn, window, workspace, type Event, type LogOutputChannel,
    type Memento, type TextEditor, type WebviewPanel
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { previewTargetRequest, renderCardRequest, renderRequest } from '../../protocol/strategy-protocol.js';
import { renderChangesRequest, type CompareParams } from '../../protocol/strategy-protocol.js';
import { previewCss } from '../../render/preview-styles.js';
import type { DiagnosticCounts, PreviewSource, RevealMessage, WorkFilter } from '../../protocol/webview-messages.js';
import { countDiagnostics } from './diagnostic-counts.js';
import { PreviewController } from './preview-controller.js';
import { createNonce, previewShellHtml } from './preview-html.js';

/** What every preview needs from the extension. */
export interface PreviewContext {
    client: LanguageClient;
    extensionUri: Uri;
    log: LogOutputChannel;
    /** `strategy/modelChanged`, shared: the client keeps only one handler per notification. */
    onModelChanged: Event<void>;
    /** The workspace's state: the folder exports were saved to last. */
    workspaceState: Memento;
    /** Told when the preview's comparison with a revision begins or ends. */
    comparisonChanged?(params: CompareParams | undefined): void;
}

/** Edits and model changes within this many milliseconds make one render. */
const renderDelay = 30;
/** Cursor moves within this many milliseconds make one `strategy/previewTarget` request. */
const selectionDelay = 50;
const diagnosticsDelay = 100;

function debounced(delay: number, action: () => void): Disposable & { schedule(): void } {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return {
        schedule() {
            clearTimeout(timer);
            timer = setTimeout(action, delay);
        },
        dispose() {
            clearTimeout(timer);
        }
    };
}

function mediaFolder(extensionUri: Uri): Uri {
    return Uri.joinPath(extensionUri, 'media');
}

/** The options of every preview webview: scripts on, and nothing loadable but the extension's media folder. */
export function webviewOptions(extensionUri: Uri): { enableScripts: true; localResourceRoots: Uri[] } {
    return { enableScripts: true, localResourceRoots: [mediaFolder(extensionUri)] };
}

function strategyDiagnostics(): DiagnosticCounts {
    return countDiagnostics(languages.getDiagnostics().map(([uri, diagnostics]) => [uri.path, diagnostics.map(each => each.severity)] as const));
}

/**
 * One preview panel (cf. the Markdown preview's preview.ts): its webview, and the editor, language client and
 * diagnostics events that drive its PreviewController. Retains no context while hidden: the webview restores
 * its scroll, pan and zoom from its saved state when it is shown again.
 */
export class StrategyPreview implements Disposable {
    private readonly disposables: Disposable[] = [];
    private readonly disposed = new EventEmitter<void>();
    readonly onDidDispose = this.disposed.event;
    private readonly controller: PreviewController;
    private cursorEditor: TextEditor | undefined;

    /** With an editor, it shows what that editor's cursor is in; without (a panel restored), what `source` names. */
    constructor(private readonly panel: WebviewPanel, private readonly context: PreviewContext, source: PreviewSource, editor?: TextEditor) {
        const { client, log } = context;
        const webview = panel.webview;
        webview.options = webviewOptions(context.extensionUri);
        panel.iconPath = Uri.joinPath(context.extensionUri, 'icons', 'strategy-file.svg');
        this.controller = new PreviewController({
            render: params => client.sendRequest(renderRequest, params),
            renderChanges: params => client.sendRequest(renderChangesRequest, params),
            comparisonChanged: params => context.comparisonChanged?.(params),
            renderCard: params => client.sendRequest(renderCardRequest, params),
            target: params => client.sendRequest(previewTargetRequest, params),
            post: message => void webview.postMessage(message),
            setTitle: title => { panel.title = title; },
            reveal: message => this.revealInEditor(message),
            showProblems: () => void commands.executeCommand('workbench.actions.view.problems'),
            log: message => log.warn(`Preview: ${message}`)
        }, source, strategyDiagnostics());
        webview.html = previewShellHtml({
            cspSource: webview.cspSource,
            scriptUri: webview.asWebviewUri(Uri.joinPath(mediaFolder(context.extensionUri), 'preview.js')).toString(),
            css: [previewCss],
            nonce: createNonce()
        });

        const renderSoon = debounced(renderDelay, () => void this.controller.render());
        const cursorSoon = debounced(selectionDelay, () => this.followCursor());
        const diagnosticsSoon = debounced(diagnosticsDelay, () => this.controller.setDiagnostics(strategyDiagnostics()));
        this.disposables.push(
            renderSoon, cursorSoon, diagnosticsSoon,
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(() => {
                if (!panel.visible) this.controller.webviewGone();
            }),
            webview.onDidReceiveMessage(raw => this.controller.receive(raw)),
            context.onModelChanged(() => renderSoon.schedule()),
            workspace.onDidChangeTextDocument(event => {
                if (event.document.languageId === 'strategy' && event.contentChanges.length > 0) renderSoon.schedule();
            }),
            window.onDidChangeTextEditorSelection(event => {
                // The followed editor (a locked preview's may be another file's), or any of the followed file.
                if (event.textEditor !== this.cursorEditor && this.protocolUri(event.textEditor.document.uri) !== this.controller.current.uri) return;
                this.cursorEditor = event.textEditor;
                cursorSoon.schedule();
            }),
            languages.onDidChangeDiagnostics(event => {
                if (event.uris.some(uri => uri.path.endsWith('.strategy'))) diagnosticsSoon.schedule();
            })
        );
        if (editor) this.follow(editor);
        else void this.controller.render();
    }

    get current(): PreviewSource {
        return this.controller.current;
    }

    get locked(): boolean {
        return this.controller.isLocked;
    }

    /** The filter of the map it shows; undefined when it shows a canvas or the whole map. */
    get mapFilter(): WorkFilter | undefined {
        return this.controller.mapFilter;
    }

    /** Whether the panel is the focused editor: the lock command acts on it. */
    get active(): boolean {
        return this.panel.active;
    }

    /** Unlocked, it follows the active .strategy editor again at once. */
    setLocked(locked: boolean, activeEditor: TextEditor | undefined): void {
        this.controller.setLocked(locked);
        if (!locked && activeEditor) this.follow(activeEditor);
    }

    /** "Compare with Revision…": the map as the changes view of the comparison, until its button leaves it. */
    compareWith(params: CompareParams | undefined): Promise<void> {
        return this.controller.compareWith(params);
    }

    get shownContent(): { title: string; content: string } | undefined {
        return this.controller.shownContent;
    }

    reveal(column: ViewColumn, preserveFocus: boolean): void {
        this.panel.reveal(column, preserveFocus);
    }

    /** Shows what the cursor of this .strategy editor is in: called when it becomes the active editor. */
    follow(editor: TextEditor): void {
        this.cursorEditor = editor;
        this.followCursor();
    }

    /**
     * The PNG of a standalone SVG, drawn by the webview (the extension host has no browser engine). To copy it, the
     * webview takes the focus: the browser writes the clipboard only from a focused document.
     */
    rasterize(svg: string, scale: number, copy = false): Promise<Uint8Array> {
        if (copy) this.panel.reveal(this.panel.viewColumn, false);
        else if (!this.panel.visible) this.panel.reveal(this.panel.viewColumn, true);
        return this.controller.rasterize(svg, scale, copy);
    }

    dispose(): void {
        if (this.disposables.length === 0) return;
        this.controller.dispose();
        Disposable.from(...this.disposables.splice(0)).dispose();
        this.panel.dispose();
        this.disposed.fire();
        this.disposed.dispose();
    }

    private protocolUri(uri: Uri): string {
        return this.context.client.code2ProtocolConverter.asUri(uri);
    }

    private followCursor(): void {
        const editor = this.cursorEditor;
        if (!editor || editor.document.isClosed) return;
        const { line, character } = editor.selection.active;
        void this.controller.cursorAt(this.protocolUri(editor.document.uri), { line, character });
    }

    /**
     * Opens the clicked element's file beside the preview (where it is already open, if it is), the cursor on its
     * name; resolves to where the cursor landed.
     */
    private async revealInEditor(message: RevealMessage): Promise<{ line: number; character: number } | undefined> {
        const uri = this.context.client.protocol2CodeConverter.asUri(message.uri);
        const open = window.visibleTextEditors.find(editor => this.protocolUri(editor.document.uri) === message.uri);
        const other = window.visibleTextEditors.find(editor => editor.viewColumn !== undefined && editor.viewColumn !== this.panel.viewColumn);
        const viewColumn = open?.viewColumn ?? other?.viewColumn ?? ViewColumn.Beside;
        const position = new Range(message.line, message.character, message.line, message.character);
        try {
            const editor = await window.showTextDocument(uri, { viewColumn, selection: position, preserveFocus: false });
            return { line: editor.selection.active.line, character: editor.selection.active.character };
        } catch (error) {
            void window.showErrorMessage(`Cannot open ${uri.fsPath || uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }
}
