import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

// The built command, as a team runs it in CI (the test script builds first): one way to run it for every CLI test.

export const bin = resolve('bin/strategy.cjs');

/** Runs `strategy ARGS` in `cwd` and returns its exit status and output. */
export function strategy(args: string[], cwd = process.cwd()): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
