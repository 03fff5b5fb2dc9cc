import { isAbsolute, relative, sep } from 'node:path';

/**
 * Whether `path` is one of `folders` or lies below one. Both sides must be real paths (symbolic links resolved):
 * the command line and the language server follow a link only where it stays inside the folders they were given.
 */
export function isInsideAny(path: string, folders: readonly string[]): boolean {
    return folders.some(folder => {
        const rel = relative(folder, path);
        return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
    });
}
