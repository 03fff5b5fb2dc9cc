import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, resolve } from 'node:path';
import { isInsideAny } from '../language/workspace/inside-folders.js';
import { describeIoError } from './read-text.js';

/** Folders never searched: dependencies and tool state hold no strategy and can hold millions of files. */
const skippedFolders = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode-test']);

export interface CollectedFiles {
    files: string[];
    problems: string[];
    /** Symbolic links left out because they lead out of the folders given: said, but no fault of the input. */
    notes: string[];
}

/**
 * Every `.strategy` file under the given paths, each once. A symbolic link is followed only when its real path
 * lies inside one of the folders given (a link out of them could reach any file on the machine, and its text would
 * be echoed in syntax errors); a file named on the command line is read wherever it is. A folder is entered only
 * once by its real path, so link loops end; unreadable entries become problems, not crashes.
 */
export function collectStrategyFiles(paths: readonly string[]): CollectedFiles {
    const files: string[] = [];
    const problems: string[] = [];
    const seenFiles = new Set<string>();
    const seenFolders = new Set<string>();
    const roots = paths.flatMap(path => {
        try {
            return statSync(path).isDirectory() ? [realpathSync(path)] : [];
        } catch {
            return []; // reported below
        }
    });
    const linksOut: Array<{ path: string; real: string }> = [];

    // Only a symbolic link can lead to a file twice (folders are entered once by their real path), so only
    // links and the paths given on the command line need resolving.
    const addFile = (path: string, mayBeAlias = true) => {
        const real = mayBeAlias ? realpathSync(path) : path;
        if (!seenFiles.has(real)) {
            seenFiles.add(real);
            files.push(path);
        }
    };

    const walk = (folder: string) => {
        const pending = [folder];
        while (pending.length > 0) {
            const current = pending.pop()!;
            let real: string;
            let entries: Dirent[];
            try {
                real = realpathSync(current);
                if (seenFolders.has(real)) continue;
                seenFolders.add(real);
                entries = readdirSync(current, { withFileTypes: true });
            } catch (error) {
                problems.push(`cannot read ${current}: ${describeIoError(error)}`);
                continue;
            }
            const subfolders: string[] = [];
            for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
                const path = join(current, entry.name);
                let isFolder = entry.isDirectory();
                let isFile = entry.isFile();
                let target: string | undefined;
                if (entry.isSymbolicLink()) {
                    try {
                        const stats = statSync(path);
                        isFolder = stats.isDirectory();
                        isFile = stats.isFile();
                        target = realpathSync(path);
                    } catch (error) {
                        if (entry.name.endsWith('.strategy')) problems.push(`cannot read ${path}: ${describeIoError(error)}`);
                        continue;
                    }
                }
                const wanted = (isFolder && !skippedFolders.has(entry.name)) || (isFile && entry.name.endsWith('.strategy'));
                if (!wanted) continue;
                if (target !== undefined && !isInsideAny(target, roots)) linksOut.push({ path, real: target });
                else if (isFolder) subfolders.push(path);
                else addFile(join(real, entry.name), target !== undefined);
            }
            for (const folder of subfolders.reverse()) pending.push(folder);
        }
    };

    for (const path of paths) {
        try {
            const stats = statSync(path);
            if (stats.isDirectory()) walk(path);
            // Only .strategy files are parsed as strategy (the engine knows no other kind of file); a file named by
            // mistake (`strategy check notes.txt`) is said to be one, not read as a strategy full of errors.
            else if (path.endsWith('.strategy')) addFile(path);
            else problems.push(`${path} is not a .strategy file; give .strategy files or folders that hold them`);
        } catch (error) {
            problems.push(`cannot read ${path}: ${describeIoError(error)}`);
        }
    }
    // A link to a file that is also named on the command line left nothing out.
    const notes = linksOut.filter(link => !seenFiles.has(link.real)).map(link => `skipped ${link.path}: a symbolic link out of the folders given`);
    return { files: files.map(file => resolve(file)), problems, notes };
}
