import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { isInsideAny } from '../language/workspace/inside-folders.js';
import { describeIoError } from './read-text.js';

// Where `strategy build` may write, and how. It writes plain files into DIR and nowhere else: it never follows a
// link out of DIR, never deletes a file it did not write, and never touches the folders it reads.

/** The list of files the last build wrote, kept in DIR: a rebuild may replace and remove those, and only those. */
export const manifestName = '.strategy-site';

export class SiteFolderError extends Error {}

/** The path with every folder that exists resolved (links, `..`, case), the rest as written. */
function realish(path: string): string {
    const absolute = resolve(path);
    try {
        return realpathSync(absolute);
    } catch {
        const parent = dirname(absolute);
        return parent === absolute ? absolute : join(realish(parent), basename(absolute));
    }
}

/**
 * Refuses an output folder that overlaps the input: inside a folder that is read (the site would sit among the
 * sources, and `--force` could replace them), or holding one of the files or folders read.
 */
export function checkOutsideInputs(output: string, inputs: readonly string[]): void {
    const out = realish(output);
    for (const input of inputs) {
        const source = realish(input);
        let isFolder = false;
        try {
            isFolder = lstatSync(source).isDirectory();
        } catch { /* collectStrategyFiles reports it */ }
        if (isFolder && isInsideAny(out, [source])) {
            throw new SiteFolderError(`-o ${output} is inside the input folder ${input}; write the site outside the folders that are read `
                + `(name the folder that holds the .strategy files, as in 'strategy build strategy -o site')`);
        }
        if (isInsideAny(source, [out])) {
            throw new SiteFolderError(`-o ${output} holds the input ${input}; write the site to a folder of its own`);
        }
    }
}

function manifestOf(folder: string): Set<string> {
    try {
        const names = readFileSync(join(folder, manifestName), 'utf8').split('\n').filter(Boolean);
        // Only plain names of this folder: a manifest edited by hand cannot point a removal elsewhere.
        return new Set(names.filter(name => name === basename(name) && name !== '.' && name !== '..'));
    } catch {
        return new Set();
    }
}

/**
 * Creates DIR or checks it may be written: a folder that holds files a build did not write is refused unless
 * `force`. Returns the files the last build wrote there.
 */
export function prepareFolder(output: string, force: boolean): Set<string> {
    let entries: string[];
    try {
        const stats = lstatSync(output);
        if (stats.isSymbolicLink()) throw new SiteFolderError(`-o ${output} is a symbolic link; give the folder it leads to`);
        if (!stats.isDirectory()) throw new SiteFolderError(`-o ${output} is a file, not a folder`);
        entries = readdirSync(output);
    } catch (error) {
        if (error instanceof SiteFolderError) throw error;
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new SiteFolderError(`cannot use ${output}: ${describeIoError(error)}`);
        try {
            mkdirSync(output, { recursive: true });
        } catch (made) {
            throw new SiteFolderError(`cannot create ${output}: ${describeIoError(made)}`);
        }
        return new Set();
    }
    const written = manifestOf(output);
    const others = entries.filter(name => name !== manifestName && !written.has(name)).sort();
    if (others.length > 0 && !force) {
        const shown = others.slice(0, 3).join(', ') + (others.length > 3 ? ` and ${others.length - 3} more` : '');
        throw new SiteFolderError(`-o ${output} already holds files a build did not write (${shown}); `
            + 'choose an empty or new folder, or add --force to write the site beside them (they are kept)');
    }
    return written;
}

/**
 * Writes the files into DIR, then removes what the last build wrote and this one did not. A link in DIR where a
 * page goes is removed, not written through; a folder there is a fault.
 */
export function writeSite(output: string, files: ReadonlyArray<{ name: string; content: string }>, previous: ReadonlySet<string>): void {
    const names = new Set(files.map(file => file.name));
    const replace = (name: string, content: string) => {
        const path = join(output, name);
        try {
            const stats = lstatSync(path);
            if (stats.isDirectory()) throw new SiteFolderError(`cannot write ${path}: a folder has that name`);
            if (stats.isSymbolicLink()) unlinkSync(path);
        } catch (error) {
            if (error instanceof SiteFolderError) throw error;
        }
        try {
            writeFileSync(path, content);
        } catch (error) {
            throw new SiteFolderError(`cannot write ${path}: ${describeIoError(error)}`);
        }
    };
    for (const file of files) replace(file.name, file.content);
    for (const name of previous) {
        if (names.has(name)) continue;
        try {
            if (!lstatSync(join(output, name)).isDirectory()) unlinkSync(join(output, name));
        } catch { /* already gone */ }
    }
    replace(manifestName, [...names].sort().join('\n') + '\n');
}
