import { commands, EventEmitter, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAlignmentView } from './alignment-view.js';
import { modelChangedNotification, type CompareParams } from '../protocol/strategy-protocol.js';
import { createLanguageClient } from './language-client.js';
import { registerPreview } from './preview/preview-manager.js';
import { registerRestartCommand } from './restart-server.js';
import { registerShowReferences } from './show-references.js';
import { registerTicketLinks } from './ticket-links.js';

let client: LanguageClient | undefined;

/** What the extension hands to other extensions and to its integration tests. */
export interface StrategyExtensionApi {
    /** How long `activate` took, in milliseconds (also logged to the "Strategy" output channel). */
    activationMs: number;
    /** Settles when the language server has answered `initialize` (or failed to start, which is logged). */
    serverReady: Promise<void>;
    /** What the preview shows (its title and the HTML last sent to its webview), if a preview is open. */
    previewContent(): { title: string; content: string } | undefined;
}

/**
 * Wires every feature to the language client, then starts the bundled server in the background: activation
 * returns in a few milliseconds, and requests made before the server is up wait for it (the client queues them).
 */
export function activate(context: ExtensionContext): StrategyExtensionApi {
    const started = performance.now();
    const output = window.createOutputChannel('Strategy', { log: true });
    context.subscriptions.push(output);
    const languageClient = createLanguageClient(context, output);
    client = languageClient;
    // The client keeps one handler per notification (a second registration replaces the first): the ticket links,
    // the alignment view and the preview share this one.
    const modelChanged = new EventEmitter<void>();
    // The preview's comparison with a revision: the Strategy view marks the same elements.
    const comparison = new EventEmitter<CompareParams | undefined>();
    const preview = registerPreview({
        client: languageClient, extensionUri: context.extensionUri, log: output, onModelChanged: modelChanged.event,
        workspaceState: context.workspaceState, comparisonChanged: params => comparison.fire(params)
    });
    context.subscriptions.push(
        modelChanged, comparison,
        languageClient.onNotification(modelChangedNotification, () => modelChanged.fire()),
        registerShowReferences(languageClient),
        registerRestartCommand(languageClient, output),
        ...registerTicketLinks(languageClient, modelChanged.event),
        ...registerAlignmentView(languageClient, modelChanged.event, comparison.event),
        ...preview.disposables
    );
    const serverReady = languageClient.start().then(
        () => output.info(`Strategy language server ready ${Math.round(performance.now() - started)} ms after activation began`),
        (error: unknown) => {
            output.error(`The Strategy language server did not start: ${error instanceof Error ? error.message : String(error)}`);
            void window.showErrorMessage('The Strategy language server did not start; see the "Strategy" output.', 'Show Output')
                .then(choice => { if (choice) output.show(); });
        }
    );
    const activationMs = performance.now() - started;
    output.info(`Strategy extension activated in ${activationMs.toFixed(1)} ms`);
    void commands.executeCommand('setContext', 'strategy.extensionActive', true);
    return { activationMs, serverReady, previewContent: () => preview.manager.active?.shownContent };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
