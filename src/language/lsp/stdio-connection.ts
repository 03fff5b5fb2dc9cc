import { format } from 'node:util';
import { createConnection, ProposedFeatures, type Connection } from 'vscode-languageserver/node';
import { FrameResync } from './frame-resync.js';

/**
 * The connection over standard input and output, reading through FrameResync so that one malformed frame from the
 * client costs that message, not the connection. What vscode-languageserver does for `--stdio` is done here too:
 * standard output carries the protocol, so console output goes to the client's log instead.
 */
export function createStdioConnection(): Connection {
    let connection: Connection | undefined;
    const input = process.stdin.pipe(new FrameResync(reason => {
        connection?.console.error(`The Strategy language server skipped input that is not a Language Server Protocol message: ${reason}`);
    }));
    connection = createConnection(ProposedFeatures.all, input, process.stdout);
    const log = connection.console;
    console.log = (...args: unknown[]) => log.log(format(...args));
    console.info = (...args: unknown[]) => log.info(format(...args));
    console.debug = (...args: unknown[]) => log.log(format(...args));
    console.warn = (...args: unknown[]) => log.warn(format(...args));
    console.error = (...args: unknown[]) => log.error(format(...args));
    return connection;
}
