import { commands, Uri, window, workspace, type Disposable } from 'vscode';
import {
    previewTargetRequest, renderRequest, type PreviewTargetParams, type RenderParams
} from '../../protocol/strategy-protocol.js';
import { exportFileName, exportKinds, pngScale, type ExportFormat } from './export-file.js';
import { exportCommands } from './preview-commands.js';
import type { PreviewContext, StrategyPreview } from './preview-panel.js';

/** The previews as the export sees them (preview-manager.ts keeps them): the open one, or one opened for a PNG. */
export interface Previews {
    readonly active: StrategyPreview | undefined;
    ensure(): StrategyPreview;
}

interface ExportTarget {
    canvas?: string;
    /** The .strategy file it was chosen from; the save dialog starts in its folder. */
    uri?: string;
}

/** What the preview shows, else the canvas under the active .strategy editor's cursor, else the alignment map. */
async function exportTarget(context: PreviewContext, manager: Previews): Promise<ExportTarget> {
    const preview = manager.active;
    if (preview) return preview.current;
    const editor = window.activeTextEditor;
    if (editor?.document.languageId !== 'strategy') return {};
    const uri = context.client.code2ProtocolConverter.asUri(editor.document.uri);
    const { line, character } = editor.selection.active;
    const params: PreviewTargetParams = { uri, position: { line, character } };
    const target = await context.client.sendRequest(previewTargetRequest, params);
    return { canvas: target?.canvas, uri };
}

function defaultLocation(context: PreviewContext, target: ExportTarget, format: ExportFormat): Uri | undefined {
    const name = exportFileName(target.canvas, format);
    const file = target.uri ? context.client.protocol2CodeConverter.asUri(target.uri) : undefined;
    if (file?.scheme === 'file') return Uri.joinPath(file, '..', name);
    const folder = workspace.workspaceFolders?.[0]?.uri;
    return folder ? Uri.joinPath(folder, name) : undefined;
}

async function exportAs(context: PreviewContext, manager: Previews, format: ExportFormat): Promise<void> {
    const kind = exportKinds[format];
    const target = await exportTarget(context, manager);
    const params: RenderParams = { canvas: target.canvas, format: kind.render };
    const result = await context.client.sendRequest(renderRequest, params);
    if (!result) {
        void window.showErrorMessage(`No canvas named ${target.canvas ?? ''} to export; the workspace may have changed.`);
        return;
    }
    const destination = await window.showSaveDialog({
        title: `Export ${result.title} as ${kind.label}`,
        defaultUri: defaultLocation(context, target, format),
        filters: { [kind.label]: [kind.extension] }
    });
    if (!destination) return;
    let bytes: Uint8Array;
    if (format === 'png') {
        // Only a browser engine draws SVG; the preview's webview is one (opened beside the editor if it was closed).
        bytes = await manager.ensure().rasterize(result.content, pngScale);
    } else {
        bytes = new TextEncoder().encode(result.content);
    }
    await workspace.fs.writeFile(destination, bytes);
    window.setStatusBarMessage(`Exported ${result.title} to ${workspace.asRelativePath(destination)}`, 5000);
}

/** "Strategy: Export as HTML | SVG | PNG": the renderer's standalone files, as `strategy render` writes them. */
export function registerExports(context: PreviewContext, manager: Previews): Disposable[] {
    return (Object.keys(exportCommands) as ExportFormat[]).map(format => commands.registerCommand(exportCommands[format], async () => {
        try {
            await exportAs(context, manager, format);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            context.log.error(`Export as ${exportKinds[format].label} failed: ${message}`);
            void window.showErrorMessage(`Export as ${exportKinds[format].label} failed: ${message}`);
        }
    }));
}
