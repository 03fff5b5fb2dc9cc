// The map's cards in the preview: a click on an objective's card (or Enter on it, or on its "+N more") shows its whole
// card in place, over the map, without a new layout; Alt+click or its focus button shows only that objective and
// what is below it, with a breadcrumb back up. Both are kept, by the objectives' keys, across the updates typing sends.
// A whole card is not in the map the extension sends unless it is expanded (the whole cards are most of the map's
// bytes, sent and parsed again on every keystroke): the first expansion asks for it (`expand` → `card`), and every
// later update carries it while it stays expanded. The expanded cards are also kept across a reload of the webview
// (in its saved state): the first map after it shows them expanded again, asking for the whole cards it lacks, and
// drops those it does not have. The focused objective is kept there too, by the webview alone (the extension renders
// the whole map either way): the first map after a reload is focused on it again, or on the whole map if it is gone.

const hidden = 'map-hidden';
const svgNamespace = 'http://www.w3.org/2000/svg';

/** To the extension: the cards expanded now, and one whose whole card the page lacks. */
export type ExpandPost = (cards: string[], open?: string) => void;

/** To the webview's saved state: the focused objective's key, undefined for the whole map. */
export type FocusKeep = (focus: string | undefined) => void;

/** What a reload's saved state brings back: the cards shown expanded and the focused objective. */
export interface RestoredCards {
    expanded?: readonly string[];
    focus?: string;
}

/** What a card is remembered by across updates: its element's key; a group (no element) by its node. */
function cardKey(node: Element): string {
    return node.getAttribute('data-element') ?? `group:${node.getAttribute('data-node') ?? ''}`;
}

export class MapCards {
    private readonly expanded: Set<string>;
    /** Until the first map is applied: the expanded cards came from a reload's state, not from this map's clicks. */
    private restoring: boolean;
    /** The focused objective's key, or undefined for the whole map. */
    private focus: string | undefined;

    /**
     * `refit` places the map anew after the focus changed its size (the pan and zoom controls' "Fit"); `restored`
     * are the cards a reload brought back expanded and the objective it was focused on; `keep` saves the focus.
     */
    constructor(private readonly root: HTMLElement, private readonly refit: () => void, private readonly post: ExpandPost,
        restored: RestoredCards = {}, private readonly keep: FocusKeep = () => undefined) {
        this.expanded = new Set(restored.expanded);
        this.restoring = this.expanded.size > 0;
        this.focus = restored.focus;
        // Capture: the card's own click (reveal in the editor) still follows, but not for the focus button.
        root.addEventListener('click', event => this.click(event), true);
        root.addEventListener('keydown', event => {
            if (event.key !== 'Enter' || !(event.target instanceof Element)) return;
            const action = event.target.closest('[data-action]');
            if (action) {
                this.act(action, false);
                event.preventDefault();
                event.stopPropagation();
            } else if (event.target.matches('[data-node]')) {
                this.toggle(event.target);
            }
        }, true);
    }

    /** The keys of the cards shown expanded. */
    get cards(): string[] {
        return [...this.expanded];
    }

    /** After each update: the new map's cards expanded and focused as before. */
    apply(): void {
        const svg = this.svg();
        if (!svg) return;
        const nodes = [...svg.querySelectorAll('[data-node]')];
        const dropped = this.restoring && this.dropMissing(nodes);
        this.restoring = false;
        let asked = false;
        for (const node of nodes) {
            const key = cardKey(node);
            this.show(node, this.expanded.has(key));
            // An update rendered before the extension heard of the expansion (or a reload): asked for again.
            if (this.expanded.has(key) && !this.wholeOf(node) && node.hasAttribute('data-expandable')) {
                this.post([...this.expanded], key);
                asked = true;
            }
        }
        if (dropped && !asked) this.post([...this.expanded]);
        this.applyFocus(svg);
    }

    /** A card restored expanded whose element is not on the map (deleted, renamed, filtered out) is forgotten. */
    private dropMissing(nodes: Element[]): boolean {
        const present = new Set(nodes.map(cardKey));
        const missing = [...this.expanded].filter(key => !present.has(key));
        for (const key of missing) this.expanded.delete(key);
        return missing.length > 0;
    }

    /** The whole card the extension sent for `key`: placed over the card's summary, if it is still expanded and lacks it. */
    receive(key: string, markup: string): void {
        const svg = this.svg();
        const node = svg && [...svg.querySelectorAll('[data-node]')].find(each => cardKey(each) === key);
        const overlays = svg?.querySelector('.map-overlays');
        if (!node || !overlays || !this.expanded.has(key) || this.wholeOf(node)) return;
        const background = node.querySelector(':scope > .card-bg');
        const whole = document.createElementNS(svgNamespace, 'g');
        whole.setAttribute('class', 'map-whole');
        whole.setAttribute('data-whole', node.getAttribute('data-node') ?? '');
        // The renderer drew it at 0,0; the summary's card says where the card is in this map.
        whole.setAttribute('transform', `translate(${background?.getAttribute('x') ?? 0} ${background?.getAttribute('y') ?? 0})`);
        // The renderer escapes every text of the .strategy files, as in the map itself; parsed as SVG inside the <g>.
        whole.innerHTML = markup;
        whole.classList.toggle(hidden, node.classList.contains(hidden));
        overlays.append(whole);
        this.show(node, true);
    }

    private svg(): SVGSVGElement | undefined {
        return this.root.querySelector<SVGSVGElement>('.map-viewport > svg.alignment-map') ?? undefined;
    }

    private nodeById(id: string | null): Element | undefined {
        if (!id) return undefined;
        return [...this.root.querySelectorAll('[data-node]')].find(node => node.getAttribute('data-node') === id);
    }

