import type { ValidationChecks } from 'langium';
import type { Need, StrategyAstType } from '../../generated/ast.js';
import type { AlignmentModel } from '../../../model/alignment.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { isHistory } from '../../../model/status.js';
import { report } from './codes.js';

/** What `unused-need` reads from other files: whether some solution addresses the need. */
export function needSignature(need: Need, model: AlignmentModel): string {
    return model.addressedNeeds.has(need) ? 'addressed' : '';
}

export function solutionChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Solution: (solution, accept) => {
            if (isHistory(solution.status[0])) return;
            if (solution.objectives.length === 0) {
                report(accept, 'unaligned-solution', `Solution ${solution.name} advances no objective; add 'advances <Objective>', or question whether it is worth building`, {
                    node: solution, property: 'name'
                });
            }
            if (solution.users.length === 0) {
                report(accept, 'solution-without-user', `Solution ${solution.name} is for no user type; add 'for <UserType>'`, {
                    node: solution, property: 'name'
                });
            }
        },
        Need: (need, accept) => {
            if (workspace.get().addressedNeeds.has(need)) return;
            const owner = need.$container.name;
            report(accept, 'unused-need', `No solution addresses need ${owner}.${need.name}; add 'addresses ${need.name}' to a solution for ${owner}, or remove the need`, {
                node: need, property: 'name'
            });
        }
    };
}
