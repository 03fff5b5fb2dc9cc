import { WorkspaceCache, type LangiumDocuments } from 'langium';
import { AlignmentModel } from '../model/alignment.js';
import type { Model } from './generated/ast.js';
import type { StrategyServices } from './strategy-module.js';

/**
 * The workspace's alignment model, built at most once per build: the cache is dropped on every document
 * update, and the first consumer after linking (usually a cross-file check) rebuilds it for all others.
 */
export class WorkspaceModel {
    private readonly documents: LangiumDocuments;
    private readonly cache: WorkspaceCache<'model', AlignmentModel>;

    constructor(private readonly services: StrategyServices) {
        this.documents = services.shared.workspace.LangiumDocuments;
        this.cache = new WorkspaceCache(services.shared);
    }

    get(): AlignmentModel {
        return this.cache.get('model', () => {
            const roots = this.documents.all
                .filter(doc => doc.uri.path.endsWith('.strategy'))
                .map(doc => doc.parseResult.value as Model)
                .toArray();
            return new AlignmentModel(roots, this.services.strategy.Config.today());
        });
    }
}
