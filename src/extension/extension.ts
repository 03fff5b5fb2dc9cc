import { window, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { registerAlignmentView } from './alignment-view.js';
import { createLanguageClient } from './language-client.js';
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
    context.subscriptions.push(...registerTicketLinks(client), ...registerAlignmentView(client));
    output.info(`Strategy extension activated in ${Math.round(performance.now() - started)} ms`);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
}
