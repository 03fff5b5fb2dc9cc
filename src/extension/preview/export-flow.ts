import type { RenderParams, RenderResult, WorkFilter } from '../../protocol/strategy-protocol.js';
import { exportFileName, exportKinds, pngScale, type ExportFormat } from './export-file.js';

// What an export does, without VS Code (preview-export.ts wires it): render what the preview shows, propose a file
// named after it in the folder used last, write it, and say where it went with a way to open it or find it.
// Generic over the URI type so the tests drive it with strings.

/** What is exported: the canvas the preview shows (the map without one, with its filter), and the .strategy file it follows. */
export interface ExportTarget<U> {
    canvas?: string;
    file?: U;
    /** The filter of the map the preview shows: the export is what the preview shows. */
    filter?: WorkFilter;
}

/** The request that renders the target as the preview shows it, in this format. */
export function targetParams(target: ExportTarget<unknown>, format: RenderParams['format']): RenderParams {
    return target.filter && target.canvas === undefined ? { canvas: undefined, format, filter: target.filter } : { canvas: target.canvas, format };
}

export const openAction = 'Open';
export const revealAction = 'Reveal in Explorer';

export interface ExportPorts<U> {
    target(): Promise<ExportTarget<U>>;
    render(params: RenderParams): Promise<RenderResult | null>;
    /** The standalone SVG drawn as a PNG (by the preview's webview: the extension host has no browser engine). */
    rasterize(svg: string, scale: number): Promise<Uint8Array>;
    /** The folder an export was saved to last (kept in the workspace's state), if any. */
    lastFolder(): U | undefined;
    rememberFolder(folder: U): Promise<void>;
    /** Whether this folder still exists. */
    isFolder(folder: U): Promise<boolean>;
    /** The workspace folder that holds this file, else the first workspace folder, else undefined. */
    workspaceFolder(file: U | undefined): U | undefined;
    join(folder: U, name: string): U;
    parent(file: U): U;
    saveDialog(options: { title: string; defaultUri: U | undefined; filterLabel: string; extension: string }): Promise<U | undefined>;
    writeFile(file: U, bytes: Uint8Array): Promise<void>;
    /** How the notification names the file: relative to the workspace when inside it. */
    describe(file: U): string;
    notify(message: string, ...actions: string[]): Promise<string | undefined>;
    open(file: U): Promise<void>;
    /** In the Explorer view when the file is in the workspace, else in the system's file manager. */
    reveal(file: U): Promise<void>;
    error(message: string): void;
}

/** The file the save dialog proposes: named after the canvas, in the folder used last, else the file's workspace folder. */
export async function proposedFile<U>(ports: ExportPorts<U>, target: ExportTarget<U>, format: ExportFormat): Promise<U | undefined> {
    const name = exportFileName(target.canvas, format);
    const last = ports.lastFolder();
    const folder = last !== undefined && await ports.isFolder(last) ? last : ports.workspaceFolder(target.file);
    return folder === undefined ? undefined : ports.join(folder, name);
}

/** Export as HTML, SVG or PNG through the save dialog; resolves when the notification was answered (or at once without a file). */
export async function runExport<U>(ports: ExportPorts<U>, format: ExportFormat): Promise<void> {
    const kind = exportKinds[format];
    const target = await ports.target();
    const result = await ports.render(targetParams(target, kind.render));
    if (!result) {
        ports.error(`No canvas named ${target.canvas ?? ''} to export; the workspace may have changed.`);
        return;
    }
    const destination = await ports.saveDialog({
        title: `Export ${result.title} as ${kind.label}`,
        defaultUri: await proposedFile(ports, target, format),
        filterLabel: kind.label,
        extension: kind.extension
    });
    if (destination === undefined) return;
    // Only a browser engine draws SVG; the preview's webview is one (opened beside the editor if it was closed).
    const bytes = format === 'png' ? await ports.rasterize(result.content, pngScale) : new TextEncoder().encode(result.content);
    await ports.writeFile(destination, bytes);
    await ports.rememberFolder(ports.parent(destination));
    const action = await ports.notify(`Exported ${result.title} to ${ports.describe(destination)}`, openAction, revealAction);
    if (action === openAction) await ports.open(destination);
    else if (action === revealAction) await ports.reveal(destination);
}
