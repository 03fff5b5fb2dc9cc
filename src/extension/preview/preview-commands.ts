import type { ExportFormat } from './export-file.js';

// The preview's command IDs, as package.json declares them (a test compares the two).

export const showPreviewCommand = 'strategy.showPreview';
export const showPreviewToSideCommand = 'strategy.showPreviewToSide';

export const exportCommands: Record<ExportFormat, string> = {
    html: 'strategy.exportHtml',
    svg: 'strategy.exportSvg',
    png: 'strategy.exportPng'
};
