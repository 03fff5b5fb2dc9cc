import {
    clampZoom, constrain, cssTransform, fitTransform, identity, panBy, panToShow, stepZoom, wheelSteps, zoomTo,
    type MapTransform, type Size
} from './map-transform.js';

/** A pointer must move this far (CSS pixels) before a press becomes a drag instead of a click. */
const dragThreshold = 4;
/** How far an arrow key pans the map, in CSS pixels; with Shift, most of the viewport. */
const arrowPan = 48;

interface Drag {
    pointerId: number;
    startX: number;
    startY: number;
    origin: MapTransform;
    moving: boolean;
}

/**
 * Pan (drag, wheel) and zoom (Ctrl/Cmd+wheel, +/−/0 keys and buttons, fit) of the map's `.map-viewport > svg`.
 * Listens on the content root once; the viewport and its SVG are replaced with every update and re-attached.
 * The transform is set through CSSOM (`style.transform`), which the webview's CSP allows.
 */
export class MapControls {
    private transform: MapTransform = identity;
    /** The transform was restored or fitted; until then the next attached map is fitted to the viewport. */
    private placed = false;
    private viewport: HTMLElement | undefined;
    private svg: SVGSVGElement | undefined;
    private drag: Drag | undefined;
    private suppressClick = false;
    /** Ctrl+wheel movement not yet worth a zoom step. */
    private wheelPending = 0;

    constructor(
        root: HTMLElement,
        private readonly toolbar: HTMLElement,
        private readonly onChange: (transform: MapTransform) => void
    ) {
        root.addEventListener('pointerdown', event => this.pointerDown(event));
        root.addEventListener('pointermove', event => this.pointerMove(event));
        root.addEventListener('pointerup', event => this.pointerUp(event));
        root.addEventListener('pointercancel', event => this.pointerUp(event));
        // Capture phase: a drag that ends over a node must not also reveal that node.
        root.addEventListener('click', event => {
            if (!this.suppressClick) return;
            this.suppressClick = false;
            event.preventDefault();
            event.stopPropagation();
        }, true);
        root.addEventListener('wheel', event => this.wheel(event), { passive: false });
        // Focusing a node by Tab scrolls the overflow-hidden viewport natively; turn that scroll into pan instead.
        root.addEventListener('scroll', event => this.viewportScrolled(event), true);
        toolbar.addEventListener('click', event => {
            const button = (event.target as Element).closest('button[data-zoom]');
            if (button) this.command(button.getAttribute('data-zoom') ?? '');
        });
    }

    get current(): MapTransform {
        return this.transform;
    }

    get attached(): boolean {
        return this.svg !== undefined;
    }

    /** The transform saved before a reload, applied to the next map shown. */
    restore(transform: MapTransform): void {
        this.transform = { zoom: clampZoom(transform.zoom), pan: { ...transform.pan } };
        this.placed = true;
    }

    /** Called after each update: the map's new viewport keeps the pan and zoom (or is fitted the first time). */
    attach(viewport: HTMLElement | undefined): void {
        this.drag = undefined;
        this.viewport = viewport;
        this.svg = viewport?.querySelector<SVGSVGElement>(':scope > svg') ?? undefined;
        this.toolbar.hidden = this.svg === undefined;
        if (!this.svg) return;
        if (!this.placed) {
            this.placed = true;
            this.set(fitTransform(this.viewportSize(), this.contentSize()));
        } else {
            this.apply();
        }
    }

    /** Brings a map element into view when any of it is outside the viewport. */
    show(element: Element): void {
        if (!this.viewport) return;
        const box = this.viewport.getBoundingClientRect();
        const target = element.getBoundingClientRect();
        this.set(panToShow(this.transform, this.viewportSize(),
            { x: target.left - box.left, y: target.top - box.top, width: target.width, height: target.height }));
    }

    /** `in`, `out`, `reset` (100 %), `fit`; from the toolbar and the keyboard. */
    command(name: string): void {
        if (!this.svg) return;
        const size = this.viewportSize();
        const centre = { x: size.width / 2, y: size.height / 2 };
        switch (name) {
            case 'in': this.set(zoomTo(this.transform, stepZoom(this.transform.zoom, 1), centre)); break;
            case 'out': this.set(zoomTo(this.transform, stepZoom(this.transform.zoom, -1), centre)); break;
            case 'reset': this.set(zoomTo(this.transform, 1, centre)); break;
            case 'fit': this.set(fitTransform(size, this.contentSize())); break;
        }
    }

