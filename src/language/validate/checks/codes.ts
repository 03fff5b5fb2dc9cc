import type { AstNode, DiagnosticInfo, ValidationAcceptor, ValidationSeverity } from 'langium';

/** The spec's table of checks: stable codes (the CLI prints them, quick fixes key on them) and their severities. */
export const checkSeverity = {
    'syntax-error': 'error',
    'unresolved-reference': 'error',
    'duplicate-id': 'error',
    'wrong-kind': 'error',
    'objective-cycle': 'error',
    'duplicate-field': 'error',
    'invalid-value': 'error',
    'metric-no-change': 'error',
    'duplicate-reading': 'error',
    'orphan-ticket': 'warning',
    'unmeasured-objective': 'warning',
    'metric-incomplete': 'warning',
    'unaligned-solution': 'warning',
    'solution-without-user': 'warning',
    'ticket-solution-mismatch': 'warning',
    'metric-overdue': 'warning',
    'metric-off-pace': 'warning',
    'metric-stale': 'info',
    'reading-in-future': 'warning',
    'metric-out-of-range': 'warning',
    'milestone-overdue': 'warning',
    'objective-without-work': 'info',
    'work-done-target-unmet': 'info',
    'unmeasurable-problem': 'info',
    'unused-need': 'info',
    'milestone-without-work': 'info',
    'contradicted-solution': 'warning',
    'validated-without-evidence': 'info'
} as const satisfies Record<string, ValidationSeverity>;

export type CheckCode = keyof typeof checkSeverity;

export const checkCodes = Object.keys(checkSeverity) as CheckCode[];

export interface StrategyDiagnosticData {
    code: CheckCode;
    [key: string]: unknown;
}

type Location<N extends AstNode> = Omit<DiagnosticInfo<N>, 'code' | 'data'> & { data?: Record<string, unknown> };

/** Reports a check's finding with the severity and code of the table, so no check can disagree with it. */
export function report<N extends AstNode>(accept: ValidationAcceptor, code: CheckCode, message: string, where: Location<N>): void {
    const data: StrategyDiagnosticData = { ...where.data, code };
    accept(checkSeverity[code], message, { ...where, code, data } as DiagnosticInfo<N>);
}
