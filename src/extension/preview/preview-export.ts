import { commands, env, FileType, Uri, window, workspace, type Disposable } from 'vscode';
import {
    previewTargetRequest, renderRequest, type PreviewTargetParams
} from '../../protocol/strategy-protocol.js';
import { exportKinds, pngScale, type ExportFormat } from './export-file.js';
import { runExport, targetParams, type ExportPorts, type ExportTarget } from './export-flow.js';
import { copyCommands, exportCommands } from './preview-commands.js';
import type { PreviewContext, StrategyPreview } from './preview-panel.js';

/** The previews as the export sees them (preview-manager.ts keeps them): the open one, or one opened for a PNG. */
export interface Previews {
    readonly active: StrategyPreview | undefined;
    ensure(): StrategyPreview;
}

/** workspaceState key of the folder an export was saved to last. */
const lastFolderKey = 'strategy.exportFolder';

/** What the preview shows, else the canvas under the active .strategy editor's cursor, else the alignment map. */
async function exportTarget(context: PreviewContext, manager: Previews): Promise<ExportTarget<Uri>> {
    const asUri = (uri: string | undefined) => (uri === undefined ? undefined : context.client.protocol2CodeConverter.asUri(uri));
    const preview = manager.active;
    if (preview) return { canvas: preview.current.canvas, file: asUri(preview.current.uri), filter: preview.mapFilter };
    const editor = window.activeTextEditor;
    if (editor?.document.languageId !== 'strategy') return {};
    const uri = context.client.code2ProtocolConverter.asUri(editor.document.uri);
    const { line, character } = editor.selection.active;
    const params: PreviewTargetParams = { uri, position: { line, character } };
    const target = await context.client.sendRequest(previewTargetRequest, params);
    return { canvas: target?.canvas, file: editor.document.uri };
}

function exportPorts(context: PreviewContext, manager: Previews): ExportPorts<Uri> {
    const inWorkspace = (file: Uri) => workspace.getWorkspaceFolder(file) !== undefined;
    return {
        target: () => exportTarget(context, manager),
        render: params => context.client.sendRequest(renderRequest, params),
        rasterize: (svg, scale) => manager.ensure().rasterize(svg, scale),
        lastFolder: () => {
            const saved = context.workspaceState.get<unknown>(lastFolderKey);
            return typeof saved === 'string' ? Uri.parse(saved) : undefined;
        },
        rememberFolder: folder => Promise.resolve(context.workspaceState.update(lastFolderKey, folder.toString())),
        isFolder: async folder => {
            try {
                return (await workspace.fs.stat(folder)).type === FileType.Directory;
            } catch {
                return false;
            }
        },
        workspaceFolder: file => (file && workspace.getWorkspaceFolder(file)?.uri) ?? workspace.workspaceFolders?.[0]?.uri,
        join: (folder, name) => Uri.joinPath(folder, name),
        parent: file => Uri.joinPath(file, '..'),
        saveDialog: ({ title, defaultUri, filterLabel, extension }) => Promise.resolve(
            window.showSaveDialog({ title, defaultUri, filters: { [filterLabel]: [extension] } })),
        writeFile: (file, bytes) => Promise.resolve(workspace.fs.writeFile(file, bytes)),
        describe: file => (inWorkspace(file) ? workspace.asRelativePath(file) : file.fsPath || file.toString()),
        notify: (message, ...actions) => Promise.resolve(window.showInformationMessage(message, ...actions)),
        open: async file => { await commands.executeCommand('vscode.open', file); },
        reveal: async file => { await commands.executeCommand(inWorkspace(file) ? 'revealInExplorer' : 'revealFileInOS', file); },
        error: message => void window.showErrorMessage(message)
    };
}

/**
 * "Copy as SVG": the standalone SVG's markup, as text (VS Code's clipboard holds text only). "Copy as PNG": the
 * webview that draws the PNG puts it on the clipboard itself.
 */
async function copyAs(context: PreviewContext, manager: Previews, format: 'svg' | 'png'): Promise<void> {
    const target = await exportTarget(context, manager);
    const result = await context.client.sendRequest(renderRequest, targetParams(target, 'svg'));
    if (!result) {
        void window.showErrorMessage(`No canvas named ${target.canvas ?? ''} to copy; the workspace may have changed.`);
        return;
    }
    if (format === 'png') await manager.ensure().rasterize(result.content, pngScale, true);
    else await env.clipboard.writeText(result.content);
    window.setStatusBarMessage(`Copied ${result.title} as ${format.toUpperCase()}`, 5000);
}

function guarded(context: PreviewContext, what: string, action: () => Promise<void>): () => Promise<void> {
    return async () => {
        try {
            await action();
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            context.log.error(`${what} failed: ${message}`);
            void window.showErrorMessage(`${what} failed: ${message}`);
        }
    };
}

/** "Strategy: Export as HTML | SVG | PNG" (the renderer's standalone files, as `strategy render` writes them), "Copy as SVG / PNG". */
export function registerExports(context: PreviewContext, manager: Previews): Disposable[] {
    const ports = exportPorts(context, manager);
    return [
        ...(Object.keys(exportCommands) as ExportFormat[]).map(format => commands.registerCommand(exportCommands[format],
            guarded(context, `Export as ${exportKinds[format].label}`, () => runExport(ports, format)))),
        commands.registerCommand(copyCommands.svg, guarded(context, 'Copy as SVG', () => copyAs(context, manager, 'svg'))),
        commands.registerCommand(copyCommands.png, guarded(context, 'Copy as PNG', () => copyAs(context, manager, 'png')))
    ];
}
