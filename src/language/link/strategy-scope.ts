import { DefaultReferences, DefaultScopeComputation, DefaultScopeProvider, MultiMap, stream, type Stream, type AstNode, type AstNodeDescription, type LocalSymbols, type LangiumDocument, type ReferenceInfo, type Scope } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isSolution, isUserType, type Model } from '../generated/ast.js';
import { IndexScope, type StrategyIndexManager } from './strategy-index.js';

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

    /**
     * Every reference resolves through the global index: keeping a per-document scope of all its elements as well
     * would make each look-up scan the file's elements, quadratic in a file of 50,000 tickets.
     */
    override async collectLocalSymbols(): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/**
 * An unqualified need names that need of every user type the solution is for that declares it (`for A, B
 * addresses SaveTime` addresses A.SaveTime and B.SaveTime); when none of them does, every need of that name.
 * A qualified `A.SaveTime` names A's only.
 */
export class StrategyScopeProvider extends DefaultScopeProvider {
    /** Both hosts install StrategyIndexManager (StrategySharedModule), whose name index answers look-ups directly. */
    protected override getGlobalScope(referenceType: string): Scope {
        return new IndexScope(this.indexManager as StrategyIndexManager, this.reflection, referenceType);
    }

    override getScope(context: ReferenceInfo): Scope {
        const solution = context.container;
        const scope = super.getScope(context);
        if (context.property !== 'needs' || !isSolution(solution)) return scope;
        const ownNeeds = solution.users.flatMap(user => user.ref?.needs ?? []).filter(need => need.name)
            .map(need => this.descriptions.createDescription(need, need.name));
        return ownNeeds.length > 0 ? new OwnFirstScope(ownNeeds, scope) : scope;
    }
}

/** Names found among `own` hide the same names of `outer` (Langium's StreamScope would add the outer ones too). */
class OwnFirstScope implements Scope {
    constructor(private readonly own: AstNodeDescription[], private readonly outer: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.getElements(name).head();
    }

    getElements(name: string): Stream<AstNodeDescription> {
        const own = this.own.filter(description => description.name === name);
        return own.length > 0 ? stream(own) : this.outer.getElements(name);
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.own).concat(this.outer.getAllElements());
    }
}

/**
 * Langium reads the items of a multi-reference as parts of one logical element (so a declaration would bring its
 * "siblings" along). The needs one unqualified `addresses` names are distinct elements of distinct user types:
 * each declaration stands for itself, while the reference still leads to all of them.
 */
export class StrategyReferences extends DefaultReferences {
    protected override getSelfNodes(node: AstNode): AstNode[] {
        return [node];
    }
}
