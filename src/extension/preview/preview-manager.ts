import {
    commands, Disposable, Uri, ViewColumn, window, type TextEditor, type WebviewPanel, type WebviewPanelSerializer
} from 'vscode';
import { previewViewType } from '../../protocol/webview-messages.js';
import { parsePreviewState } from '../../webview/preview-state.js';
import { previewLockedContext, showPreviewCommand, showPreviewToSideCommand, toggleLockCommand } from './preview-commands.js';
import { registerExports } from './preview-export.js';
import { registerCompareCommand } from '../compare-command.js';
import { StrategyPreview, webviewOptions, type PreviewContext } from './preview-panel.js';

/** workspaceState key: whether the preview was locked, for the serializer after a window reload. */
const lockedKey = 'strategy.previewLocked';

function isStrategyEditor(editor: TextEditor | undefined): editor is TextEditor {
    return editor !== undefined && editor.document.languageId === 'strategy';
}

/**
 * Which preview exists and what it follows (cf. the Markdown preview's previewManager.ts): one preview that follows
 * the active .strategy editor unless it is locked, opened in place (Ctrl+Shift+V) or to the side (Ctrl+K V),
 * brought back after a window reload by the serializer.
 */
export class PreviewManager implements WebviewPanelSerializer, Disposable {
    private preview: StrategyPreview | undefined;
    private readonly disposables: Disposable[] = [];
    private stopping = false;

    constructor(private readonly context: PreviewContext) {
        this.disposables.push(
            window.registerWebviewPanelSerializer(previewViewType, this),
            window.onDidChangeActiveTextEditor(editor => {
                if (isStrategyEditor(editor)) this.preview?.follow(editor);
            }),
            commands.registerCommand(showPreviewCommand, (uri?: Uri) => this.show(uri, ViewColumn.Active)),
            commands.registerCommand(showPreviewToSideCommand, (uri?: Uri) => this.show(uri, ViewColumn.Beside)),
            commands.registerCommand(toggleLockCommand, () => this.toggleLock())
        );
    }

    /** The open preview, if any. */
    get active(): StrategyPreview | undefined {
        return this.preview;
    }

    /** The open preview, or a new one beside the editor that keeps the focus (the PNG export needs a webview). */
    ensure(): StrategyPreview {
        return this.preview ?? this.open(this.editorFor(undefined), ViewColumn.Beside, true);
    }

    async deserializeWebviewPanel(panel: WebviewPanel, state: unknown): Promise<void> {
        const saved = parsePreviewState(state);
        const preview = new StrategyPreview(panel, this.context, { uri: saved?.uri, canvas: saved?.canvas });
        // A preview locked before the window reloaded comes back locked (one preview: one bit in the workspace's state).
        if (this.context.workspaceState.get(lockedKey) === true) preview.setLocked(true, undefined);
        this.adopt(preview);
    }

    dispose(): void {
        // The extension stops (a window reload): the lock stays saved for the preview the serializer brings back.
        this.stopping = true;
        this.preview?.dispose();
        Disposable.from(...this.disposables.splice(0)).dispose();
    }

    /** Locks the preview on what it shows, or unlocks it to follow the active editor again. */
    toggleLock(): void {
        const preview = this.preview;
        if (!preview) return;
        preview.setLocked(!preview.locked, isStrategyEditor(window.activeTextEditor) ? window.activeTextEditor : undefined);
        this.lockedContext(preview.locked);
    }

    /** The title bar's lock button shows while the preview is locked; a reload brings the lock back. */
    private lockedContext(locked: boolean): void {
        void commands.executeCommand('setContext', previewLockedContext, locked);
        void this.context.workspaceState.update(lockedKey, locked);
    }

    private show(uri: Uri | undefined, column: ViewColumn): void {
        const editor = this.editorFor(uri);
        if (this.preview) {
            this.preview.reveal(column, false);
            // Asked to show an editor's file: a locked preview unlocks to do so (the one preview there is).
            if (editor && this.preview.locked) {
                this.preview.setLocked(false, undefined);
                this.lockedContext(false);
            }
            if (editor) this.preview.follow(editor);
            return;
        }
        this.open(editor, column, false, uri);
    }

    /** The editor of the file a command names (the title-bar button and the explorer pass it), else the active one. */
    private editorFor(uri: Uri | undefined): TextEditor | undefined {
        if (uri) return window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
        const active = window.activeTextEditor;
        return isStrategyEditor(active) ? active : window.visibleTextEditors.find(isStrategyEditor);
    }

    private open(editor: TextEditor | undefined, column: ViewColumn, preserveFocus: boolean, file?: Uri): StrategyPreview {
        const panel = window.createWebviewPanel(previewViewType, 'Strategy Preview', { viewColumn: column, preserveFocus }, {
            ...webviewOptions(this.context.extensionUri),
            enableFindWidget: true
        });
        const shown = editor?.document.uri ?? file;
        const uri = shown && this.context.client.code2ProtocolConverter.asUri(shown);
        return this.adopt(new StrategyPreview(panel, this.context, { uri }, editor));
    }

    private adopt(preview: StrategyPreview): StrategyPreview {
        // A second panel (a restored one next to a new one) replaces the first as the one commands address.
        this.preview = preview;
        preview.onDidDispose(() => {
            if (this.preview !== preview) return;
            this.preview = undefined;
            if (!this.stopping) this.lockedContext(false);
        });
        this.lockedContext(preview.locked);
        return preview;
    }
}

/** The preview's commands, its serializer, the export commands and Compare with Revision; the manager, for the extension's API. */
export function registerPreview(context: PreviewContext): { manager: PreviewManager; disposables: Disposable[] } {
    const manager = new PreviewManager(context);
    return { manager, disposables: [manager, ...registerExports(context, manager), registerCompareCommand(context.client, manager)] };
}
