import { ValidationRegistry, type AstNode, type ValidationAcceptor, type ValidationCheck } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Langium wraps every check in an async function, so each of the ~100,000 check calls of a large workspace costs
 * a promise and a microtask. The checks here are synchronous: the wrapper stays synchronous, and a failing check
 * still becomes a located error instead of stopping validation.
 */
export class StrategyValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node: AstNode, accept: ValidationAcceptor, cancelToken: CancellationToken) => {
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? result.catch(error => reportFailure(error, node, accept)) : result;
            } catch (error) {
                reportFailure(error, node, accept);
            }
        };
    }
}

function reportFailure(error: unknown, node: AstNode, accept: ValidationAcceptor): void {
    console.error('A check failed:', error);
    accept('error', `A check failed on this element (please report it): ${error instanceof Error ? error.message : String(error)}`, { node });
}
