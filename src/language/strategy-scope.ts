import { DefaultScopeComputation, DefaultScopeProvider, type AstNodeDescription, type LangiumDocument, type ReferenceInfo, type Scope } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isSolution, isUserType, type Model } from './generated/ast.js';

/**
 * Top-level elements are visible in every file. A user type's needs are exported twice, as `SaveTime` and as
 * `FrequentBuyer.SaveTime`, so that `addresses` accepts either form from any file.
 */
export class StrategyScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const exports = await super.collectExportedSymbols(document, cancelToken);
        const model = document.parseResult.value as Model;
        for (const element of model.elements) {
            if (!isUserType(element)) continue;
            for (const need of element.needs) {
                if (!need.name) continue;
                exports.push(this.descriptions.createDescription(need, need.name, document));
                if (element.name) exports.push(this.descriptions.createDescription(need, `${element.name}.${need.name}`, document));
            }
        }
        return exports;
    }
}

/** An unqualified need resolves among the needs of the solution's own user types before any other. */
export class StrategyScopeProvider extends DefaultScopeProvider {
    override getScope(context: ReferenceInfo): Scope {
        const scope = super.getScope(context);
        const solution = context.container;
        if (!isSolution(solution) || context.property !== 'needs') return scope;
        const ownNeeds = solution.users.flatMap(user => user.ref?.needs ?? []);
        return ownNeeds.length > 0 ? this.createScopeForNodes(ownNeeds, scope) : scope;
    }
}
