import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { GitError, commitOf as gitCommitOf, repositoryRoot as gitRepositoryRoot, runGit, shallowHint } from '../git/git-command.js';
import { revisionsBlobs, under } from '../git/revision-blobs.js';
import { decodeStrategyText, InputError, readStrategyText } from './read-text.js';
import type { StrategyText } from './load-workspace.js';

// The `.strategy` files of a git revision for `strategy diff`, read through src/git/ (the git command, no shell,
// nothing that writes to the repository): a revision's files from git's object store into memory, the working
// tree's from disk. A git fault or a bad revision is a GitError: `strategy diff` exits 2 with its message.

/** The top folder of the repository that holds `cwd`; outside one, a GitError saying so. */
export async function repositoryRoot(cwd: string): Promise<string> {
    const root = await gitRepositoryRoot(cwd, 'strategy diff');
    if (root === undefined) throw new GitError('not a git repository (nor any parent folder): strategy diff compares the .strategy files of two git revisions');
    return root;
}

/** The commit a revision names (a branch, a tag, `HEAD~3`, a hash), or undefined when it names none. */
export async function commitOf(root: string, revision: string): Promise<string | undefined> {
    const resolved = await gitCommitOf(root, revision);
    return 'commit' in resolved ? resolved.commit : undefined;
}

/** The commit both revisions come from, for `A...B` (what a pull request changes since it left its base). */
export async function mergeBase(root: string, a: string, b: string): Promise<string> {
    const result = await runGit(['merge-base', a, b], root);
    if (result.status !== 0) throw new GitError(`'${a}' and '${b}' have no common ancestor${await shallowHint(root)}`);
    return result.stdout.toString('utf8').trim();
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

export interface RevisionFiles {
    texts: StrategyText[];
    /** Files that could not be read as text (binary, not UTF-8), one message each. */
    problems: string[];
}

/** The `.strategy` files of a commit under the prefixes, read from git's object store in one `git cat-file` run. */
export async function revisionFiles(root: string, commit: string, label: string, prefixes: readonly string[]): Promise<RevisionFiles> {
    return (await revisionsFiles(root, [{ commit, label }], prefixes))[0];
}

/**
 * As revisionFiles for several commits, each file that they share read and decoded once: its text is then one
 * string at every side, which the comparison tells unchanged at a glance.
 */
export async function revisionsFiles(root: string, revisions: ReadonlyArray<{ commit: string; label: string }>, prefixes: readonly string[]): Promise<RevisionFiles[]> {
    const decodedTexts = new Map<string, string>();
    return (await revisionsBlobs(root, revisions, prefixes)).map(({ blobs, links }, i) => {
        const { label } = revisions[i];
        const problems = links.map(path => `${label}:${path} is a symbolic link; strategy diff reads only files stored in the revision`);
        const texts: StrategyText[] = [];
        for (const { path, object, bytes } of blobs) {
            const text = decodedTexts.get(object) ?? decoded(bytes, `${label}:${path}`, problems);
            if (text === undefined) continue;
            decodedTexts.set(object, text);
            texts.push({ file: join(root, path), text });
        }
        return { texts, problems };
    });
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
