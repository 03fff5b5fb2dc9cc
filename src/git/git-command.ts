import { spawn } from 'node:child_process';

// The git command as VS Code's git extension runs it: no shell, no pager, no prompt for credentials, and nothing
// that writes to the repository (no checkout, stash or worktree, and no optional lock). The CLI's `strategy diff`
// and the editor's Compare with Revision both read git through this module, so it imports neither of them, nor
// Langium nor VS Code. Faults are worded as clauses ("cannot run git: …"): the CLI prints them after its name,
// the editor as a message of their own; each caller words what is its own (outside a repository, an unknown
// revision).

/** A fault of git or of the revision asked for, in words to show the user. */
export class GitError extends Error {}

/** No git command on PATH: repositoryRoot words it with the name of what needs git. */
class GitNotFound extends GitError {}

export interface GitResult {
    status: number;
    stdout: Buffer;
    stderr: string;
}

/** Runs `git ARGS` in `cwd` with `input` on its standard input; a git that cannot start is a GitError. */
export function runGit(args: readonly string[], cwd: string, input?: string): Promise<GitResult> {
    return new Promise((done, fail) => {
        // The same words whatever the user's language, so that git's messages are recognised.
        const env = { ...process.env, GIT_PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_OPTIONAL_LOCKS: '0' };
        let child;
        try {
            child = spawn('git', args, { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
        } catch (error) {
            // A folder that no process can start in (a NUL in its name) fails here, before git runs.
            fail(new GitError(`cannot run git in ${cwd}: ${error instanceof Error ? error.message : String(error)}`));
            return;
        }
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', error => fail((error as NodeJS.ErrnoException).code === 'ENOENT'
            ? new GitNotFound('the git command was not found; install it or put it on PATH')
            : new GitError(`cannot run git: ${error.message}`)));
        child.on('close', status => done({ status: status ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8').trim() }));
        child.stdin.on('error', () => { /* git ended before reading all its input: its status says why */ });
        child.stdin.end(input ?? '');
    });
}

/**
 * The top folder of the repository that holds `cwd`, or undefined outside one. `reader` names what reads
 * revisions through git (`strategy diff`), for the message when git is missing.
 */
export async function repositoryRoot(cwd: string, reader: string): Promise<string | undefined> {
    let result: GitResult;
    try {
        result = await runGit(['rev-parse', '--show-toplevel'], cwd);
    } catch (error) {
        if (!(error instanceof GitNotFound)) throw error;
        throw new GitError(`the git command was not found; ${reader} reads revisions through git, so install it or put it on PATH`);
    }
    if (result.status === 0) return result.stdout.toString('utf8').trim();
    if (/not a git repository/i.test(result.stderr)) return undefined;
    throw new GitError(`git rev-parse failed: ${result.stderr}`);
}

/**
 * The commit a revision names (a branch, a tag, `HEAD~3`, a hash), or git's reason why it names none. An empty
 * word or one that starts with `-` (an option) never reaches git.
 */
export async function commitOf(root: string, revision: string): Promise<{ commit: string } | { reason: string }> {
    if (revision.trim() === '' || revision.startsWith('-')) return { reason: `'${revision}' is not a revision` };
    const result = await runGit(['rev-parse', '--verify', '--end-of-options', `${revision}^{commit}`], root);
    if (result.status === 0) return { commit: result.stdout.toString('utf8').trim() };
    return { reason: result.stderr.replace(/^fatal:\s*/m, '').split('\n')[0] || 'git does not know it' };
}

/** Why a revision or an object may be missing, as a clause to append: a shallow clone has only the newest commits. */
export async function shallowHint(root: string): Promise<string> {
    const result = await runGit(['rev-parse', '--is-shallow-repository'], root);
    return result.stdout.toString('utf8').trim() === 'true'
        ? '; this is a shallow clone, which may not hold it: fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)'
        : '';
}
