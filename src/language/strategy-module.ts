import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { StrategyGeneratedModule, StrategyGeneratedSharedModule } from './generated/module.js';
import { StrategyConfig } from './strategy-config.js';
import { StrategyDocumentValidator } from './strategy-document-validator.js';
import { StrategyScopeComputation, StrategyScopeProvider } from './strategy-scope.js';
import { registerStrategyChecks } from './strategy-validator.js';
import { StrategySyntaxMessages } from './syntax-messages.js';
import { StrategyValidationRegistry } from './strategy-validation-registry.js';
import { WorkspaceModel } from './workspace-model.js';
import { revalidateAllOnChange } from './revalidation.js';

export interface StrategyAddedServices {
    strategy: {
        Config: StrategyConfig;
        WorkspaceModel: WorkspaceModel;
    };
}

export type StrategyServices = LangiumServices & StrategyAddedServices;

export const StrategyModule: Module<StrategyServices, PartialLangiumServices & StrategyAddedServices> = {
    strategy: {
        Config: () => new StrategyConfig(),
        WorkspaceModel: (services) => new WorkspaceModel(services)
    },
    parser: {
        ParserErrorMessageProvider: () => new StrategySyntaxMessages(),
        // The grammar is LL(2); chevrotain's LL(k) lookahead parses it much faster than Langium's default ALL(*).
        ParserConfig: () => ({ maxLookahead: 3 }),
        // Langium guesses these from the grammar; say them: `/** */` comments document elements, and a name may
        // hold dashes (`APP-123`), which matters wherever the editor looks for the word under the cursor.
        GrammarConfig: () => ({ multilineCommentRules: ['ML_COMMENT'], nameRegexp: /^[\w\p{L}-]$/u })
    },
    references: {
        ScopeComputation: (services) => new StrategyScopeComputation(services),
        ScopeProvider: (services) => new StrategyScopeProvider(services)
    },
    validation: {
        ValidationRegistry: (services) => new StrategyValidationRegistry(services),
        DocumentValidator: (services) => new StrategyDocumentValidator(services as StrategyServices)
    }
};

/** One engine for the language server, the CLI and the tests; a host may swap a service it has no use for. */
export function createStrategyServices(
    context: DefaultSharedModuleContext,
    hostModule: Module<StrategyServices, PartialLangiumServices> = {}
): { shared: LangiumSharedServices; Strategy: StrategyServices } {
    const shared = inject(createDefaultSharedModule(context), StrategyGeneratedSharedModule);
    const Strategy = inject(createDefaultModule({ shared }), StrategyGeneratedModule, StrategyModule, hostModule);
    shared.ServiceRegistry.register(Strategy);
    registerStrategyChecks(Strategy);
    revalidateAllOnChange(shared);
    // Langium does not validate on the first workspace build unless asked; the editor must show problems at once.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    return { shared, Strategy };
}
