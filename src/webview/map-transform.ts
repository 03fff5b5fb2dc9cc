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

/**
 * The zoom levels of VS Code's image preview (extensions/media-preview), up to 5: the +/− buttons and keys and each
 * Ctrl+wheel notch go to the next one, so a zoom is always one of these unless Fit chose another.
 */
export const zoomLevels: readonly number[] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.5, 2, 3, 5];
export const minZoom = zoomLevels[0]!;
export const maxZoom = zoomLevels[zoomLevels.length - 1]!;
/**
 * Fit never goes below this: the map's 11–12 px text stays at 9 px or more on screen (12 × 0.8 = 9.6, 11 × 0.8 = 8.8);
 * a map that would need less is shown at this zoom from its top-left corner and panned.
 */
export const readableZoom = 0.8;
/** The wheel's movement (CSS pixels, summed over events) that makes one zoom step: a mouse notch is 100 in Chromium. */
export const wheelNotch = 50;
/** How much of the map stays inside the viewport however far it is dragged, in CSS pixels. */
const keepVisible = 48;

export const identity: MapTransform = { zoom: 1, pan: { x: 0, y: 0 } };

export function clampZoom(zoom: number): number {
    if (!Number.isFinite(zoom)) return 1;
    return Math.min(maxZoom, Math.max(minZoom, zoom));
}

/** The next zoom level after `zoom` in `direction` (1 in, −1 out); a zoom between levels goes to the nearer one that way. */
export function stepZoom(zoom: number, direction: 1 | -1): number {
    // A hair of slack, so a level reached through arithmetic (0.30000000000000004) counts as that level.
    const next = direction > 0
        ? zoomLevels.find(level => level > zoom + 1e-6)
        : [...zoomLevels].reverse().find(level => level < zoom - 1e-6);
    return next ?? (direction > 0 ? maxZoom : minZoom);
}

/** Zooms to `zoom` keeping the map point under `anchor` (viewport coordinates) where it is. */
export function zoomTo(transform: MapTransform, target: number, anchor: Point): MapTransform {
    const zoom = clampZoom(target);
    const scale = zoom / transform.zoom;
    return {
        zoom,
        pan: { x: anchor.x - (anchor.x - transform.pan.x) * scale, y: anchor.y - (anchor.y - transform.pan.y) * scale }
    };
}

/**
 * Zoom steps of a Ctrl+wheel event, given the movement earlier events left pending: a mouse notch is one step, a
 * trackpad's or pinch's small deltas add up to one; never more than one step per event, as in VS Code's own zoom.
 */
export function wheelSteps(pending: number, deltaY: number): { step: 1 | -1 | 0; pending: number } {
    // A turn the other way starts afresh instead of first cancelling what was pending.
    const total = Math.sign(pending) === -Math.sign(deltaY) ? deltaY : pending + deltaY;
    if (Math.abs(total) < wheelNotch) return { step: 0, pending: total };
    return { step: total < 0 ? 1 : -1, pending: 0 };
}

export function panBy(transform: MapTransform, dx: number, dy: number): MapTransform {
    return { zoom: transform.zoom, pan: { x: transform.pan.x + dx, y: transform.pan.y + dy } };
}

/**
 * The whole map inside the viewport, centred across and at the top (no band left empty above it), never enlarged
 * beyond its natural size and never below `readableZoom`: past that the map starts at its top-left corner and pans.
 */
export function fitTransform(viewport: Size, content: Size, margin = 16): MapTransform {
    if (content.width <= 0 || content.height <= 0 || viewport.width <= 0 || viewport.height <= 0) return identity;
    const whole = Math.min(1, (viewport.width - 2 * margin) / content.width, (viewport.height - 2 * margin) / content.height);
    const zoom = clampZoom(Math.max(readableZoom, whole));
    return { zoom, pan: { x: Math.max(margin, (viewport.width - content.width * zoom) / 2), y: margin } };
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
