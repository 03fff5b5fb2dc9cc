import '../node-compat.js';
import { runCli } from './main.js';

const io = {
    out: (text: string) => process.stdout.write(text),
    err: (text: string) => process.stderr.write(text)
};

runCli(process.argv.slice(2), io).then(
    status => { process.exitCode = status; },
    error => {
        process.stderr.write(`strategy: internal error: ${(error as Error)?.stack ?? error}\n`);
        process.exitCode = 2;
    }
);
