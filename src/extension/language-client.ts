import * as path from 'node:path';
import { window, workspace, type ExtensionContext, type LogOutputChannel } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { settingsSection, type StrategyInitializationOptions } from '../protocol/strategy-protocol.js';
import { ServerRecovery } from './server-recovery.js';

/** `strategy.exclude` as the user set it (package.json holds the default); undefined when it is not a list. */
export function excludeGlobs(): string[] | undefined {
    const globs = workspace.getConfiguration(settingsSection).get<unknown>('exclude');
    return Array.isArray(globs) ? globs.filter((glob): glob is string => typeof glob === 'string') : undefined;
}

/** The language server in its own process (the bundled out/server.cjs), for .strategy files on disk and unsaved. */
export function createLanguageClient(context: ExtensionContext, outputChannel: LogOutputChannel): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    // Sent with `initialize`, so the server's first scan of the workspace already skips excluded folders.
    const initializationOptions: StrategyInitializationOptions = { exclude: excludeGlobs() };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: 'strategy' }, { scheme: 'untitled', language: 'strategy' }],
        initializationOptions,
        synchronize: {
            // Setting changes reach the server as workspace/didChangeConfiguration { strategy: {…} }.
            configurationSection: settingsSection,
            // Files changed outside the editor (git checkout, another tool) must update cross-file checks too.
            fileEvents: workspace.createFileSystemWatcher('**/*.strategy')
        },
        outputChannel,
        // A server that exits or a connection that breaks is replaced, and the user is told (see ServerRecovery).
        errorHandler: new ServerRecovery({
            warn: message => {
                outputChannel.warn(message);
                void window.showWarningMessage(message);
            },
            restart: () => client.restart(),
            now: () => Date.now()
        })
    };
    const client = new LanguageClient('strategy', 'Strategy', serverOptions, clientOptions);
    return client;
}
