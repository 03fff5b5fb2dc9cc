import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices
} from 'langium/lsp';
import { StrategyGeneratedModule, StrategyGeneratedSharedModule } from '../generated/module.js';
import { StrategyCodeLensProvider } from './code-lens.js';
import { StrategyCompletionProvider } from './completion.js';
import { StrategyFormatter } from './formatter.js';
import { StrategyRenameProvider } from './rename.js';
import { StrategyHoverProvider } from './hover.js';
import { StrategyImplementationProvider } from './implementation.js';
import { StrategyCodeActionProvider } from './code-actions.js';
import { StrategyDocumentSymbolProvider } from './document-symbols.js';
import { StrategyFoldingRangeProvider } from './folding.js';
import { StrategySemanticTokenProvider } from './semantic-tokens.js';
import { StrategyWorkspaceSymbolProvider } from './workspace-symbols.js';
import { StrategyDocumentUpdateHandler, StrategyWorkspaceManager } from './workspace-config.js';
import { StrategyRpc } from './strategy-rpc.js';
import { setUpStrategyEngine, StrategyModule, StrategySharedModule, type StrategyAddedServices } from '../strategy-module.js';

/** The server's own requests (src/protocol/strategy-protocol.ts), registered by one service. */
export interface StrategyLspAddedServices {
    lsp: {
        Rpc: StrategyRpc;
    };
}

/** The engine with the editor features of the language server. */
export type StrategyLspServices = LangiumServices & StrategyAddedServices & StrategyLspAddedServices;

/** One provider per LSP feature, each in its own file of this folder. */
export const StrategyLspModule: Module<StrategyLspServices, PartialLangiumServices & StrategyLspAddedServices> = {
    lsp: {
        CompletionProvider: (services) => new StrategyCompletionProvider(services),
        Formatter: () => new StrategyFormatter(),
        RenameProvider: (services) => new StrategyRenameProvider(services),
        HoverProvider: (services) => new StrategyHoverProvider(services),
        CodeLensProvider: (services) => new StrategyCodeLensProvider(services),
        ImplementationProvider: (services) => new StrategyImplementationProvider(services),
        CodeActionProvider: (services) => new StrategyCodeActionProvider(services),
        DocumentSymbolProvider: () => new StrategyDocumentSymbolProvider(),
        FoldingRangeProvider: (services) => new StrategyFoldingRangeProvider(services),
        SemanticTokenProvider: (services) => new StrategySemanticTokenProvider(services),
        Rpc: (services) => new StrategyRpc(services),
    }
};

/** Editor features that span every language of the server (Ctrl+T searches the whole index). */
export const StrategyLspSharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    lsp: {
        WorkspaceSymbolProvider: (shared) => new StrategyWorkspaceSymbolProvider(shared),
        DocumentUpdateHandler: (shared) => new StrategyDocumentUpdateHandler(shared),
    },
    workspace: {
        WorkspaceManager: (shared) => new StrategyWorkspaceManager(shared),
    }
};

export function createStrategyLspServices(
    context: DefaultSharedModuleContext,
    hostModule: Module<StrategyLspServices, PartialLangiumServices> = {}
): { shared: LangiumSharedServices; Strategy: StrategyLspServices } {
    const shared = inject(createDefaultSharedModule(context), StrategyGeneratedSharedModule, StrategySharedModule, StrategyLspSharedModule);
    const Strategy = inject(createDefaultModule({ shared }), StrategyGeneratedModule, StrategyModule, StrategyLspModule, hostModule);
    setUpStrategyEngine(shared, Strategy);
    return { shared, Strategy };
}
