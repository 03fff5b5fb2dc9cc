// Export as PNG: the extension has no browser engine, so it sends the standalone SVG export here to be drawn.
// The SVG is loaded as an image from a blob: URL (an image runs no script and loads nothing, whatever it holds),
// drawn into a canvas and read back as PNG.

/** Chromium's limits for a canvas are larger; these keep the PNG of a 2,000-element map within reason. */
const maxSide = 16384;
const maxPixels = 64 * 1024 * 1024;

function loadImage(url: string): Promise<HTMLImageElement> {
    return new Promise((resolve, reject) => {
        const image = new Image();
        image.addEventListener('load', () => resolve(image));
        image.addEventListener('error', () => reject(new Error('The SVG could not be drawn as an image.')));
        image.src = url;
    });
}

/** The scale actually used: the one asked for, reduced so the canvas stays within the limits. */
export function boundedScale(width: number, height: number, scale: number): number {
    const asked = Number.isFinite(scale) && scale > 0 ? scale : 1;
    return Math.min(asked, maxSide / width, maxSide / height, Math.sqrt(maxPixels / (width * height)));
}

/** The PNG of the SVG at `scale`, base64 encoded. */
export async function rasterize(svg: string, scale: number): Promise<string> {
    const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    try {
        const image = await loadImage(url);
        const width = image.naturalWidth;
        const height = image.naturalHeight;
        if (!width || !height) throw new Error('The SVG has no width or height.');
        const factor = boundedScale(width, height, scale);
        const canvas = document.createElement('canvas');
        canvas.width = Math.max(1, Math.round(width * factor));
        canvas.height = Math.max(1, Math.round(height * factor));
        const context = canvas.getContext('2d');
        if (!context) throw new Error('The webview cannot draw into a canvas.');
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        const dataUrl = canvas.toDataURL('image/png');
        const comma = dataUrl.indexOf(',');
        if (!dataUrl.startsWith('data:image/png') || comma < 0) throw new Error('The canvas gave no PNG.');
        return dataUrl.slice(comma + 1);
    } finally {
        URL.revokeObjectURL(url);
    }
}
