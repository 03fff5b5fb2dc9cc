import type { RenderFormat } from '../../protocol/strategy-protocol.js';

// The export commands' formats: what the server renders for each, the file it is saved as. Pure, tested without VS Code.

export type ExportFormat = 'html' | 'svg' | 'png';

export interface ExportKind {
    /** What `strategy/render` is asked for: a PNG is the SVG export drawn by the preview's webview. */
    render: RenderFormat;
    extension: string;
    /** The save dialog's filter name. */
    label: string;
}

export const exportKinds: Record<ExportFormat, ExportKind> = {
    html: { render: 'html', extension: 'html', label: 'HTML' },
    svg: { render: 'svg', extension: 'svg', label: 'SVG' },
    png: { render: 'svg', extension: 'png', label: 'PNG' }
};

/** The PNG is drawn at twice the SVG's size, sharp on high-density screens and in slides. */
export const pngScale = 2;

/** `AppRecurrence.html`, or `alignment-map.svg` for the map; anything a file name cannot hold becomes `-`. */
export function exportFileName(canvas: string | undefined, format: ExportFormat): string {
    const base = (canvas ?? 'alignment-map').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[.-]+/, '') || 'strategy';
    return `${base}.${exportKinds[format].extension}`;
}
