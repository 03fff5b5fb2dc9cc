import { commands, type Disposable } from 'vscode';
import type { LanguageClient, Location, Position } from 'vscode-languageclient/node';

/** The command that code lenses run, `[uri, position, locations]` in LSP terms (see src/language/lsp/code-lens.ts). */
export const showReferencesCommand = 'strategy.showReferences';

/**
 * Opens VS Code's references peek for what a lens counted. The server cannot call `editor.action.showReferences`
 * itself, and that command only accepts VS Code's own types, so the LSP values are converted here.
 */
export function registerShowReferences(client: LanguageClient): Disposable {
    return commands.registerCommand(showReferencesCommand, async (uri: string, position: Position, locations: Location[]) => {
        const convert = client.protocol2CodeConverter;
        await commands.executeCommand('editor.action.showReferences',
            convert.asUri(uri), convert.asPosition(position), await convert.asReferences(locations ?? []));
    });
}
