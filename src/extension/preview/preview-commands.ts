import type { ExportFormat } from './export-file.js';

// The preview's command IDs, as package.json declares them (a test compares the two).

export const showPreviewCommand = 'strategy.showPreview';
export const showPreviewToSideCommand = 'strategy.showPreviewToSide';
/** As the Markdown preview's `markdown.preview.toggleLock`. */
export const toggleLockCommand = 'strategy.preview.toggleLock';
/** The context key set while the preview is locked: its title bar then shows a lock that unlocks it. */
export const previewLockedContext = 'strategy.previewLocked';

export const exportCommands: Record<ExportFormat, string> = {
    html: 'strategy.exportHtml',
    svg: 'strategy.exportSvg',
    png: 'strategy.exportPng'
};

/** Copies to the clipboard: the SVG as its markup (text), the PNG as an image (written by the webview). */
export const copyCommands = {
    svg: 'strategy.copySvg',
    png: 'strategy.copyPng'
} as const;
