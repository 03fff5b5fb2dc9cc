import '../node-compat.js';
import { terminalText } from '../render/escape.js';
import { runCli } from './main.js';

const io = {
    out: (text: string) => process.stdout.write(text),
    err: (text: string) => process.stderr.write(text)
};

runCli(process.argv.slice(2), io).then(
    status => { process.exitCode = status; },
    error => {
        // The message may quote a file name: each line is escaped as every text output is.
        const text = String((error as Error)?.stack ?? error).split('\n').map(terminalText).join('\n');
        process.stderr.write(`strategy: internal error: ${text}\n`);
        process.exitCode = 2;
    }
);
