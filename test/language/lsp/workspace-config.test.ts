import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DocumentState, URI, type FileSystemNode } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import { FileChangeType, type InitializeParams } from 'vscode-languageserver';
import { createStrategyLspServices } from '../../../src/language/lsp/strategy-lsp-module.js';
import { ExcludeFilter, StrategyWorkspaceManager } from '../../../src/language/lsp/workspace-config.js';

/** The real file system, noting every folder listed and every file read, so a test sees what was never touched. */
class RecordingFileSystem extends NodeFileSystemProvider {
    readonly listed: string[] = [];
    readonly read: string[] = [];
    readonly statted: string[] = [];
    override stat(uri: URI): Promise<FileSystemNode> {
        this.statted.push(uri.path);
        return super.stat(uri);
    }
    override readDirectory(uri: URI): Promise<FileSystemNode[]> {
        this.listed.push(uri.path);
        return super.readDirectory(uri);
    }
    override readFile(uri: URI): Promise<string> {
        this.read.push(uri.path);
        return super.readFile(uri);
    }
}

describe('strategy.exclude', () => {
    let root: string;
    const files: Record<string, string> = {
        'goals.strategy': 'objective Goal "Goal" { metric M }\nmetric M "M" { baseline 1 target 2 by 2027-01-01 }\n',
        'legacy/old.strategy': 'ticket OLD-1 "Old" { serves Goal }\n',
        'archive/2024/plan.strategy': 'ticket ARC-1 "Archived" { serves Goal }\n',
        '.plans/kept.strategy': 'ticket DOT-1 "In a dot folder" { serves Goal }\n',
        'node_modules/pkg/vendored.strategy': 'ticket VEN-1 "Vendored" { serves Goal }\n',
        'src/deep/node_modules/nested.strategy': 'ticket VEN-2 "Nested vendored" { serves Goal }\n',
        '.git/objects/odd.strategy': 'ticket GIT-1 "In git" { serves Goal }\n',
        'notes.txt': 'APP-1\n'
    };

    before(() => {
        root = mkdtempSync(join(tmpdir(), 'strategy-exclude-'));
        for (const [file, text] of Object.entries(files)) {
            mkdirSync(dirname(join(root, file)), { recursive: true });
            writeFileSync(join(root, file), text);
        }
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    async function startServer(initializationOptions?: unknown) {
        const fileSystem = new RecordingFileSystem();
        const { shared } = createStrategyLspServices({ fileSystemProvider: () => fileSystem });
        const manager = shared.workspace.WorkspaceManager as StrategyWorkspaceManager;
        const folder = { uri: URI.file(root).toString(), name: 'repo' };
        manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [folder], initializationOptions } as InitializeParams);
        await manager.initializeWorkspace([folder]);
        const relative = (path: string) => path.slice(URI.file(root).path.length + 1);
        return {
            shared,
            manager,
            fileSystem,
            loaded: () => shared.workspace.LangiumDocuments.all.map(d => relative(d.uri.path)).toArray().sort(),
            listed: () => fileSystem.listed.map(relative).sort(),
            read: () => fileSystem.read.map(relative).sort(),
            statted: () => fileSystem.statted.map(relative).sort()
        };
    }

    it('never lists node_modules or .git folders by default, at any depth', async () => {
        const server = await startServer();
        assert.deepEqual(server.loaded(), ['.plans/kept.strategy', 'archive/2024/plan.strategy', 'goals.strategy', 'legacy/old.strategy']);
        assert.deepEqual(server.listed(), ['', '.plans', 'archive', 'archive/2024', 'legacy', 'src', 'src/deep']);
        assert.deepEqual(server.read(), server.loaded());
    });

    it('takes the globs from initializationOptions: a folder name, and files under a folder', async () => {
        const server = await startServer({ exclude: ['**/node_modules/**', '**/.git/**', 'legacy', 'archive/**/*.strategy'] });
        assert.deepEqual(server.loaded(), ['.plans/kept.strategy', 'goals.strategy']);
        assert.ok(!server.listed().includes('legacy'), 'legacy is excluded as a folder, so it is never listed');
        assert.ok(server.listed().includes('archive/2024'), 'archive is listed: only its .strategy files are excluded');
        assert.deepEqual(server.read(), ['.plans/kept.strategy', 'goals.strategy']);
    });

    it('re-scans when the setting changes: newly excluded documents go, newly included ones are loaded and linked', async () => {
        const server = await startServer({ exclude: ['**/node_modules/**', '**/.git/**', 'legacy'] });
        assert.ok(!server.loaded().includes('legacy/old.strategy'));
        await server.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);

        server.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { strategy: { exclude: ['**/.git/**', 'goals.strategy'] } } });
        await server.manager.rescanned;
        assert.deepEqual(server.loaded(), [
            '.plans/kept.strategy', 'archive/2024/plan.strategy', 'legacy/old.strategy',
            'node_modules/pkg/vendored.strategy', 'src/deep/node_modules/nested.strategy'
        ]);
        // The workspace was rebuilt without goals.strategy: the newly loaded ticket no longer finds its objective.
        const old = server.shared.workspace.LangiumDocuments.getDocument(URI.file(join(root, 'legacy/old.strategy')))!;
        assert.equal(old.state, DocumentState.Validated);
        assert.deepEqual(old.diagnostics?.map(d => d.code), ['unresolved-reference']);
        assert.deepEqual(server.manager.exclude, ['**/.git/**', 'goals.strategy']);
    });

    it('keeps the current globs when a client sends something that is not a list of globs', async () => {
        const server = await startServer({ exclude: 'legacy' });
        assert.deepEqual(server.manager.exclude, ['**/node_modules/**', '**/.git/**']);
        server.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { strategy: { ticketLinks: { enabled: false } } } });
        await server.manager.rescanned;
        assert.deepEqual(server.manager.exclude, ['**/node_modules/**', '**/.git/**']);
    });

    it('drops file-watcher events under excluded folders before anything reads them', async () => {
        const server = await startServer({ exclude: ['**/node_modules/**', 'legacy'] });
        const added = ['node_modules/pkg/new.strategy', 'legacy/new.strategy', 'archive/new.strategy'];
        for (const file of added) writeFileSync(join(root, file), 'ticket NEW-1 "New" { serves Goal }\n');
        try {
            server.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({
                changes: added.map(file => ({ uri: URI.file(join(root, file)).toString(), type: FileChangeType.Created }))
            });
            for (let i = 0; i < 100 && !server.loaded().includes('archive/new.strategy'); i++) await new Promise(r => setTimeout(r, 20));
            assert.ok(server.loaded().includes('archive/new.strategy'));
            assert.ok(!server.loaded().includes('legacy/new.strategy'));
            assert.deepEqual(server.statted(), ['archive/new.strategy']);
            assert.ok(!server.read().some(file => file.endsWith('new.strategy') && file !== 'archive/new.strategy'));
        } finally {
            for (const file of added) rmSync(join(root, file));
        }
    });
});

