import type { ValidationChecks } from 'langium';
import type { Objective, Solution, StrategyAstType, Ticket } from '../../generated/ast.js';
import type { AlignmentModel } from '../../../model/alignment.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { isHistory } from '../../../model/status.js';
import { report } from './codes.js';

/** The ticket's served objective and solution when the solution advances neither that objective nor a parent of it. */
function mismatchOf(ticket: Ticket, model: AlignmentModel): { served: Objective; solution: Solution } | undefined {
    const solution = ticket.implements[0]?.ref;
    const served = ticket.serves[0]?.ref;
    if (!solution || !served) return undefined;
    // Walks up without building the ancestor list: this runs for every ticket after every edit.
    let objective: Objective | undefined = served;
    for (let steps = 0; objective && steps <= model.objectives.size; steps++) {
        const current: Objective = objective;
        if (solution.objectives.some(ref => ref.ref === current)) return undefined;
        objective = model.facts(current)?.parent;
    }
    return { served, solution };
}

/** What the ticket checks read from other files: whether its solution moves its objective's chain. */
export function ticketSignature(ticket: Ticket, model: AlignmentModel): string {
    return mismatchOf(ticket, model) ? 'mismatch' : '';
}

export function ticketChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Ticket: (ticket, accept) => {
            if (isHistory(ticket.status[0])) return;
            if (ticket.serves.length === 0) {
                report(accept, 'orphan-ticket', `Ticket ${ticket.name} serves no objective; add 'serves <Objective>'`, {
                    node: ticket, property: 'name'
                });
                return;
            }
            const mismatch = mismatchOf(ticket, workspace.get());
            if (!mismatch) return;
            const { served, solution } = mismatch;
            report(accept, 'ticket-solution-mismatch', `Ticket ${ticket.name} serves ${served.name}, but solution ${solution.name} does not advance it or any of its parents; add 'advances ${served.name}' to the solution or serve an objective it advances`, {
                node: ticket, property: 'implements', index: 0
            });
        }
    };
}
