// Types of code-server.mjs (see its header for how to use it).

export const root: string;
export const vscodeTest: string;
export const node24: string;
export const codeServerPackage: string;
export const codeServerEntry: string;
export const setupMarker: string;
export const defaultSettings: Record<string, unknown>;

export function assertInstalled(): void;
export function freePort(): Promise<number>;

export interface InstallOptions {
    userDataDir: string;
    extensionsDir: string;
    /** .vsix paths (absolute or relative to the current directory) or extension ids. */
    extensions: string[];
    /** Where code-server's XDG config/data/cache folders go (default: userDataDir). */
    home?: string;
    timeoutMs?: number;
}
export function installExtensions(options: InstallOptions): Promise<string>;

export interface StartOptions {
    /** A folder to copy and open, relative to the repository or absolute; an empty folder when left out. */
    workspace?: string;
    /** .vsix paths or extension ids to install first. */
    extensions?: string[];
    /** User settings, merged over defaultSettings. */
    settings?: Record<string, unknown>;
    /** Extra environment variables for code-server and its extension host. */
    env?: Record<string, string>;
    /** Keep the temporary folders after stop() (for debugging). */
    keep?: boolean;
    /** Bound on installing nothing more and waiting for the port (default 60 s). */
    timeoutMs?: number;
}

export interface CodeServer {
    /** http://127.0.0.1:PORT/?folder=<folder>: open it in a browser to start the workbench and extension host. */
    url: string;
    origin: string;
    port: number;
    pid: number;
    /** The workspace copy. */
    folder: string;
    userDataDir: string;
    extensionsDir: string;
    /** Everything code-server printed so far. */
    output(): string;
    /** Kills code-server and its children, removes the temporary folders; safe to call twice. */
    stop(): Promise<void>;
}
export function startCodeServer(options?: StartOptions): Promise<CodeServer>;
