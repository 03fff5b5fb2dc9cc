import { existsSync } from 'node:fs';
import { commitOf as gitCommitOf, GitError, repositoryRoot as gitRepositoryRoot, runGit, shallowHint } from '../../git/git-command.js';
import { revisionBlobs } from '../../git/revision-blobs.js';

// What "Compare with Revision…" reads from git, through src/git/ as `strategy diff` does (no shell, nothing that
// writes to the repository; a revision's files come from git's object store into memory), in the editor's words.

/** The top folder of the repository holding `folder`; outside one, a GitError saying so. */
export async function repositoryRoot(folder: string): Promise<string> {
    // git started in a missing folder fails as a missing git would (ENOENT): say which is missing.
    if (!existsSync(folder)) throw new GitError(`${folder} does not exist`);
    const root = await gitRepositoryRoot(folder, 'Compare with Revision');
    if (root === undefined) throw new GitError(`${folder} is not in a git repository: Compare with Revision compares the .strategy files with a git revision.`);
    return root;
}

/** The commit a revision names (a branch, a tag, `HEAD~3`, a hash); otherwise a GitError with git's reason. */
export async function commitOf(root: string, revision: string): Promise<string> {
    if (revision.trim() === '' || revision.startsWith('-')) throw new GitError(`'${revision}' is not a revision`);
    const resolved = await gitCommitOf(root, revision);
    if ('commit' in resolved) return resolved.commit;
    throw new GitError(`Unknown revision '${revision}': ${resolved.reason}${await shallowHint(root)}.`);
}

/**
 * A GitError's message as the editor shows it, a message of its own: git's faults are worded as clauses that
 * follow a name (`strategy diff: cannot run git: …`), so a first word in small letters gets its capital. A first
 * word that is a path or a revision (it holds `/`, `.`, `:` or a quote) is left as written.
 */
export function shownMessage(error: GitError): string {
    return error.message.replace(/^[a-z]+(?= )/, word => word[0].toUpperCase() + word.slice(1));
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
    const { blobs } = await revisionBlobs(root, commit, commit, [prefix]);
    const texts: RevisionText[] = [];
    const problems: string[] = [];
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    for (const { path, bytes } of blobs) {
        try {
            if (bytes.includes(0)) throw new TypeError('binary');
            texts.push({ path, text: decoder.decode(bytes) });
        } catch {
            problems.push(`${path} is not UTF-8 text at ${commit.slice(0, 7)}: left out of the comparison`);
        }
    }
    return { texts, problems };
}
