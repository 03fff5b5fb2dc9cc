import { DocumentState, type LangiumDocument, type LangiumDocuments, type URI } from 'langium';
import { AlignmentModel } from '../../model/alignment.js';
import type { Model } from '../generated/ast.js';
import type { StrategyServices } from '../strategy-module.js';

/**
 * The workspace's alignment model, kept up to date document by document: every document that is linked (again)
 * is marked, and the next reader brings the model up to date with just those, so an edit in one file costs that
 * file and the files that reference it, not a rebuild over the whole workspace.
 */
export class WorkspaceModel {
    private readonly documents: LangiumDocuments;
    private model?: AlignmentModel;
    private readonly linked = new Map<string, URI>();
    private readonly removed = new Set<string>();

    constructor(private readonly services: StrategyServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.Linked, document => {
            if (isStrategyDocument(document)) this.linked.set(document.uri.toString(), document.uri);
        });
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                // Linked by a build that an edit cancelled, then deleted: it is gone, not changed.
                this.linked.delete(uri.toString());
                this.removed.add(uri.toString());
            }
        });
    }

    /** Called by every check of every element, so it does nothing unless documents were linked or removed since. */
    get(): AlignmentModel {
        if (!this.model) {
            this.linked.clear();
            this.removed.clear();
            this.model = new AlignmentModel(this.documents.all.filter(isStrategyDocument).map(rootOf).toArray(), this.services.strategy.Config.today());
            return this.model;
        }
        if (this.linked.size > 0 || this.removed.size > 0) {
            // The date is read with each change, so a server left running past midnight grades overdue metrics at the next edit.
            this.model.today = this.services.strategy.Config.today();
            const changed = [...this.linked.values()]
                .map(uri => this.documents.getDocument(uri))
                .filter((document): document is LangiumDocument => document !== undefined)
                .map(rootOf);
            const gone = [...this.removed].filter(uri => !this.linked.has(uri));
            this.linked.clear();
            this.removed.clear();
            this.model.update(changed, gone);
        }
        return this.model;
    }
}

function isStrategyDocument(document: LangiumDocument): boolean {
    return document.uri.path.endsWith('.strategy');
}

function rootOf(document: LangiumDocument): readonly [string, Model] {
    return [document.uri.toString(), document.parseResult.value as Model];
}