    private click(event: MouseEvent): void {
        if (event.button !== 0 || !(event.target instanceof Element) || !this.svg()?.contains(event.target)) return;
        const action = event.target.closest('[data-action]');
        const node = event.target.closest('[data-node]');
        const whole = event.target.closest('[data-whole]');
        if (action) {
            this.act(action, event.altKey);
            event.stopPropagation();
        } else if (node && event.altKey && node.hasAttribute('data-path')) {
            this.setFocus(node.getAttribute('data-element') ?? undefined);
            event.stopPropagation();
        } else if (node && [node, null].includes(event.target.closest('[data-element]'))) {
            this.toggle(node);
        } else if (whole && !event.target.closest('[data-element]')) {
            const owner = this.nodeById(whole.getAttribute('data-whole'));
            if (owner) this.toggle(owner);
        }
    }

    private act(action: Element, alt: boolean): void {
        const node = this.nodeById(action.getAttribute('data-for')) ?? action.closest('[data-node]');
        if (!node) return;
        if ((action.getAttribute('data-action') === 'focus' || alt) && node.hasAttribute('data-path')) this.setFocus(node.getAttribute('data-element') ?? undefined);
        else this.toggle(node);
    }

    private toggle(node: Element): void {
        const key = cardKey(node);
        const open = !this.expanded.has(key);
        if (open) this.expanded.add(key);
        else this.expanded.delete(key);
        this.show(node, open);
        const ask = open && !this.wholeOf(node) && node.hasAttribute('data-expandable');
        this.post([...this.expanded], ask ? key : undefined);
    }

    private wholeOf(node: Element): Element | undefined {
        return [...this.root.querySelectorAll('[data-whole]')].find(each => each.getAttribute('data-whole') === node.getAttribute('data-node'));
    }

    private show(node: Element, open: boolean): void {
        const whole = this.wholeOf(node);
        node.classList.toggle('expanded', open && whole !== undefined);
        whole?.classList.toggle('expanded', open);
        // Expanded as soon as asked, while its whole card is on its way: Enter again closes it.
        if (whole || node.hasAttribute('data-expandable')) node.setAttribute('aria-expanded', String(open));
    }

    private setFocus(key: string | undefined): void {
        this.focus = key;
        this.keep(key);
        const svg = this.svg();
        if (!svg) return;
        this.applyFocus(svg);
        this.refit();
    }

    /** Hides what is outside the focused subtree and shrinks the SVG to what is left; the breadcrumb names the path. */
    private applyFocus(svg: SVGSVGElement): void {
        const nodes = [...svg.querySelectorAll('[data-node]')];
        const focused = nodes.find(node => node.getAttribute('data-element') === this.focus);
        // Gone from this map (deleted, renamed, filtered out, or since a reload): the whole map, and saved so.
        if (!focused && this.focus !== undefined) {
            this.focus = undefined;
            this.keep(undefined);
        }
        const id = focused?.getAttribute('data-node');
        const inside = new Set(nodes.filter(node => !id || (node.getAttribute('data-path') ?? '').split(' ').includes(id)).map(node => node.getAttribute('data-node')));
        for (const node of nodes) node.classList.toggle(hidden, !inside.has(node.getAttribute('data-node')));
        for (const edge of svg.querySelectorAll('[data-to]')) edge.classList.toggle(hidden, !inside.has(edge.getAttribute('data-to')) || edge.getAttribute('data-to') === id);
        for (const each of svg.querySelectorAll('[data-whole], [data-for]')) {
            each.classList.toggle(hidden, !inside.has(each.getAttribute('data-whole') ?? each.getAttribute('data-for')));
        }
        this.fitTo(svg, id === undefined);
        this.breadcrumb(svg, focused);
    }

    private fitTo(svg: SVGSVGElement, whole: boolean): void {
        const original = svg.getAttribute('data-view-box') ?? svg.getAttribute('viewBox') ?? '';
        svg.setAttribute('data-view-box', original);
        let box = original;
        if (!whole) {
            const bounds = (svg.querySelector('.nodes') as SVGGraphicsElement).getBBox();
            box = `${bounds.x - 20} ${bounds.y - 20} ${bounds.width + 40} ${bounds.height + 40}`;
        }
        const [, , width, height] = box.split(' ');
        svg.setAttribute('viewBox', box);
        svg.setAttribute('width', width);
        svg.setAttribute('height', height);
    }

    private breadcrumb(svg: SVGSVGElement, focused: Element | undefined): void {
        const viewport = svg.parentElement!;
        viewport.parentElement?.querySelector(':scope > .map-breadcrumb')?.remove();
        if (!focused) return;
        const nav = document.createElement('nav');
        nav.className = 'map-breadcrumb';
        nav.setAttribute('aria-label', 'Focused objective');
        const crumb = (text: string, key: string | undefined) => {
            const button = document.createElement('button');
            button.type = 'button';
            button.textContent = text;
            button.addEventListener('click', () => this.setFocus(key));
            nav.append(button);
        };
        crumb('Whole map', undefined);
        for (const id of (focused.getAttribute('data-path') ?? '').split(' ')) {
            const node = this.nodeById(id);
            if (!node) continue;
            nav.append(' › ');
            const key = node.getAttribute('data-element') ?? undefined;
            if (node === focused) {
                const here = document.createElement('span');
                here.textContent = node.querySelector(':scope > title')?.textContent ?? '';
                here.setAttribute('aria-current', 'location');
                nav.append(here);
            } else crumb(node.querySelector(':scope > title')?.textContent ?? '', key);
        }
        viewport.before(nav);
    }
}
