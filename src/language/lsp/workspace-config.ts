import { DefaultWorkspaceManager, URI, type FileSystemNode, type FileSystemProvider, type LangiumDocument, type Stream, type TextDocument } from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import picomatch from 'picomatch';
import { FileChangeType, type DidChangeWatchedFilesParams, type InitializeParams, type TextDocumentChangeEvent } from 'vscode-languageserver';
import { WorkspaceLinks } from './workspace-links.js';
import { settingsSection, type StrategyInitializationOptions, type StrategySettings } from '../../protocol/strategy-protocol.js';

/** `strategy.exclude`'s default, also used by clients that send no settings at all. */
export const defaultExclude: readonly string[] = ['**/node_modules/**', '**/.git/**'];

function isGlobList(value: unknown): value is string[] {
    return Array.isArray(value) && value.every(item => typeof item === 'string');
}

/** Globs as VS Code's `files.exclude` reads them: relative to the workspace folder, `**` across folders, dot names included. */
export class ExcludeFilter {
    private readonly matchers: Array<(path: string) => boolean>;

    constructor(readonly globs: readonly string[]) {
        // One bad glob in the user's settings must not stop the server or silently drop the good ones.
        this.matchers = globs.filter(glob => glob.trim() !== '').flatMap(glob => {
            try {
                return [picomatch(glob, { dot: true })];
            } catch {
                return [];
            }
        });
    }

    /** Whether this path (relative, `/`-separated) matches a glob; the path's folders are not looked at. */
    matches(path: string): boolean {
        return path !== '' && this.matchers.some(match => match(path));
    }

    /** Whether this path or one of the folders it is in matches: a bare `legacy` excludes `legacy/a.strategy` too. */
    matchesOrIsInside(path: string): boolean {
        if (this.matches(path)) return true;
        for (let slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
            if (this.matches(path.slice(0, slash))) return true;
        }
        return false;
    }

    sameAs(globs: readonly string[]): boolean {
        return globs.length === this.globs.length && globs.every((glob, i) => glob === this.globs[i]);
    }
}

/**
 * Langium's workspace manager with `strategy.exclude` in place of its fixed rules (skip `node_modules`, `out`
 * and dot folders): an excluded folder is never listed, so a large repository costs nothing it does not need.
 * The first scan uses the globs of `initializationOptions`; a later change of the setting re-scans and loads or
 * drops documents to match.
 */
export class StrategyWorkspaceManager extends DefaultWorkspaceManager {
    private filter = new ExcludeFilter(defaultExclude);
    private started = false;
    private readonly shared: LangiumSharedServices;
    private readonly links = new WorkspaceLinks(() => this.folders);
    /** The latest re-scan caused by a settings change (tests and callers that need the result await it). */
    rescanned: Promise<void> = Promise.resolve();

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.shared = shared;
    }

    get exclude(): readonly string[] {
        return this.filter.globs;
    }

    override initialize(params: InitializeParams): void {
        super.initialize(params);
        const options = params.initializationOptions as StrategyInitializationOptions | undefined;
        if (isGlobList(options?.exclude)) this.filter = new ExcludeFilter(options.exclude);
        const configuration = this.shared.workspace.ConfigurationProvider;
        configuration.onConfigurationSectionUpdate(update => {
            if (update.section === settingsSection) this.setExclude((update.configuration as StrategySettings | undefined)?.exclude);
        });
        // Clients other than VS Code tend to answer `workspace/configuration` rather than send initializationOptions.
        void configuration.ready
            .then(() => configuration.getConfiguration(settingsSection, 'exclude'))
            .then(globs => this.setExclude(globs));
    }

    override initializeWorkspace(...args: Parameters<DefaultWorkspaceManager['initializeWorkspace']>): Promise<void> {
        this.started = true;
        return super.initializeWorkspace(...args);
    }

    /**
     * A file listed but deleted or unreadable before it is read (a git checkout as the editor opens) is left out, as
     * if the listing had come a moment later; Langium's scan failed on it and the server never became ready.
     */
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch {
                // Gone: the file watcher reports it if it comes back.
            }
        }));
    }

    /** Applies new globs; anything that is not a list of strings (a client without the setting) keeps the current ones. */
    setExclude(globs: unknown): Promise<void> {
        if (!isGlobList(globs) || this.filter.sameAs(globs)) return this.rescanned;
        this.filter = new ExcludeFilter(globs);
        // Before the first scan there is nothing to redo: that scan reads the new globs.
        if (this.started) this.rescanned = this.rescanned.then(() => this.rescan());
        return this.rescanned;
    }

    /** Whether the setting keeps this file or folder out of the workspace, by its path inside its workspace folder. */
    isExcluded(uri: URI): boolean {
        return this.filter.matchesOrIsInside(this.relativePath(uri));
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        // Langium also asks about files and folders that a watcher reports, not only those met while traversing.
        if (this.isExcluded(entry.uri)) return false;
        const wanted = (node: FileSystemNode) => node.isDirectory || (node.isFile && this.serviceRegistry.hasServices(node.uri));
        return this.links.admits(entry, wanted);
    }

    /** Langium searches a folder that the watcher reports without asking shouldIncludeEntry: a link is refused here. */
    override searchFolder(uri: URI): Promise<URI[]> {
        return this.links.atOwnPath(uri) ? super.searchFolder(uri) : Promise.resolve([]);
    }

    private relativePath(uri: URI): string {
        const path = uri.path;
        let best: string | undefined;
        for (const folder of this.folders ?? []) {
            const root = URI.parse(folder.uri).path.replace(/\/+$/, '');
            const inside = path === root || path.startsWith(`${root}/`);
            if (inside && (best === undefined || root.length > best.length)) best = root;
        }
        return best === undefined ? path.replace(/^\/+/, '') : path.slice(best.length + 1);
    }

    private async rescan(): Promise<void> {
        await this.ready;
        const found = (await Promise.all((this.folders ?? []).map(folder => this.searchFolder(this.getRootFolder(folder))))).flat();
        const added = found.filter(uri => !this.langiumDocuments.hasDocument(uri));
        // A file open in the editor stays: the user is looking at it, whatever the setting says about the workspace.
        const removed = this.langiumDocuments.all
            .map(document => document.uri)
            .filter(uri => this.isExcluded(uri) && !this.shared.workspace.TextDocuments.get(uri.toString()))
            .toArray();
        // A write cancels the build in progress, so take the lock only when something changes.
        if (added.length === 0 && removed.length === 0) return;
        await this.mutex.write(token => this.documentBuilder.update(added, removed, token));
    }
}

/** Drops file-watcher events for excluded paths before Langium stats them: `npm install` must not reach the engine. */
export class StrategyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;

    constructor(shared: LangiumSharedServices) {
        super(shared);
        this.fileSystem = shared.workspace.FileSystemProvider;
    }

    /**
     * Closing an editor without saving must bring back what is on disk (Langium 4.4 keeps the discarded text):
     * the file is read again, or forgotten if it was never saved.
     */
    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        const onDisk = uri.scheme === 'file' && this.fileSystem.existsSync(uri);
        this.fireDocumentUpdate(onDisk ? [uri] : [], onDisk ? [] : [uri]);
    }

    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const manager = this.workspaceManager;
        if (!(manager instanceof StrategyWorkspaceManager)) return super.didChangeWatchedFiles(params);
        const changes = params.changes.filter(change => change.type === FileChangeType.Deleted
            || !manager.isExcluded(URI.parse(change.uri)));
        if (changes.length > 0) super.didChangeWatchedFiles({ changes });
    }
}
