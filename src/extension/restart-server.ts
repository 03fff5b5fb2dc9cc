import { commands, ProgressLocation, window, type Disposable, type LogOutputChannel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

const restartServerCommand = 'strategy.restartServer';

/**
 * "Strategy: Restart Language Server": stops the server process and starts a fresh one that reads the workspace
 * again, for when it is stuck or after changing files outside the editor while watching was off.
 */
export function registerRestartCommand(client: LanguageClient, output: LogOutputChannel): Disposable {
    return commands.registerCommand(restartServerCommand, async () => {
        output.info('Restarting the Strategy language server');
        try {
            // A server that never started (or crashed for good) is started; a running one is stopped first.
            await window.withProgress({ location: ProgressLocation.Window, title: 'Restarting the Strategy language server' },
                () => (client.isRunning() ? client.restart() : client.start()));
            output.info('The Strategy language server restarted');
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            output.error(`The Strategy language server did not restart: ${message}`);
            void window.showErrorMessage(`The Strategy language server did not restart: ${message}`);
        }
    });
}
