import { DocumentState } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';

/**
 * Checks such as orphan-ticket, objective-without-work and duplicate-id depend on other files that do not
 * reference the changed one, so Langium's relinking of affected documents is not enough: after any change,
 * every other document is validated again (without relinking) against the freshly built alignment model.
 */
export function revalidateAllOnChange(shared: LangiumSharedCoreServices): void {
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    builder.onUpdate(() => {
        for (const document of documents.all) {
            if (document.state > DocumentState.IndexedReferences) {
                builder.resetToState(document, DocumentState.IndexedReferences);
            }
        }
    });
}
