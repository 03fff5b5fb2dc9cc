import type { ValidationChecks } from 'langium';
import type { StrategyAstType } from '../generated/ast.js';
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
            const chain = workspace.get().chainOf(ticket);
            if (!solution || chain.length === 0) return;
            const advanced = new Set(solution.objectives.map(ref => ref.ref));
            if (chain.some(objective => advanced.has(objective))) return;
            report(accept, 'ticket-solution-mismatch', `Ticket ${ticket.name} serves ${chain[0].name}, but solution ${solution.name} does not advance it or any of its parents; add 'advances ${chain[0].name}' to the solution or serve an objective it advances`, {
                node: ticket, property: 'implements', index: 0
            });
        }
    };
}
