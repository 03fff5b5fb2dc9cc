import type { AstNode, AstReflection, ValidationAcceptor, ValidationCheck, ValidationChecks } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { StrategyAstType } from '../generated/ast.js';
import type { StrategyServices } from '../strategy-module.js';
import { canvasChecks } from './checks/canvas-checks.js';
import { discoveryChecks, discoveryFieldChecks } from './checks/discovery-checks.js';
import { fieldChecks } from './checks/field-checks.js';
import { identityChecks } from './checks/identity-checks.js';
import { metricChecks } from './checks/metric-checks.js';
import { milestoneChecks, roadmapFieldChecks } from './checks/milestone-checks.js';
import { objectiveChecks } from './checks/objective-checks.js';
import { readingChecks } from './checks/reading-checks.js';
import { solutionChecks } from './checks/solution-checks.js';
import { ticketChecks } from './checks/ticket-checks.js';

/** Registers every check family; the codes and severities live in checks/codes.ts. */
export function registerStrategyChecks(services: StrategyServices): void {
    const registry = services.validation.ValidationRegistry;
    const workspace = services.strategy.WorkspaceModel;
    const named = ofNamedElements(services.shared.AstReflection);
    const families: Array<ValidationChecks<StrategyAstType>> = [
        fieldChecks,
        roadmapFieldChecks,
        discoveryFieldChecks,
        named(canvasChecks),
        named(discoveryChecks(workspace)),
        named(identityChecks(workspace)),
        named(metricChecks(workspace)),
        named(milestoneChecks(workspace)),
        named(objectiveChecks(workspace)),
        named(readingChecks(workspace)),
        named(solutionChecks(workspace)),
        named(ticketChecks(workspace))
    ];
    for (const checks of families) registry.register(checks);
}

/**
 * The element checks speak of an element by its ID. One the parser recovered without its ID (`objective "Grow" {`
 * while the ID is still to be typed), or a need of a user type without one, has its syntax error and nothing else:
 * no "Objective undefined has no metric", no `duplicate-id` among all such elements. The field checks
 * (`duplicate-field`, `invalid-value`, dates) still run on it: they are about what is written.
 */
function ofNamedElements(reflection: AstReflection) {
    const unnamed = (node: AstNode | undefined) => node !== undefined
        && reflection.getTypeMetaData(node.$type).properties.name !== undefined
        && (node as AstNode & { name?: string }).name === undefined;
    const guarded = (check: ValidationCheck): ValidationCheck =>
        (node: AstNode, accept: ValidationAcceptor, cancelToken: CancellationToken) =>
            unnamed(node) || unnamed(node.$container) ? undefined : check(node, accept, cancelToken);
    return (checks: ValidationChecks<StrategyAstType>): ValidationChecks<StrategyAstType> =>
        Object.fromEntries(Object.entries(checks).map(([type, check]) =>
            [type, Array.isArray(check) ? check.map(each => guarded(each as ValidationCheck)) : guarded(check as ValidationCheck)]));
}
