import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

// What "Compare with Revision…" reads from git, through the `git` command as VS Code's git extension does: no
// shell, no pager, no prompt, and nothing that writes to the repository (no checkout, stash or worktree); a
// revision's files come from git's object store into memory. `strategy diff` reads git the same way in
// src/cli/git-revision.ts; the server cannot import the CLI (the CLI imports the server's engine), so this is the
// editor's own thin copy of the three reads it needs.

/** A fault of git or of the revision asked for, in words to show the user. */
export class GitError extends Error {}

interface GitResult {
    status: number;
    stdout: Buffer;
    stderr: string;
}

export function runGit(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
    return new Promise((done, fail) => {
        // The same words whatever the user's language, so that messages are recognised.
        const env = { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
        const child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', error => fail((error as NodeJS.ErrnoException).code === 'ENOENT'
            ? new GitError('The git command was not found: Compare with Revision reads revisions through git, so install it or put it on PATH.')
            : new GitError(`Cannot run git: ${error.message}`)));
        child.on('close', status => done({ status: status ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
        child.stdin.on('error', () => { /* git ended before reading its input: its status says why */ });
        child.stdin.end(input ?? '');
    });
}

/** The top folder of the repository holding `folder`; outside one, a GitError saying so. */
export async function repositoryRoot(folder: string): Promise<string> {
    // git started in a missing folder fails as a missing git would (ENOENT): say which is missing.
    if (!existsSync(folder)) throw new GitError(`${folder} does not exist`);
    let result: GitResult;
    try {
        result = await runGit(['rev-parse', '--show-toplevel'], folder);
    } catch (error) {
        if (error instanceof GitError) throw error;
        throw new GitError(`Cannot run git in ${folder}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (result.status === 0) return result.stdout.toString('utf8').trim();
    if (/not a git repository/i.test(result.stderr)) {
        throw new GitError(`${folder} is not in a git repository: Compare with Revision compares the .strategy files with a git revision.`);
    }
    throw new GitError(`git rev-parse failed: ${result.stderr}`);
}

/** The commit a revision names (a branch, a tag, `HEAD~3`, a hash); otherwise a GitError with git's reason. */
export async function commitOf(root: string, revision: string): Promise<string> {
    if (revision.trim() === '' || revision.startsWith('-')) throw new GitError(`'${revision}' is not a revision`);
    const result = await runGit(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`], root);
    if (result.status === 0) return result.stdout.toString('utf8').trim();
    const reason = result.stderr.replace(/^fatal:\s*/m, '').split('\n')[0] || 'git does not know it';
    const shallow = (await runGit(['rev-parse', '--is-shallow-repository'], root)).stdout.toString('utf8').trim() === 'true'
        ? ' This is a shallow clone, which may not hold it: fetch more history.' : '';
    return Promise.reject(new GitError(`Unknown revision '${revision}': ${reason}.${shallow}`));
}

export interface RevisionChoice {
    /** What git understands: `main`, `v1.0`, `origin/main`, a commit hash. */
    revision: string;
    kind: 'branch' | 'remote' | 'tag' | 'commit';
    /** `abc1234 subject` for a commit, the commit a ref points to for a ref. */
    detail: string;
}

/** Local branches, tags and remote branches (newest first), then the last 30 commits, as the git extension lists them. */
export async function revisionChoices(root: string): Promise<RevisionChoice[]> {
    const refs = await runGit(['for-each-ref', '--sort=-committerdate', '--format=%(refname)%00%(objectname:short)%00%(subject)',
        'refs/heads', 'refs/tags', 'refs/remotes'], root);
    const choices: RevisionChoice[] = [];
    for (const line of refs.stdout.toString('utf8').split('\n')) {
        const [ref, short, subject] = line.split('\0');
        if (!ref || ref.endsWith('/HEAD')) continue;
        const [, space, name] = /^refs\/(heads|tags|remotes)\/(.+)$/.exec(ref) ?? [];
        if (!name) continue;
        const kind = space === 'heads' ? 'branch' : space === 'tags' ? 'tag' : 'remote';
        choices.push({ revision: name, kind, detail: `${short} ${subject ?? ''}`.trim() });
    }
    // A repository without commits has no log: its status is not a fault worth a message.
    const log = await runGit(['log', '--format=%h%x00%s', '-n', '30'], root);
    if (log.status === 0) {
        for (const line of log.stdout.toString('utf8').split('\n')) {
            const [hash, subject] = line.split('\0');
            if (hash) choices.push({ revision: hash, kind: 'commit', detail: subject ?? '' });
        }
    }
    return choices;
}

/** A file of a revision: its path relative to the repository's top folder, and its text. */
export interface RevisionText {
    path: string;
    text: string;
}

/**
 * The `.strategy` files of a commit under `prefix` (repository-relative, `''` for all), read in one `git cat-file`
 * run. Files that are not UTF-8 text are left out and said in `problems`.
 */
export async function revisionTexts(root: string, commit: string, prefix: string): Promise<{ texts: RevisionText[]; problems: string[] }> {
    const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit], root);
    if (listing.status !== 0) throw new GitError(`Cannot list the files of ${commit}: ${listing.stderr}`);
    const entries: Array<{ object: string; path: string }> = [];
    for (const record of listing.stdout.toString('utf8').split('\0')) {
        const tab = record.indexOf('\t');
        const [mode, type, object] = record.slice(0, tab).split(' ');
        const path = record.slice(tab + 1);
        if (tab < 0 || type !== 'blob' || mode === '120000' || !path.endsWith('.strategy')) continue;
        if (prefix === '' || path.startsWith(`${prefix}/`)) entries.push({ object, path });
    }
    if (entries.length === 0) return { texts: [], problems: [] };
    const batch = await runGit(['cat-file', '--batch'], root, entries.map(entry => entry.object).join('\n') + '\n');
    if (batch.status !== 0) throw new GitError(`Cannot read the files of ${commit}: ${batch.stderr}`);
    const texts: RevisionText[] = [];
    const problems: string[] = [];
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    let offset = 0;
    for (const entry of entries) {
        const headerEnd = batch.stdout.indexOf(0x0a, offset);
        const header = batch.stdout.subarray(offset, headerEnd).toString('utf8').split(' ');
        if (header[1] === 'missing' || header.length < 3) throw new GitError(`${entry.path} is missing from the repository's objects`);
        const size = Number(header[2]);
        const bytes = batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size);
        offset = headerEnd + 1 + size + 1;
        try {
            if (bytes.includes(0)) throw new TypeError('binary');
            texts.push({ path: entry.path, text: decoder.decode(bytes) });
        } catch {
            problems.push(`${entry.path} is not UTF-8 text at ${commit.slice(0, 7)}: left out of the comparison`);
        }
    }
    return { texts, problems };
}
