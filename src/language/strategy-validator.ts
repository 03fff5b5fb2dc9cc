import type { ValidationChecks } from 'langium';
import type { StrategyAstType } from './generated/ast.js';
import type { StrategyServices } from './strategy-module.js';
import { canvasChecks } from './checks/canvas-checks.js';
import { fieldChecks } from './checks/field-checks.js';
import { identityChecks } from './checks/identity-checks.js';
import { metricChecks } from './checks/metric-checks.js';
import { objectiveChecks } from './checks/objective-checks.js';
import { solutionChecks } from './checks/solution-checks.js';
import { ticketChecks } from './checks/ticket-checks.js';

/** Registers every check family; the codes and severities live in checks/codes.ts. */
export function registerStrategyChecks(services: StrategyServices): void {
    const registry = services.validation.ValidationRegistry;
    const workspace = services.strategy.WorkspaceModel;
    const families: Array<ValidationChecks<StrategyAstType>> = [
        fieldChecks,
        canvasChecks,
        identityChecks(workspace),
        metricChecks(workspace),
        objectiveChecks(workspace),
        solutionChecks(workspace),
        ticketChecks(workspace)
    ];
    for (const checks of families) registry.register(checks);
}
