import { statSync } from 'node:fs';

/**
 * The input file that `output` names, or undefined. Files are compared by device and inode, so every spelling of
 * an input is caught: a symbolic link to it, `x/../` in the path, another case on a case-insensitive disk, a hard
 * link. An output that does not exist yet is no input.
 */
export function inputNamedBy(output: string, inputs: readonly string[]): string | undefined {
    const target = identity(output);
    if (target === undefined) return undefined;
    return inputs.find(input => identity(input) === target);
}

function identity(path: string): string | undefined {
    try {
        const stats = statSync(path, { bigint: true });
        return `${stats.dev}:${stats.ino}`;
    } catch {
        return undefined;
    }
}
