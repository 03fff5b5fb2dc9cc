import { setInterruptionPeriod } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { registerStrategyRequests } from './lsp/custom-requests.js';
import { createStdioConnection } from './lsp/stdio-connection.js';
import { createStrategyLspServices } from './lsp/strategy-lsp-module.js';

/** Starts the engine as a language server on the connection named by the process arguments (--stdio, --node-ipc, --socket). */
export function startStrategyServer(): void {
    // Long work (checking the rest of the workspace after an edit) looks for the next keystroke every 2 ms instead
    // of Langium's 10, so typing is answered sooner.
    setInterruptionPeriod(2);
    // Over standard input a malformed frame is skipped (see FrameResync); the other transports (the extension's
    // node-ipc, sockets) carry whole messages.
    const connection = process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all);
    const { shared, Strategy } = createStrategyLspServices({ connection, ...NodeFileSystem });
    registerStrategyRequests(shared, Strategy);
    startLanguageServer(shared);
}