    /**
     * The keys, when the map is shown and the key is not typed into a field: + and − zoom a level, 0 fits; the arrows
     * pan when the map's viewport itself has the focus (a focused card keeps its own keys).
     */
    key(event: KeyboardEvent): boolean {
        // Ctrl/Cmd with + and − zoom the whole window in VS Code; leave those to it.
        if (!this.svg || event.altKey || event.ctrlKey || event.metaKey) return false;
        const name = ({ '+': 'in', '=': 'in', '-': 'out', '0': 'fit' } as Record<string, string>)[event.key];
        if (name) {
            this.command(name);
            return true;
        }
        const arrow = ({ ArrowLeft: [1, 0], ArrowRight: [-1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] } as Record<string, [number, number]>)[event.key];
        if (!arrow || event.target !== this.viewport) return false;
        const size = this.viewportSize();
        const distance = (extent: number) => (event.shiftKey ? Math.max(arrowPan, extent * 0.8) : arrowPan);
        this.set(panBy(this.transform, arrow[0] * distance(size.width), arrow[1] * distance(size.height)));
        return true;
    }

    private set(transform: MapTransform): void {
        this.transform = this.svg ? constrain(transform, this.viewportSize(), this.contentSize()) : transform;
        this.apply();
        this.onChange(this.transform);
    }

    private apply(): void {
        if (this.svg) this.svg.style.transform = cssTransform(this.transform);
        const label = this.toolbar.querySelector('[data-zoom="reset"]');
        if (label) label.textContent = `${Math.round(this.transform.zoom * 100)}%`;
    }

    private viewportSize(): Size {
        return { width: this.viewport?.clientWidth ?? 0, height: this.viewport?.clientHeight ?? 0 };
    }

    private contentSize(): Size {
        const svg = this.svg;
        if (!svg) return { width: 0, height: 0 };
        return {
            width: svg.clientWidth || svg.width.baseVal.value || svg.viewBox.baseVal?.width || 0,
            height: svg.clientHeight || svg.height.baseVal.value || svg.viewBox.baseVal?.height || 0
        };
    }

    private inViewport(target: EventTarget | null): boolean {
        return this.viewport !== undefined && target instanceof Node && this.viewport.contains(target);
    }

    private pointerDown(event: PointerEvent): void {
        if (event.button !== 0 || !this.inViewport(event.target)) return;
        this.drag = { pointerId: event.pointerId, startX: event.clientX, startY: event.clientY, origin: this.transform, moving: false };
    }

    private pointerMove(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag || drag.pointerId !== event.pointerId) return;
        const dx = event.clientX - drag.startX;
        const dy = event.clientY - drag.startY;
        if (!drag.moving) {
            if (Math.hypot(dx, dy) < dragThreshold) return;
            drag.moving = true;
            // Captured only once it is a drag: a capture from the press would retarget the click away from the node.
            this.viewport?.setPointerCapture(event.pointerId);
            this.viewport?.classList.add('panning');
        }
        this.set(panBy(drag.origin, dx, dy));
    }

    private pointerUp(event: PointerEvent): void {
        const drag = this.drag;
        if (!drag || drag.pointerId !== event.pointerId) return;
        this.drag = undefined;
        this.viewport?.classList.remove('panning');
        if (drag.moving) {
            this.suppressClick = event.type === 'pointerup';
            // No click follows when the pointer was released outside the node it was pressed on.
            setTimeout(() => { this.suppressClick = false; }, 0);
        }
    }

    private wheel(event: WheelEvent): void {
        if (!this.svg || !this.inViewport(event.target)) return;
        event.preventDefault();
        const unit = event.deltaMode === WheelEvent.DOM_DELTA_LINE ? 16
            : event.deltaMode === WheelEvent.DOM_DELTA_PAGE ? this.viewportSize().height : 1;
        if (event.ctrlKey || event.metaKey) {
            const { step, pending } = wheelSteps(this.wheelPending, event.deltaY * unit);
            this.wheelPending = pending;
            if (step === 0) return;
            const box = this.viewport!.getBoundingClientRect();
            this.set(zoomTo(this.transform, stepZoom(this.transform.zoom, step), { x: event.clientX - box.left, y: event.clientY - box.top }));
        } else if (event.shiftKey && event.deltaX === 0) {
            this.set(panBy(this.transform, -event.deltaY * unit, 0));
        } else {
            this.set(panBy(this.transform, -event.deltaX * unit, -event.deltaY * unit));
        }
    }

    private viewportScrolled(event: Event): void {
        const viewport = this.viewport;
        if (event.target !== viewport || !viewport || (viewport.scrollLeft === 0 && viewport.scrollTop === 0)) return;
        const { scrollLeft, scrollTop } = viewport;
        viewport.scrollLeft = 0;
        viewport.scrollTop = 0;
        this.set(panBy(this.transform, -scrollLeft, -scrollTop));
    }
}
