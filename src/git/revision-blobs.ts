import { GitError, runGit, shallowHint } from './git-command.js';

// A revision's `.strategy` files read from git's object store into memory: one `git ls-tree` for the names, one
// `git cat-file --batch` for all their bytes. Decoding the bytes into text, and wording what cannot be, is the
// caller's: the CLI and the editor report a file that is not UTF-8 text each in their own way.

export interface RevisionBlobs {
    /** Each file's path relative to the repository's top folder, and its bytes, in git's order of paths. */
    blobs: Array<{ path: string; object: string; bytes: Buffer }>;
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
    return (await revisionsBlobs(root, [{ commit, label }], prefixes))[0];
}

/**
 * As revisionBlobs, for several revisions at once, each object read once however many of them hold it: two
 * revisions compared share most of their files. The buffers of a shared object are one.
 */
export async function revisionsBlobs(
    root: string, revisions: ReadonlyArray<{ commit: string; label: string }>, prefixes: readonly string[]
): Promise<RevisionBlobs[]> {
    const listings = await Promise.all(revisions.map(({ commit, label }) => listRevision(root, commit, label, prefixes)));
    const objects = [...new Set(listings.flatMap(listing => listing.entries.map(entry => entry.object)))];
    const contents = objects.length > 0 ? await readObjects(root, objects, revisions.map(({ label }) => label).join(', ')) : new Map<string, Buffer>();
    const results: RevisionBlobs[] = [];
    for (const [i, { entries, links }] of listings.entries()) {
        const blobs: RevisionBlobs['blobs'] = [];
        for (const entry of entries) {
            const bytes = contents.get(entry.object);
            if (!bytes) throw new GitError(`${revisions[i].label}:${entry.path} is missing from the repository's objects${await shallowHint(root)}`);
            blobs.push({ path: entry.path, object: entry.object, bytes });
        }
        results.push({ blobs, links });
    }
    return results;
}

async function listRevision(root: string, commit: string, label: string, prefixes: readonly string[]): Promise<{ entries: Array<{ object: string; path: string }>; links: string[] }> {
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
    return { entries, links };
}

/** The objects' bytes, from one `git cat-file --batch`; an object the repository lacks is left out. */
async function readObjects(root: string, objects: readonly string[], label: string): Promise<Map<string, Buffer>> {
    const batch = await runGit(['cat-file', '--batch'], root, objects.join('\n') + '\n');
    if (batch.status !== 0) throw new GitError(`cannot read the files of ${label}: ${batch.stderr}`);
    const contents = new Map<string, Buffer>();
    let offset = 0;
    for (const object of objects) {
        // Each object comes as `<object> blob <size>\n<bytes>\n`, or `<object> missing\n`.
        const headerEnd = batch.stdout.indexOf(0x0a, offset);
        const header = batch.stdout.subarray(offset, headerEnd).toString('utf8').split(' ');
        offset = headerEnd + 1;
        if (header[1] === 'missing' || header.length < 3) continue;
        const size = Number(header[2]);
        contents.set(object, batch.stdout.subarray(offset, offset + size));
        offset += size + 1;
    }
    return contents;
}
