import { parseFilterQuery } from '../model/filter-query.js';
import { isFiltering } from '../model/work-filter.js';
import type { WorkFilter } from '../protocol/webview-messages.js';

// The map's filter box in the header: a funnel button that opens a text field of words (`owner:ana status:doing
// checkout`, src/model/filter-query.ts), read after a pause in the typing and sent to the extension, which renders
// the filtered map on the server. The field stays open while it holds a filter, so what is active stays in sight;
// × or Escape clears it. A word it cannot read is named under the field, and the words it could read still apply.

/** A pause this long ends a burst of typing: one render per word rather than per key. */
export const filterDelay = 150;

export interface MapFilterElements {
    root: HTMLElement;
    toggle: HTMLButtonElement;
    input: HTMLInputElement;
    clear: HTMLButtonElement;
    note: HTMLElement;
}

export class MapFilter {
    private timer: ReturnType<typeof setTimeout> | undefined;
    private applied: { query: string; filter: WorkFilter } = { query: '', filter: {} };

    /**
     * `changed` gets the words each time they change, with the filter read from them (the same filter for other
     * words, `foo:bar` added, say); `initial` are the words a reload restored.
     */
    constructor(private readonly elements: MapFilterElements, private readonly changed: (query: string, filter: WorkFilter) => void, initial = '') {
        const { toggle, input, clear } = elements;
        input.value = initial;
        this.read(false);
        toggle.addEventListener('click', () => {
            // It stays open while it holds words: closing it would hide what filters the map.
            const open = !this.isOpen() || input.value !== '';
            this.setOpen(open);
            if (open) input.focus();
        });
        input.addEventListener('input', () => {
            clearTimeout(this.timer);
            this.timer = setTimeout(() => this.read(true), filterDelay);
        });
        input.addEventListener('keydown', event => {
            if (event.key === 'Escape') {
                event.preventDefault();
                if (input.value !== '') this.clear();
                else {
                    this.setOpen(false);
                    toggle.focus();
                }
            } else if (event.key === 'Enter') {
                event.preventDefault();
                this.read(true);
            }
        });
        input.addEventListener('blur', () => {
            if (input.value === '') this.setOpen(false);
        });
        clear.addEventListener('click', () => this.clear());
    }

    /** The words of the filter applied last (what the map shows). */
    get query(): string {
        return this.applied.query;
    }

    /** The filter applied last; `{}` for none. */
    get filter(): WorkFilter {
        return this.applied.filter;
    }

    /** The map is shown: the box is in the header; a canvas hides it and keeps its filter for the map. */
    setAvailable(available: boolean): void {
        this.elements.root.hidden = !available;
    }

    /** Empties the field and shows the whole map again, at once. */
    clear(): void {
        this.elements.input.value = '';
        this.read(true);
        this.elements.input.focus();
    }

    private isOpen(): boolean {
        return this.elements.root.classList.contains('open');
    }

    private setOpen(open: boolean): void {
        this.elements.root.classList.toggle('open', open);
        this.elements.toggle.setAttribute('aria-expanded', String(open));
    }

    /** Reads the field now: shows its problems, and reports a filter other than the one applied. */
    private read(report: boolean): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        const query = this.elements.input.value.trim();
        const { filter, problems } = parseFilterQuery(query);
        const { root, input, note } = this.elements;
        // Text from the user, shown as text.
        note.textContent = problems.join('\n');
        note.hidden = problems.length === 0;
        input.setAttribute('aria-invalid', String(problems.length > 0));
        input.title = problems.length > 0 ? problems.join('\n') : query;
        root.classList.toggle('active', isFiltering(filter));
        if (query !== '') this.setOpen(true);
        const changed = query !== this.applied.query;
        this.applied = { query, filter };
        if (report && changed) this.changed(query, filter);
    }
}
