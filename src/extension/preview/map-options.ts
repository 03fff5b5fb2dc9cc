import type { CompareParams, RenderCardParams, RenderCardResult, RenderChangesParams, RenderParams } from '../../protocol/strategy-protocol.js';
import { sameFilter } from '../../model/filter-query.js';
import { isFiltering, type WorkFilter } from '../../model/work-filter.js';

// What the preview's map is rendered with, as its webview asks: the filter box's filter, which every render of the
// map applies (after an edit too) and an export of the map writes, and the cards shown expanded, whose whole cards
// every render of the map carries. The whole card of a card the webview expands is asked for alone
// (strategy/renderCard), with the filter, as the map has it. A canvas is rendered without either. The changes view
// of a comparison is the map too: it carries the same expanded cards' whole cards, and a card expanded there is asked
// for with the comparison (marked, unfiltered).

/** What the map's options need from the outside world (a part of the controller's ports). */
export interface MapOptionsPorts {
    renderCard(params: RenderCardParams): Promise<RenderCardResult | null>;
    log(message: string): void;
}

export class MapOptions {
    private current: WorkFilter = {};
    private expanded: string[] = [];

    constructor(private readonly ports: MapOptionsPorts) {}

    /** The filter ({} for none); a new object whenever it changes, never changed in place. */
    get filter(): WorkFilter {
        return this.current;
    }

    /** The filter, when it keeps some work out: what an export of the map writes. */
    get filtering(): WorkFilter | undefined {
        return isFiltering(this.current) ? { ...this.current } : undefined;
    }

    /** Takes this filter; false when it is the one the map has already (nothing to render again). */
    setFilter(filter: WorkFilter): boolean {
        if (sameFilter(filter, this.current)) return false;
        this.current = { ...filter };
        return true;
    }

    /** The keys of the cards the webview shows expanded, all of them. */
    setExpanded(cards: string[]): void {
        this.expanded = [...cards];
    }

    /** The map's render: with the filter, when one is set, and the expanded cards' whole cards. */
    params(): RenderParams {
        return {
            format: 'fragment',
            ...(isFiltering(this.current) ? { filter: { ...this.current } } : {}),
            ...(this.expanded.length > 0 ? { expanded: [...this.expanded] } : {})
        };
    }

    /** The changes view of this comparison, with the expanded cards' whole cards (the filter does not apply to it). */
    changesParams(compare: Readonly<CompareParams>): RenderChangesParams {
        return { folder: compare.folder, revision: compare.revision, ...(this.expanded.length > 0 ? { expanded: [...this.expanded] } : {}) };
    }

    /**
     * The whole card of `card` in the filtered map, or in the changes view of `compare`; undefined when the map has no
     * such card or the request failed (logged).
     */
    async wholeCard(card: string, compare?: Readonly<CompareParams>): Promise<string | undefined> {
        const filter = this.filtering;
        try {
            const result = await this.ports.renderCard(compare ? { card, compare: { folder: compare.folder, revision: compare.revision } }
                : { card, ...(filter ? { filter } : {}) });
            return result?.content;
        } catch (error) {
            this.ports.log(`rendering a card failed: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }
}
