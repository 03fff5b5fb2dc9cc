import type { ValidationChecks } from 'langium';
import type { Objective, StrategyAstType } from '../../generated/ast.js';
import type { AlignmentModel } from '../../../model/alignment.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { wayText } from '../../../model/metric-text.js';
import { workDoneTargetUnmet } from '../../../model/work-done.js';
import { report } from './codes.js';

/** `all 3 tickets serving Engagement are done but MonthlyRepeatUsers is 25% of the way; …`, or undefined. */
function workDoneMessage(objective: Objective, model: AlignmentModel): string | undefined {
    const finding = workDoneTargetUnmet(objective, model);
    if (!finding) return undefined;
    const tickets = finding.doneTickets === 1 ? `The one ticket serving ${objective.name} is done`
        : `All ${finding.doneTickets} tickets serving ${objective.name} are done`;
    const metrics = finding.unmet.map(({ metric, ratio }) => `${metric.name} is ${wayText(ratio)}`).join(' and ');
    return `${tickets} but ${metrics}; plan more work or revisit the solutions`;
}

/**
 * What the objective checks read from other files: the loop it is on, whether it is measured, whether it has work,
 * and whether that work is done while a metric is short of its target.
 */
export function objectiveSignature(objective: Objective, model: AlignmentModel): string {
    const facts = model.facts(objective);
    return facts ? `${facts.cycle?.map(o => o.name).join('>') ?? ''}|${facts.measured}|${model.withoutWork(objective)}|${workDoneMessage(objective, model) ?? ''}` : '';
}

export function objectiveChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Objective: (objective, accept) => {
            const facts = workspace.get().facts(objective);
            if (!facts) return;
            if (facts.cycle) {
                const path = facts.cycle.map(o => o.name).join(' → ');
                report(accept, 'objective-cycle', `Objective ${objective.name} is its own ancestor (${path}); remove or change one 'parent' on this loop`, {
                    node: objective, property: 'parent', index: 0
                });
            }
            if (!facts.measured) {
                report(accept, 'unmeasured-objective', `Objective ${objective.name} has no metric, itself or through its sub-objectives; add 'metric <Metric>' so progress can be measured`, {
                    node: objective, property: 'name'
                });
            }
            if (workspace.get().withoutWork(objective)) {
                report(accept, 'objective-without-work', `No solution advances objective ${objective.name} and no ticket serves it; plan work for it, or drop it if it is not a goal now`, {
                    node: objective, property: 'name'
                });
            }
            const workDone = workDoneMessage(objective, workspace.get());
            if (workDone) report(accept, 'work-done-target-unmet', workDone, { node: objective, property: 'name' });
        }
    };
}
