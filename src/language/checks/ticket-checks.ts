import type { ValidationChecks } from 'langium';
import type { Objective, StrategyAstType } from '../generated/ast.js';
import type { WorkspaceModel } from '../workspace-model.js';
import { report } from './codes.js';

export function ticketChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Ticket: (ticket, accept) => {
            if (ticket.serves.length === 0) {
                report(accept, 'orphan-ticket', `Ticket ${ticket.name} serves no objective; add 'serves <Objective>'`, {
                    node: ticket, property: 'name'
                });
                return;
            }
            const solution = ticket.implements[0]?.ref;
            const served = ticket.serves[0]?.ref;
            if (!solution || !served) return;
            const advances = (objective: Objective) => solution.objectives.some(ref => ref.ref === objective);
            if (advances(served) || workspace.get().ancestors(served).some(advances)) return;
            report(accept, 'ticket-solution-mismatch', `Ticket ${ticket.name} serves ${served.name}, but solution ${solution.name} does not advance it or any of its parents; add 'advances ${served.name}' to the solution or serve an objective it advances`, {
                node: ticket, property: 'implements', index: 0
            });
        }
    };
}
