import type { CompareParams, RenderChangesParams, RenderResult } from '../../protocol/strategy-protocol.js';

// "Strategy: Compare with Revision…" in one preview: the revision it is compared with, which turns the map into the
// changes view until the comparison is left. The controller (preview-controller.ts) asks it what to render and
// whether the cursor may change the view; the Strategy view is told whenever the comparison begins, changes or ends.

/** What a comparison needs from the outside world (a part of the controller's ports). */
export interface ComparisonPorts {
    /** The changes view of a comparison with a git revision (with the whole cards of the cards shown expanded). */
    renderChanges(params: RenderChangesParams): Promise<RenderResult>;
    /** The comparison began, ended or changed revision (the Strategy view marks the same elements). */
    comparisonChanged?(params: CompareParams | undefined): void;
}

export class Comparison {
    /**
     * The revision compared with. A new object for every comparison begun, even with the same revision again: a
     * render that failed leaves the comparison only if it is still the one it rendered.
     */
    private params: CompareParams | undefined;

    constructor(private readonly ports: ComparisonPorts) {}

    /** Whether the preview shows a changes view: the cursor then only highlights, and the filter box does not apply. */
    get active(): boolean {
        return this.params !== undefined;
    }

    /** The comparison as it is now, to render and to hand back to `leaveIfStill`. */
    get current(): Readonly<CompareParams> | undefined {
        return this.params;
    }

    /** The revision compared with, as a copy for the outside. */
    get revision(): CompareParams | undefined {
        return this.params && { ...this.params };
    }

    /** Compares with this revision, or leaves the comparison (undefined); false when there was none to leave. */
    set(params: CompareParams | undefined): boolean {
        if (!params && !this.params) return false;
        this.params = params && { folder: params.folder, revision: params.revision };
        this.ports.comparisonChanged?.(this.params);
        return true;
    }

    render(params: RenderChangesParams): Promise<RenderResult> {
        return this.ports.renderChanges(params);
    }

    /**
     * A comparison that no longer renders (the branch was deleted, git is gone) gives the preview back: it is left,
     * unless another began meanwhile. True when it was left.
     */
    leaveIfStill(failed: Readonly<CompareParams>): boolean {
        if (this.params !== failed) return false;
        this.set(undefined);
        return true;
    }
}
