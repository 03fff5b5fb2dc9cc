import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentState, URI, type FileSystemNode } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';
import type { InitializeParams } from 'vscode-languageserver';
import { createStrategyLspServices } from '../../../src/language/lsp/strategy-lsp-module.js';

/** The real file system, where a file is deleted just after its folder was listed (a git checkout as the server starts). */
class VanishingFileSystem extends NodeFileSystemProvider {
    constructor(private readonly vanishing: string) {
        super();
    }
    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await super.readDirectory(uri);
        rmSync(this.vanishing, { force: true });
        return entries;
    }
}

describe('the first scan of the workspace', () => {
    let root: string;
    before(() => {
        root = mkdtempSync(join(tmpdir(), 'strategy-startup-'));
        writeFileSync(join(root, 'goals.strategy'), 'objective Goal "Goal" { metric M }\nmetric M "M" { baseline 1 target 2 by 2027-01-01 }\n');
        writeFileSync(join(root, 'work.strategy'), 'ticket APP-1 "Work" { serves Goal }\n');
        writeFileSync(join(root, 'gone.strategy'), 'ticket APP-2 "Gone" { serves Goal }\n');
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('takes a file listed but gone before it is read as never there, and builds the rest', async () => {
        const { shared } = createStrategyLspServices({ fileSystemProvider: () => new VanishingFileSystem(join(root, 'gone.strategy')) });
        const manager = shared.workspace.WorkspaceManager;
        const folder = { uri: URI.file(root).toString(), name: 'repo' };
        manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [folder] } as InitializeParams);
        await manager.initializeWorkspace([folder]);
        await manager.ready;
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        assert.deepEqual(documents.map(d => d.uri.path.split('/').pop()).sort(), ['goals.strategy', 'work.strategy']);
        assert.ok(documents.every(d => d.state === DocumentState.Validated && d.diagnostics?.length === 0), 'the rest is checked');
    });
});
