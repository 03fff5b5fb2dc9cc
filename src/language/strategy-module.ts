import {
    createDefaultCoreModule, createDefaultSharedCoreModule, inject, type DefaultSharedCoreModuleContext, type DocumentBuilder, type IndexManager,
    type LangiumCoreServices, type LangiumSharedCoreServices, type Module, type PartialLangiumCoreServices
} from 'langium';
import { StrategyGeneratedModule, StrategyGeneratedSharedModule } from './generated/module.js';
import { StrategyConfig } from './strategy-config.js';
import { StrategyDocumentBuilder } from './workspace/strategy-document-builder.js';
import { StrategyIndexManager } from './link/strategy-index.js';
import { StrategyDocumentValidator } from './validate/strategy-document-validator.js';
import { StrategyLinker } from './link/strategy-linker.js';
import { StrategyLexer } from './parse/strategy-lexer.js';
import { createStrategyParser } from './parse/strategy-parser.js';
import { StrategyReferences, StrategyScopeComputation, StrategyScopeProvider } from './link/strategy-scope.js';
import { StrategyValidationRegistry } from './validate/strategy-validation-registry.js';
import { registerStrategyChecks } from './validate/strategy-validator.js';
import { StrategySyntaxMessages } from './parse/syntax-messages.js';
import { StrategyTokenBuilder } from './parse/strategy-token-builder.js';
import { WorkspaceModel } from './workspace/workspace-model.js';

export interface StrategyAddedServices {
    strategy: {
        Config: StrategyConfig;
        WorkspaceModel: WorkspaceModel;
    };
}

/** The engine without any editor feature: what the CLI runs, and what the language server builds on. */
export type StrategyServices = LangiumCoreServices & StrategyAddedServices;

export const StrategyModule: Module<StrategyServices, PartialLangiumCoreServices & StrategyAddedServices> = {
    strategy: {
        Config: () => new StrategyConfig(),
        WorkspaceModel: (services) => new WorkspaceModel(services)
    },
    parser: {
        LangiumParser: (services) => createStrategyParser(services),
        // Runs of characters no token starts with are lexed as one error, not tried character by character.
        Lexer: (services) => new StrategyLexer(services),
        // Messages name the token before the one in error, which only the tokens being parsed tell.
        ParserErrorMessageProvider: (services) => new StrategySyntaxMessages(services.Grammar, () => {
            const lexer = services.parser.Lexer;
            return lexer instanceof StrategyLexer ? lexer.lastTokens : [];
        }),
        // The grammar is LL(2); chevrotain's LL(k) lookahead parses it much faster than Langium's default ALL(*).
        ParserConfig: () => ({ maxLookahead: 3 }),
        // STRING scanned so that an unclosed string with many escaped quotes lexes in linear time.
        TokenBuilder: () => new StrategyTokenBuilder(),
        // Langium guesses these from the grammar; say them: `/** */` comments document elements, and a name may
        // hold dashes (`APP-123`), which matters wherever the editor looks for the word under the cursor.
        GrammarConfig: () => ({ multilineCommentRules: ['ML_COMMENT'], nameRegexp: /^[\w\p{L}-]$/u })
    },
    references: {
        Linker: (services) => new StrategyLinker(services),
        ScopeComputation: (services) => new StrategyScopeComputation(services),
        ScopeProvider: (services) => new StrategyScopeProvider(services),
        References: (services) => new StrategyReferences(services)
    },
    validation: {
        ValidationRegistry: (services) => new StrategyValidationRegistry(services),
        DocumentValidator: (services) => new StrategyDocumentValidator(services as StrategyServices)
    }
};

/** Wires what every host needs after injection: the checks, and validation on the first build. */
export function setUpStrategyEngine(shared: LangiumSharedCoreServices, Strategy: StrategyServices): void {
    shared.ServiceRegistry.register(Strategy);
    registerStrategyChecks(Strategy);
    // Langium does not validate on the first workspace build unless asked; the editor must show problems at once.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
}

/** The engine for the CLI: no language-server code is loaded. A host may swap a service it has no use for. */
/** Shared services the engine replaces, for the CLI and the language server alike. */
export const StrategySharedModule: Module<LangiumSharedCoreServices, { workspace: { DocumentBuilder: DocumentBuilder; IndexManager: IndexManager } }> = {
    workspace: {
        DocumentBuilder: (shared) => new StrategyDocumentBuilder(shared),
        IndexManager: (shared) => new StrategyIndexManager(shared)
    }
};

export function createStrategyServices(
    context: DefaultSharedCoreModuleContext,
    hostModule: Module<StrategyServices, PartialLangiumCoreServices> = {}
): { shared: LangiumSharedCoreServices; Strategy: StrategyServices } {
    const shared = inject(createDefaultSharedCoreModule(context), StrategyGeneratedSharedModule, StrategySharedModule);
    const Strategy = inject(createDefaultCoreModule({ shared }), StrategyGeneratedModule, StrategyModule, hostModule);
    setUpStrategyEngine(shared, Strategy);
    return { shared, Strategy };
}
