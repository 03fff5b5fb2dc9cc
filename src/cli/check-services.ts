import { DefaultReferenceDescriptionProvider, type ReferenceDescription } from 'langium';

/**
 * The index of references serves the editor (find references, relinking after an edit); a one-shot check never
 * reads it, and building it is a tenth of the time on a large workspace.
 */
export class NoReferenceIndex extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(): Promise<ReferenceDescription[]> {
        return [];
    }
}
