import { DocumentState, type DocumentBuilder } from 'langium';

/**
 * A count of the workspace's builds, for requests that keep their last answer: an update (an edit, a file changed
 * or deleted) counts before any document changes, and so does a build reaching `phase`, after which what a
 * request reads may differ. Read under the workspace lock, where no build runs, the same count means the same
 * documents up to that phase.
 */
export class BuildCount {
    private count = 0;

    constructor(builder: DocumentBuilder, phase: DocumentState.Linked | DocumentState.Validated) {
        builder.onUpdate(() => { this.count++; });
        builder.onBuildPhase(phase, () => { this.count++; });
    }

    get current(): number {
        return this.count;
    }
}
