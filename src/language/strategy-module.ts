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
        ParserErrorMessageProvider: () => new StrategySyntaxMessages()
    },
    references: {
        ScopeComputation: (services) => new StrategyScopeComputation(services),
        ScopeProvider: (services) => new StrategyScopeProvider(services)
    },
    validation: {
        DocumentValidator: (services) => new StrategyDocumentValidator(services as StrategyServices)
    }
};

/** One engine for the language server, the CLI and the tests. */
export function createStrategyServices(context: DefaultSharedModuleContext): { shared: LangiumSharedServices; Strategy: StrategyServices } {
    const shared = inject(createDefaultSharedModule(context), StrategyGeneratedSharedModule);
    const Strategy = inject(createDefaultModule({ shared }), StrategyGeneratedModule, StrategyModule);
    shared.ServiceRegistry.register(Strategy);
    registerStrategyChecks(Strategy);
    revalidateAllOnChange(shared);
    // Langium does not validate on the first workspace build unless asked; the editor must show problems at once.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    return { shared, Strategy };
}
