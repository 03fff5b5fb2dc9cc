import { AstUtils, type ValidationChecks } from 'langium';
import type { DiagnosticRelatedInformation } from 'vscode-languageserver';
import type { Need, StrategyAstType } from '../../generated/ast.js';
import type { AlignmentModel, NamedElement } from '../../../model/alignment.js';
import { nameOnlyLocation } from '../../../model/locations.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { aKind } from '../../element-kinds.js';
import { report } from './codes.js';

function definedAt(element: NamedElement | Need, message: string): DiagnosticRelatedInformation | undefined {
    const location = nameOnlyLocation(element);
    return location && { location, message };
}

/**
 * How many of the other definitions `duplicate-id` names (in its message and its related information); the rest
 * it counts. Each of N copies of one ID naming all the others made N² of text: 4,000 copies ran out of memory.
 */
export const shownDefinitions = 5;

/**
 * The elements that define one ID, by file path and then place in the file, so that the message reads the same
 * whatever order the editor or the command line read the files in. Sorted once per list: the model only appends
 * to a list in place (a removal makes a new one), so its length tells whether the sorted copy is current.
 */
const sortedLists = new WeakMap<NamedElement[], { length: number; sorted: NamedElement[] }>();
function byPlace(sameName: NamedElement[]): NamedElement[] {
    const cached = sortedLists.get(sameName);
    if (cached && cached.length === sameName.length) return cached.sorted;
    const keyed = sameName.map(element => ({ element, uri: AstUtils.getDocument(element).uri.toString(), offset: element.$cstNode?.offset ?? 0 }));
    keyed.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.offset - b.offset));
    const sorted = keyed.map(each => each.element);
    sortedLists.set(sameName, { length: sameName.length, sorted });
    return sorted;
}

/** The first `shownDefinitions` other elements that define this element's ID, anywhere in the workspace, and how many there are. */
function otherDefinitions(element: NamedElement, model: AlignmentModel): { shown: NamedElement[]; count: number } {
    const sameName = model.byName.get(element.name);
    if (!sameName || sameName.length < 2) return { shown: [], count: 0 };
    const shown: NamedElement[] = [];
    for (const other of byPlace(sameName)) {
        if (shown.length === shownDefinitions) break;
        if (other !== element) shown.push(other);
    }
    return { shown, count: sameName.length - 1 };
}

/** What `duplicate-id` reads from other files: where the other definitions it names are, and how many there are. */
export function identitySignature(element: NamedElement, model: AlignmentModel): string {
    const { shown, count } = otherDefinitions(element, model);
    return `${count}:${shown.map(other => `${AstUtils.getDocument(other).uri}@${other.$cstNode?.offset}`).join(',')}`;
}

/** IDs are unique across the workspace whatever the kind; a need's ID only within its user type. */
export function identityChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Element: (element, accept) => {
            if (element.$type === 'Vision') return;
            const { shown, count } = otherDefinitions(element, workspace.get());
            if (count === 0) return;
            const where = shown.map(other => `${aKind(other.$type)} in ${AstUtils.getDocument(other).uri.path.split('/').pop()}`);
            const list = count > shown.length ? `${where.join(', ')} and ${(count - shown.length).toLocaleString('en-US')} more` : where.join(', ');
            report(accept, 'duplicate-id', `ID ${element.name} is also used by ${list}; IDs must be unique across the workspace, so rename one`, {
                node: element, property: 'name',
                relatedInformation: shown.map(other => definedAt(other, `${element.name} is also defined here`)).filter(info => info !== undefined)
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
