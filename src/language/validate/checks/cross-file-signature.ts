import type { Model } from '../../generated/ast.js';
import type { AlignmentModel } from '../../../model/alignment.js';
import { evidenceSignature } from './discovery-checks.js';
import { identitySignature } from './identity-checks.js';
import { objectiveSignature } from './objective-checks.js';
import { milestoneSignature } from './milestone-checks.js';
import { needSignature } from './solution-checks.js';
import { ticketSignature } from './ticket-checks.js';

/**
 * Everything a document's checks read from the rest of the workspace, as one string. When it is unchanged after
 * an edit elsewhere, so are the document's diagnostics, and it need not be validated again. Each check family
 * that reads the alignment model keeps its part of the signature beside its checks.
 */
export function crossFileSignature(root: Model, model: AlignmentModel): string {
    const parts: string[] = [model.today];
    for (const element of root.elements) {
        if (element.$type === 'Vision') continue;
        parts.push(element.name, identitySignature(element, model));
        switch (element.$type) {
            case 'Objective':
                parts.push(objectiveSignature(element, model));
                break;
            case 'Ticket':
                parts.push(ticketSignature(element, model));
                break;
            case 'Milestone':
                parts.push(milestoneSignature(element, model));
                break;
            case 'Solution':
                parts.push(evidenceSignature(element, model));
                break;
            case 'UserType':
                for (const need of element.needs) parts.push(needSignature(need, model));
                break;
        }
    }
    return parts.join('\u0000');
}
