import { interruptAndCheck, type AstNode, type AstNodeDescription, type IndexManager } from 'langium';
import type { LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import { CancellationToken, type WorkspaceSymbol, type WorkspaceSymbolParams } from 'vscode-languageserver';
import { oneLine } from '../../model/values.js';
import { symbolKindOf } from './document-symbols.js';

/**
 * Ctrl+T over the workspace index: a query matches an element when each of its words occurs in the element's ID,
 * its qualified name or its title, in any order and case (`APP-123`, `monthly usage`, `usage monthly`).
 *
 * The symbol's name is `ID — title`, not the bare ID: VS Code filters the returned symbols again by their name
 * on its side, so a search by title words would show nothing if the title were only in the detail.
 */
export class StrategyWorkspaceSymbolProvider implements WorkspaceSymbolProvider {
    private readonly indexManager: IndexManager;

    constructor(services: LangiumSharedServices) {
        this.indexManager = services.workspace.IndexManager;
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const words = params.query.toLowerCase().split(/\s+/).filter(Boolean);
        const symbols: WorkspaceSymbol[] = [];
        let count = 0;
        for (const description of this.indexManager.allElements()) {
            if (++count % 1000 === 0) await interruptAndCheck(cancelToken);
            // The index holds each need twice (`SaveTime` and `FrequentBuyer.SaveTime`, for references): list it once.
            if (description.type === 'Need' && description.name.includes('.')) continue;
            const node = description.node;
            const title = oneLine(titleOf(node) ?? '');
            const container = description.type === 'Need' ? nameOf(node?.$container) : undefined;
            const searched = `${description.name} ${container ? `${container}.${description.name}` : ''} ${title}`.toLowerCase();
            if (!words.every(word => searched.includes(word))) continue;
            const symbol = this.toSymbol(description, title, container);
            if (symbol) symbols.push(symbol);
        }
        return symbols;
    }

    private toSymbol(description: AstNodeDescription, title: string, container: string | undefined): WorkspaceSymbol | undefined {
        const segment = description.nameSegment;
        if (!segment) return undefined;
        return {
            name: title ? `${description.name} — ${title}` : description.name,
            kind: symbolKindOf(description.type),
            location: { uri: description.documentUri.toString(), range: segment.range },
            ...(container ? { containerName: container } : {})
        };
    }
}

function titleOf(node: AstNode | undefined): string | undefined {
    const title = (node as { title?: unknown } | undefined)?.title;
    return typeof title === 'string' ? title : undefined;
}

function nameOf(node: AstNode | undefined): string | undefined {
    const name = (node as { name?: unknown } | undefined)?.name;
    return typeof name === 'string' ? name : undefined;
}
