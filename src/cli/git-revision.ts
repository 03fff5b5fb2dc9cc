import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { decodeStrategyText, InputError, readStrategyText } from './read-text.js';
import type { StrategyText } from './load-workspace.js';

// The `.strategy` files of a git revision, read through the `git` command as VS Code's git extension does: no
// shell, and nothing that writes to the repository (no checkout, stash or worktree). A revision's files are read
// from git's object store into memory; the working tree's from disk.

/** A fault of git or of the revision asked for: `strategy diff` exits 2 with its message. */
export class GitError extends Error {}

interface GitResult {
    status: number;
    stdout: Buffer;
    stderr: string;
}

/** Runs `git ARGS` in `cwd` with `input` on its standard input; a git that cannot start is a GitError. */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
    return new Promise((done, fail) => {
        // No pager, no prompt for credentials, and the same words whatever the user's language, so messages are read right.
        const env = { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
        const child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', error => fail((error as NodeJS.ErrnoException).code === 'ENOENT'
            ? new GitError('the git command was not found; strategy diff reads revisions through git, so install it or put it on PATH')
            : new GitError(`cannot run git: ${error.message}`)));
        child.on('close', status => done({ status: status ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
        child.stdin.on('error', () => { /* git ended before reading all its input: its status says why */ });
        child.stdin.end(input ?? '');
    });
}

/** The top folder of the repository that holds `cwd`; outside one, a GitError saying so. */
export async function repositoryRoot(cwd: string): Promise<string> {
    const result = await runGit(['rev-parse', '--show-toplevel'], cwd);
    if (result.status !== 0) {
        if (/not a git repository/i.test(result.stderr)) throw new GitError('not a git repository (nor any parent folder): strategy diff compares the .strategy files of two git revisions');
        throw new GitError(`git rev-parse failed: ${result.stderr}`);
    }
    return result.stdout.toString('utf8').trim();
}

/** The commit a revision names (a branch, a tag, `HEAD~3`, a hash), or undefined when it names none. */
export async function commitOf(root: string, revision: string): Promise<string | undefined> {
    if (revision === '' || revision.startsWith('-')) return undefined;
    const result = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root);
    return result.status === 0 ? result.stdout.toString('utf8').trim() : undefined;
}

/** The commit both revisions come from, for `A...B` (what a pull request changes since it left its base). */
export async function mergeBase(root: string, a: string, b: string): Promise<string> {
    const result = await runGit(['merge-base', a, b], root);
    if (result.status !== 0) throw new GitError(`'${a}' and '${b}' have no common ancestor${await shallowHint(root)}`);
    return result.stdout.toString('utf8').trim();
}

/** Why a revision may be missing: a shallow clone has only the newest commits. */
export async function shallowHint(root: string): Promise<string> {
    const result = await runGit(['rev-parse', '--is-shallow-repository'], root);
    return result.stdout.toString('utf8').trim() === 'true'
        ? '; this is a shallow clone, which may not hold it: fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)'
        : '';
}

/**
 * Repository-relative prefixes for the paths given (relative to `cwd`); a path outside the repository is a
 * GitError. `''` stands for the whole repository.
 */
export function repositoryPrefixes(root: string, cwd: string, paths: readonly string[]): string[] {
    return (paths.length > 0 ? paths : ['.']).map(path => {
        const rel = relative(root, resolve(cwd, path));
        if (rel.startsWith('..') || isAbsolute(rel)) throw new GitError(`${path} is outside the repository (${root})`);
        return rel.split(sep).join('/');
    });
}

function under(path: string, prefixes: readonly string[]): boolean {
    return prefixes.some(prefix => prefix === '' || path === prefix || path.startsWith(`${prefix}/`));
}

export interface RevisionFiles {
    texts: StrategyText[];
    /** Files that could not be read as text (binary, not UTF-8), one message each. */
    problems: string[];
}

/** The `.strategy` files of a commit under the prefixes, read from git's object store in one `git cat-file` run. */
export async function revisionFiles(root: string, commit: string, label: string, prefixes: readonly string[]): Promise<RevisionFiles> {
    const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit], root);
    if (listing.status !== 0) throw new GitError(`cannot list the files of ${label}: ${listing.stderr}`);
    const entries: Array<{ object: string; path: string }> = [];
    const problems: string[] = [];
    for (const record of listing.stdout.toString('utf8').split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, object] = record.slice(0, tab).split(' ');
        const path = record.slice(tab + 1);
        if (!path.endsWith('.strategy') || !under(path, prefixes)) continue;
        if (type !== 'blob') continue; // a submodule's commit: another repository
        if (mode === '120000') problems.push(`${label}:${path} is a symbolic link; strategy diff reads only files stored in the revision`);
        else entries.push({ object, path });
    }
    if (entries.length === 0) return { texts: [], problems };
    const batch = await runGit(['cat-file', '--batch'], root, entries.map(entry => entry.object).join('\n') + '\n');
    if (batch.status !== 0) throw new GitError(`cannot read the files of ${label}: ${batch.stderr}`);
    const texts: StrategyText[] = [];
    let offset = 0;
    for (const entry of entries) {
        const headerEnd = batch.stdout.indexOf(0x0a, offset);
        const header = batch.stdout.subarray(offset, headerEnd).toString('utf8').split(' ');
        if (header[1] === 'missing' || header.length < 3) throw new GitError(`${label}:${entry.path} is missing from the repository's objects${await shallowHint(root)}`);
        const size = Number(header[2]);
        const bytes = batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size);
        offset = headerEnd + 1 + size + 1;
        const text = decoded(bytes, `${label}:${entry.path}`, problems);
        if (text !== undefined) texts.push({ file: join(root, entry.path), text });
    }
    return { texts, problems };
}

/** The working tree's `.strategy` files under the prefixes that git tracks or would track (ignored files left out). */
export async function workingTreeFiles(root: string, prefixes: readonly string[]): Promise<RevisionFiles> {
    const listing = await runGit(['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'], root);
    if (listing.status !== 0) throw new GitError(`cannot list the working tree's files: ${listing.stderr}`);
    const paths = [...new Set(listing.stdout.toString('utf8').split('\0'))].filter(path => path.endsWith('.strategy') && under(path, prefixes));
    const texts: StrategyText[] = [];
    const problems: string[] = [];
    for (const path of paths.sort()) {
        const file = join(root, path);
        if (!existsSync(file)) continue; // deleted in the working tree, not yet committed
        try {
            const text = readStrategyText(file);
            if (text.includes('\0')) problems.push(`${file} is binary (it holds NUL bytes), not a .strategy text`);
            else texts.push({ file, text });
        } catch (error) {
            if (!(error instanceof InputError)) throw error;
            problems.push(error.message);
        }
    }
    return { texts, problems };
}

function decoded(bytes: Buffer, name: string, problems: string[]): string | undefined {
    if (bytes.includes(0)) {
        problems.push(`${name} is binary (it holds NUL bytes), not a .strategy text`);
        return undefined;
    }
    try {
        return decodeStrategyText(bytes, name);
    } catch (error) {
        if (!(error instanceof InputError)) throw error;
        problems.push(error.message);
        return undefined;
    }
}
