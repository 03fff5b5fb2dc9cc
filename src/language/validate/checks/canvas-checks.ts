import type { ValidationChecks } from 'langium';
import type { StrategyAstType } from '../../generated/ast.js';
import { report } from './codes.js';

export const canvasChecks: ValidationChecks<StrategyAstType> = {
    Canvas: (canvas, accept) => {
        canvas.problem.forEach((problem, index) => {
            if (/[0-9]/.test(problem)) return;
            report(accept, 'unmeasurable-problem', `The problem of canvas ${canvas.name} states no number; say how big the problem is today and what would count as solved (e.g. "under 20% … at least 30%")`, {
                node: canvas, property: 'problem', index
            });
        });
    }
};
