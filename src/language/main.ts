import { setInterruptionPeriod } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerStrategyRequests } from './lsp/custom-requests.js';
import { createStrategyLspServices } from './lsp/strategy-lsp-module.js';

/** Starts the engine as a language server on the connection named by the process arguments (--stdio, --node-ipc, --socket). */
export function startStrategyServer(): void {
    // Long work (checking the rest of the workspace after an edit) looks for the next keystroke every 2 ms instead
    // of Langium's 10, so typing is answered sooner.
    setInterruptionPeriod(2);
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Strategy } = createStrategyLspServices({ connection, ...NodeFileSystem });
    registerStrategyRequests(shared, Strategy);
    startLanguageServer(shared);
}
