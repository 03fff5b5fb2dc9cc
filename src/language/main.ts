import { setInterruptionPeriod, URI, type LangiumSharedCoreServices } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { guardPositions } from './lsp/position-guard.js';
import { StrategyFileSystem } from './workspace/strategy-file-system.js';
import { registerStrategyRequests } from './lsp/strategy-rpc.js';
import { createStdioConnection } from './lsp/stdio-connection.js';
import { createStrategyLspServices } from './lsp/strategy-lsp-module.js';

/** Starts the engine as a language server on the connection named by the process arguments (--stdio, --node-ipc, --socket). */
export function startStrategyServer(): void {
    // Long work (checking the rest of the workspace after an edit) looks for the next keystroke every 2 ms instead
    // of Langium's 10, so typing is answered sooner.
    setInterruptionPeriod(2);
    let workspace: LangiumSharedCoreServices['workspace'] | undefined;
    // Over standard input a malformed frame is skipped (see FrameResync); the other transports (the extension's
    // node-ipc, sockets) carry whole messages. Open documents first: the editor's text of a file is the one its
    // positions refer to.
    const connection = guardPositions(
        process.argv.includes('--stdio') ? createStdioConnection() : createConnection(ProposedFeatures.all),
        uri => workspace?.TextDocuments?.get(uri) ?? workspace?.LangiumDocuments.getDocument(URI.parse(uri))?.textDocument);
    const { shared, Strategy } = createStrategyLspServices({ connection, ...StrategyFileSystem });
    workspace = shared.workspace;
    registerStrategyRequests(shared, Strategy);
    startLanguageServer(shared);
}
