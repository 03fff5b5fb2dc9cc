import { GitError, runGit, shallowHint } from './git-command.js';

// A revision's `.strategy` files read from git's object store into memory: one `git ls-tree` for the names, one
// `git cat-file --batch` for all their bytes. Decoding the bytes into text, and wording what cannot be, is the
// caller's: the CLI and the editor report a file that is not UTF-8 text each in their own way.

export interface RevisionBlobs {
    /** Each file's path relative to the repository's top folder, and its bytes, in git's order of paths. */
    blobs: Array<{ path: string; bytes: Buffer }>;
    /** The `.strategy` paths that are symbolic links, not read: a link's target is not part of the revision. */
    links: string[];
}

/** Whether a repository-relative path lies under one of the prefixes (`''` stands for the whole repository). */
export function under(path: string, prefixes: readonly string[]): boolean {
    return prefixes.some(prefix => prefix === '' || path === prefix || path.startsWith(`${prefix}/`));
}

/**
 * The `.strategy` files of a commit under the prefixes. `label` names the revision in messages (`main`,
 * `HEAD~1`); a listing or an object git cannot give is a GitError.
 */
export async function revisionBlobs(root: string, commit: string, label: string, prefixes: readonly string[]): Promise<RevisionBlobs> {
    const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', commit], root);
    if (listing.status !== 0) throw new GitError(`cannot list the files of ${label}: ${listing.stderr}`);
    const entries: Array<{ object: string; path: string }> = [];
    const links: string[] = [];
    for (const record of listing.stdout.toString('utf8').split('\0')) {
        const tab = record.indexOf('\t');
        if (tab < 0) continue;
        const [mode, type, object] = record.slice(0, tab).split(' ');
        const path = record.slice(tab + 1);
        if (!path.endsWith('.strategy') || !under(path, prefixes)) continue;
        if (type !== 'blob') continue; // a submodule's commit: another repository
        if (mode === '120000') links.push(path);
        else entries.push({ object, path });
    }
    if (entries.length === 0) return { blobs: [], links };
    const batch = await runGit(['cat-file', '--batch'], root, entries.map(entry => entry.object).join('\n') + '\n');
    if (batch.status !== 0) throw new GitError(`cannot read the files of ${label}: ${batch.stderr}`);
    const blobs: RevisionBlobs['blobs'] = [];
    let offset = 0;
    for (const entry of entries) {
        // Each object comes as `<object> blob <size>\n<bytes>\n`, or `<object> missing\n`.
        const headerEnd = batch.stdout.indexOf(0x0a, offset);
        const header = batch.stdout.subarray(offset, headerEnd).toString('utf8').split(' ');
        if (header[1] === 'missing' || header.length < 3) throw new GitError(`${label}:${entry.path} is missing from the repository's objects${await shallowHint(root)}`);
        const size = Number(header[2]);
        blobs.push({ path: entry.path, bytes: batch.stdout.subarray(headerEnd + 1, headerEnd + 1 + size) });
        offset = headerEnd + 1 + size + 1;
    }
    return { blobs, links };
}
