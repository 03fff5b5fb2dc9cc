import { AstUtils, GrammarUtils, type ValidationChecks } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Need, StrategyAstType } from '../generated/ast.js';
import type { AlignmentModel, NamedElement } from '../../model/alignment.js';
import type { WorkspaceModel } from '../workspace-model.js';
import { aKind } from '../element-kinds.js';
import { report } from './codes.js';

function definedAt(element: NamedElement | Need, message: string): DiagnosticRelatedInformation | undefined {
    const name = GrammarUtils.findNodeForProperty(element.$cstNode, 'name');
    if (!name) return undefined;
    return { location: { uri: AstUtils.getDocument(element).uri.toString(), range: name.range }, message };
}

/**
 * The other elements that define this element's ID, anywhere in the workspace, by file path and then place in the
 * file: the message reads the same whatever order the editor or the command line read the files in.
 */
function otherDefinitions(element: NamedElement, model: AlignmentModel): NamedElement[] {
    const sameName = model.byName.get(element.name);
    if (!sameName || sameName.length < 2) return [];
    const key = (other: NamedElement) => AstUtils.getDocument(other).uri.toString();
    return sameName.filter(other => other !== element)
        .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0)));
}

/** What `duplicate-id` reads from other files: where the other definitions of the element's ID are. */
export function identitySignature(element: NamedElement, model: AlignmentModel): string {
    return otherDefinitions(element, model).map(other => `${AstUtils.getDocument(other).uri}@${other.$cstNode?.offset}`).join(',');
}

/** IDs are unique across the workspace whatever the kind; a need's ID only within its user type. */
export function identityChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Element: (element, accept) => {
            if (element.$type === 'Vision') return;
            const others = otherDefinitions(element, workspace.get());
            if (others.length === 0) return;
            const where = others.map(other => `${aKind(other.$type)} in ${AstUtils.getDocument(other).uri.path.split('/').pop()}`);
            report(accept, 'duplicate-id', `ID ${element.name} is also used by ${where.join(', ')}; IDs must be unique across the workspace, so rename one`, {
                node: element, property: 'name',
                relatedInformation: others.map(other => definedAt(other, `${element.name} is also defined here`)).filter(info => info !== undefined)
            });
        },
        UserType: (userType, accept) => {
            const seen = new Map<string, Need>();
            for (const need of userType.needs) {
                const first = seen.get(need.name);
                if (!first) {
                    seen.set(need.name, need);
                    continue;
                }
                const related = definedAt(first, `${need.name} is first defined here`);
                report(accept, 'duplicate-id', `Need ${need.name} is defined twice in user type ${userType.name}; rename or remove one`, {
                    node: need, property: 'name', relatedInformation: related ? [related] : []
                });
            }
        }
    };
}
