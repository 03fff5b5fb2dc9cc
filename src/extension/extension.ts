import { EventEmitter, window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAlignmentView } from './alignment-view.js';
import { modelChangedNotification } from '../language/lsp/strategy-protocol.js';
import { createLanguageClient } from './language-client.js';
import { registerPreview } from './preview/preview-manager.js';
import { registerShowReferences } from './show-references.js';
import { registerTicketLinks } from './ticket-links.js';

let client: LanguageClient | undefined;

/** Starts the bundled language server, which brings every language feature, then wires the workspace-wide pieces. */
export async function activate(context: ExtensionContext): Promise<void> {
    const started = performance.now();
    const output = window.createOutputChannel('Strategy', { log: true });
    context.subscriptions.push(output);
    client = createLanguageClient(context, output);
    // Registered before the start: the first code lens can be clicked as soon as it shows.
    context.subscriptions.push(registerShowReferences(client));
    await client.start();
    // The client keeps one handler per notification: the alignment view and the preview share this one.
    const modelChanged = new EventEmitter<void>();
    context.subscriptions.push(modelChanged, client.onNotification(modelChangedNotification, () => modelChanged.fire()));
    context.subscriptions.push(
        ...registerTicketLinks(client),
        ...registerAlignmentView(client, modelChanged.event),
        ...registerPreview({ client, extensionUri: context.extensionUri, log: output, onModelChanged: modelChanged.event })
    );
    output.info(`Strategy extension activated in ${Math.round(performance.now() - started)} ms`);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