describe('symbolic links in the workspace', () => {
    let base: string;
    let root: string;
    let warned: string[];
    const realWarn = console.warn;

    beforeEach(() => {
        base = mkdtempSync(join(tmpdir(), 'strategy-links-'));
        root = join(base, 'ws');
        const files: Record<string, string> = {
            'ws/goals.strategy': 'objective Goal "Goal" { metric M }\nmetric M "M" { baseline 1 target 2 by 2027-01-01 }\n',
            'outside/secret.strategy': 'token sk-live-SECRET {\n',
            'outside/dir/other.strategy': 'ticket OUT-1 "Out" { serves Goal }\n'
        };
        for (const [file, text] of Object.entries(files)) {
            mkdirSync(dirname(join(base, file)), { recursive: true });
            writeFileSync(join(base, file), text);
        }
        symlinkSync(join(base, 'outside', 'secret.strategy'), join(root, 'leak.strategy'));
        symlinkSync(join(base, 'outside', 'dir'), join(root, 'shared'));
        symlinkSync(join(root, 'goals.strategy'), join(root, 'alias.strategy'));
        symlinkSync(root, join(root, 'loop'));
        symlinkSync(join(root, 'self.strategy'), join(root, 'self.strategy'));
        warned = [];
        console.warn = (...args: unknown[]) => { warned.push(args.join(' ')); };
    });
    afterEach(() => {
        console.warn = realWarn;
        rmSync(base, { recursive: true, force: true });
    });

    async function startServer(opened = root) {
        const { shared } = createStrategyLspServices({ fileSystemProvider: () => new NodeFileSystemProvider() });
        const manager = shared.workspace.WorkspaceManager as StrategyWorkspaceManager;
        const folder = { uri: URI.file(opened).toString(), name: 'ws' };
        manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [folder] } as InitializeParams);
        await manager.initializeWorkspace([folder]);
        const loaded = () => shared.workspace.LangiumDocuments.all.map(d => d.uri.fsPath.slice(opened.length + 1)).toArray().sort();
        return { shared, loaded };
    }

    it('loads each file by its own path: a link out of the workspace is left out with a line in the log, a loop ends', async () => {
        const server = await startServer();
        assert.deepEqual(server.loaded(), ['goals.strategy']);
        assert.deepEqual(warned.sort(), [
            `Skipped ${join(root, 'leak.strategy')}: a symbolic link out of the workspace folders`,
            `Skipped ${join(root, 'shared')}: a symbolic link out of the workspace folders`
        ]);
    });

    it('leaves out what the file watcher reports through a link, and says so for a link out of the workspace', async () => {
        const server = await startServer();
        warned.length = 0;
        writeFileSync(join(root, 'new.strategy'), 'ticket NEW-1 "New" { serves Goal }\n');
        const reported = ['leak.strategy', 'shared', 'shared/other.strategy', 'alias.strategy', 'loop', 'loop/goals.strategy', 'self.strategy', 'new.strategy'];
        server.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({
            changes: reported.map(file => ({ uri: URI.file(join(root, file)).toString(), type: FileChangeType.Created }))
        });
        for (let i = 0; i < 100 && !server.loaded().includes('new.strategy'); i++) await new Promise(r => setTimeout(r, 20));
        await server.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
        assert.deepEqual(server.loaded(), ['goals.strategy', 'new.strategy']);
        assert.doesNotMatch(warned.join('\n'), /SECRET|alias|loop|self/);
        assert.match(warned.join('\n'), /Skipped .*leak\.strategy: a symbolic link out of the workspace folders/);
        assert.match(warned.join('\n'), /Skipped .*shared: a symbolic link out of the workspace folders/);
    });

    it('a workspace opened through a link is listed and watched as usual', async () => {
        const opened = join(base, 'opened');
        symlinkSync(root, opened);
        const server = await startServer(opened);
        assert.deepEqual(server.loaded(), ['goals.strategy']);
        writeFileSync(join(root, 'new.strategy'), 'ticket NEW-1 "New" { serves Goal }\n');
        server.shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({
            changes: [{ uri: URI.file(join(opened, 'new.strategy')).toString(), type: FileChangeType.Created }]
        });
        for (let i = 0; i < 100 && !server.loaded().includes('new.strategy'); i++) await new Promise(r => setTimeout(r, 20));
        assert.deepEqual(server.loaded(), ['goals.strategy', 'new.strategy']);
    });
});

describe('exclude globs', () => {
    it('match as VS Code reads files.exclude: relative paths, ** across folders, dot names', () => {
        const filter = new ExcludeFilter(['**/node_modules/**', '**/.git/**', 'legacy', 'docs/*.strategy', '**/*.draft.strategy']);
        const excluded = ['node_modules', 'a/b/node_modules', 'node_modules/x.strategy', '.git', 'x/.git/HEAD', 'legacy', 'docs/a.strategy', 'a/b.draft.strategy'];
        const kept = ['node_modules_old/a.strategy', 'src/legacy', 'docs/sub/a.strategy', 'git/a.strategy', 'a/b.strategy', ''];
        for (const path of excluded) assert.ok(filter.matches(path), path);
        for (const path of kept) assert.ok(!filter.matches(path), path);
        assert.ok(filter.matchesOrIsInside('legacy/sub/a.strategy'));
        assert.ok(!filter.matches('legacy/sub/a.strategy'));
    });

    it('skip a glob that cannot be read instead of failing, and exclude nothing with none', () => {
        assert.ok(new ExcludeFilter(['', '   ', '[', 'legacy']).matches('legacy'));
        assert.ok(!new ExcludeFilter([]).matches('node_modules'));
    });
});
