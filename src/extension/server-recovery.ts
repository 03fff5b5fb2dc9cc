import type { CloseAction, CloseHandlerResult, ErrorAction, ErrorHandler, ErrorHandlerResult } from 'vscode-languageclient';

// vscode-languageclient's enums, by value: importing the module loads `vscode`, which unit tests run without.
const continueAction = 1 as ErrorAction.Continue;
const shutdownAction = 2 as ErrorAction.Shutdown;
const doNotRestart = 1 as CloseAction.DoNotRestart;
const restartAction = 2 as CloseAction.Restart;

/** What the recovery needs from the editor: telling the user, restarting the client's server. */
export interface RecoveryPorts {
    /** A warning the user sees, also written to the output channel. */
    warn(message: string): void;
    /** Stops the server process and starts a fresh one. */
    restart(): Promise<void>;
    now(): number;
}

/** Restarts allowed within `windowMs` before the server is left stopped (the client's default is also 4 in 3 minutes). */
export const maxRestarts = 4;
export const windowMs = 3 * 60 * 1000;
/** Failed reads or writes in a row after which the connection is taken as broken. */
export const maxErrorsInARow = 3;

export const restartCommandTitle = 'Strategy: Restart Language Server';

/**
 * The language client's error handler: a server that exits, or a connection that keeps failing to read or write
 * (a stream the client can no longer frame), is replaced by a fresh server, and the user is told; a server that
 * keeps dying is left stopped, with a message naming the command that starts it again.
 */
export class ServerRecovery implements ErrorHandler {
    private readonly restarts: number[] = [];
    private restarting = false;

    constructor(private readonly ports: RecoveryPorts) {}

    error(error: Error, _message: unknown, count: number | undefined): ErrorHandlerResult {
        const detail = `The connection to the Strategy language server failed: ${error.message}`;
        if ((count ?? 1) <= maxErrorsInARow || this.restarting) return { action: continueAction, message: detail, handled: true };
        if (!this.mayRestart()) {
            return { action: shutdownAction, message: `${detail}. ${this.givenUp()}`, handled: false };
        }
        this.restarting = true;
        this.ports.warn('The connection to the Strategy language server broke; the server was restarted.');
        void this.ports.restart().finally(() => { this.restarting = false; });
        return { action: continueAction, message: detail, handled: true };
    }

    closed(): CloseHandlerResult {
        if (!this.mayRestart()) return { action: doNotRestart, message: this.givenUp(), handled: false };
        this.ports.warn('The Strategy language server stopped unexpectedly and was restarted. The output channel "Strategy" says why.');
        return { action: restartAction, handled: true };
    }

    /** Counts a restart if the budget allows one. */
    private mayRestart(): boolean {
        const now = this.ports.now();
        while (this.restarts.length > 0 && now - this.restarts[0] > windowMs) this.restarts.shift();
        if (this.restarts.length >= maxRestarts) return false;
        this.restarts.push(now);
        return true;
    }

    private givenUp(): string {
        return `The Strategy language server stopped ${maxRestarts + 1} times in ${windowMs / 60_000} minutes and will not be restarted; `
            + `see the output channel "Strategy", then run "${restartCommandTitle}".`;
    }
}
