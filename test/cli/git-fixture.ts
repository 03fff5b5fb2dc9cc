import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { bin } from './run-strategy.js';

// Real git repositories in the system temp folder for `strategy diff`'s tests. Every git command names its own
// author and turns off signing and hooks, so the tests run the same on a CI machine without any git config.

const identity = ['-c', 'user.name=Strategy Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main', '-c', 'core.autocrlf=false'];

export class GitRepository {
    readonly root: string;
    /** Git may not look above the temp folder, so a repository around it never answers for one of ours. */
    readonly env: NodeJS.ProcessEnv;

    constructor(prefix = 'strategy-diff-') {
        this.root = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
        this.env = { ...process.env, GIT_CEILING_DIRECTORIES: dirname(this.root), GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
    }

    git(...args: string[]): string {
        return execFileSync('git', [...identity, ...args], { cwd: this.root, env: this.env, encoding: 'utf8' });
    }

    init(): this {
        this.git('init', '-q');
        return this;
    }

    write(path: string, content: string | Buffer): this {
        mkdirSync(dirname(join(this.root, path)), { recursive: true });
        writeFileSync(join(this.root, path), content);
        return this;
    }

    remove(path: string): this {
        rmSync(join(this.root, path));
        return this;
    }

    commit(message: string): this {
        this.git('add', '-A');
        this.git('commit', '-q', '--allow-empty', '-m', message);
        return this;
    }

    /** `strategy ARGS` run in the repository (or in `cwd` under it). */
    strategy(args: string[], cwd = this.root): { status: number | null; stdout: string; stderr: string } {
        const result = spawnSync(process.execPath, [bin, ...args], { cwd, env: this.env, encoding: 'utf8', timeout: 60_000 });
        return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    }

    status(): string {
        return this.git('status', '--porcelain', '--untracked-files=all', '--ignored');
    }

    dispose(): void {
        rmSync(this.root, { recursive: true, force: true });
    }
}
