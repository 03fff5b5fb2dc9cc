import { realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative } from 'node:path';
import { URI, type FileSystemNode } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver';
import { isInsideAny } from '../workspace/inside-folders.js';

/**
 * The workspace loads each file by its own path and never through a symbolic link: a link inside the workspace
 * leads to a file it already lists, and a link out of it could reach any file on the machine (whose text a syntax
 * error would then show). A link out is said in the server's log, so a missing file can be explained.
 */
export class WorkspaceLinks {
    constructor(private readonly folders: () => readonly WorkspaceFolder[] | undefined) {}

    /**
     * Whether to load (a file) or search (a folder) this entry of a folder listing or watcher's report: one that
     * `isWanted` and is where the workspace lists it. An entry of a listing carries its `dirent` (Langium's Node
     * file system), so only a link costs a look at the disk.
     */
    admits(entry: FileSystemNode, isWanted: (node: FileSystemNode) => boolean): boolean {
        const dirent = (entry as FileSystemNode & { dirent?: Dirent }).dirent;
        if (entry.uri.scheme !== 'file' || (dirent && !dirent.isSymbolicLink())) return isWanted(entry);
        if (dirent) {
            // Listed as a link (neither file nor folder): never loaded, but said when it leads out of the workspace.
            const target = this.target(entry.uri);
            if (target && isWanted(target)) this.atOwnPath(entry.uri);
            return false;
        }
        return isWanted(entry) && this.atOwnPath(entry.uri);
    }

    /** Whether there is no link on the way from its workspace folder to this file or folder; a link out is logged. */
    atOwnPath(uri: URI): boolean {
        if (uri.scheme !== 'file') return true;
        let real: string;
        try {
            real = realpathSync(uri.fsPath);
        } catch (error) {
            // A link loop has nothing to read. A path the disk does not have is no link: it belongs to the file
            // system provider (a test's in-memory files), which reads it or reports it as it would without links.
            return (error as NodeJS.ErrnoException).code !== 'ELOOP';
        }
        const roots = this.roots();
        const root = roots.filter(({ listed }) => isInsideAny(uri.fsPath, [listed])).sort((a, b) => b.listed.length - a.listed.length)[0];
        if (root && real === join(root.real, relative(root.listed, uri.fsPath))) return true;
        if (!isInsideAny(real, roots.map(({ real }) => real))) console.warn(`Skipped ${uri.fsPath}: a symbolic link out of the workspace folders`);
        return false;
    }

    /** Each workspace folder as listed and as its real path (a workspace may itself be opened through a link). */
    private roots(): Array<{ listed: string; real: string }> {
        return (this.folders() ?? []).flatMap(folder => {
            const listed = URI.parse(folder.uri).fsPath;
            try {
                return [{ listed, real: realpathSync(listed) }];
            } catch {
                return [];
            }
        });
    }

    private target(uri: URI): FileSystemNode | undefined {
        try {
            const stats = statSync(uri.fsPath);
            return { uri, isFile: stats.isFile(), isDirectory: stats.isDirectory() };
        } catch {
            return undefined;
        }
    }
}
