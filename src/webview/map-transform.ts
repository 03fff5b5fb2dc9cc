// Pan and zoom of the alignment map as plain arithmetic (no DOM), so it can be tested without a browser.
// The map's <svg> is drawn at `translate(pan) scale(zoom)` with its origin at the viewport's top-left corner.

export interface Point {
    x: number;
    y: number;
}

export interface Size {
    width: number;
    height: number;
}

export interface MapTransform {
    zoom: number;
    pan: Point;
}

export const minZoom = 0.05;
export const maxZoom = 4;
/** One step of the +/− buttons and keys; a wheel notch zooms by a fraction of it. */
export const zoomStep = 1.25;
/** How much of the map stays inside the viewport however far it is dragged, in CSS pixels. */
const keepVisible = 48;

export const identity: MapTransform = { zoom: 1, pan: { x: 0, y: 0 } };

export function clampZoom(zoom: number): number {
    if (!Number.isFinite(zoom)) return 1;
    return Math.min(maxZoom, Math.max(minZoom, zoom));
}

/** Zooms by `factor` keeping the map point under `anchor` (viewport coordinates) where it is. */
export function zoomAround(transform: MapTransform, factor: number, anchor: Point): MapTransform {
    const zoom = clampZoom(transform.zoom * factor);
    const scale = zoom / transform.zoom;
    return {
        zoom,
        pan: { x: anchor.x - (anchor.x - transform.pan.x) * scale, y: anchor.y - (anchor.y - transform.pan.y) * scale }
    };
}

/** The zoom factor of a wheel movement (`deltaY` in pixels): about one button step per notch of 100 pixels. */
export function wheelFactor(deltaY: number): number {
    return Math.exp(-deltaY * Math.log(zoomStep) / 100);
}

export function panBy(transform: MapTransform, dx: number, dy: number): MapTransform {
    return { zoom: transform.zoom, pan: { x: transform.pan.x + dx, y: transform.pan.y + dy } };
}

/** The whole map inside the viewport, centred, never enlarged beyond its natural size. */
export function fitTransform(viewport: Size, content: Size, margin = 16): MapTransform {
    if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return identity;
    const zoom = clampZoom(Math.min(1,
        (viewport.width - 2 * margin) / content.width,
        (viewport.height - 2 * margin) / content.height));
    return {
        zoom,
        pan: {
            x: Math.max(margin, (viewport.width - content.width * zoom) / 2),
            y: Math.max(margin, (viewport.height - content.height * zoom) / 2)
        }
    };
}

/** Keeps at least a strip of the map inside the viewport, so it cannot be dragged out of reach. */
export function constrain(transform: MapTransform, viewport: Size, content: Size): MapTransform {
    if (viewport.width <= 0 || viewport.height <= 0) return transform;
    const width = content.width * transform.zoom;
    const height = content.height * transform.zoom;
    const keepX = Math.min(keepVisible, width, viewport.width);
    const keepY = Math.min(keepVisible, height, viewport.height);
    const x = Math.min(viewport.width - keepX, Math.max(keepX - width, transform.pan.x));
    const y = Math.min(viewport.height - keepY, Math.max(keepY - height, transform.pan.y));
    return { zoom: transform.zoom, pan: { x, y } };
}

/** The pan that puts `target` (a rectangle in viewport coordinates) in the viewport's middle, if any of it is outside. */
export function panToShow(transform: MapTransform, viewport: Size, target: Point & Size): MapTransform {
    const inside = target.x >= 0 && target.y >= 0
        && target.x + target.width <= viewport.width && target.y + target.height <= viewport.height;
    if (inside) return transform;
    return panBy(transform,
        viewport.width / 2 - (target.x + target.width / 2),
        viewport.height / 2 - (target.y + target.height / 2));
}

/** The CSS transform that draws the map with it. */
export function cssTransform(transform: MapTransform): string {
    const round = (value: number) => Math.round(value * 100) / 100;
    return `translate(${round(transform.pan.x)}px, ${round(transform.pan.y)}px) scale(${round(transform.zoom * 10000) / 10000})`;
}
