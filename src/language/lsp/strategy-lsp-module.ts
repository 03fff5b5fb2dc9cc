import { inject, type Module } from 'langium';
import {
    createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices,
    type LangiumSharedServices, type PartialLangiumServices
} from 'langium/lsp';
import { StrategyGeneratedModule, StrategyGeneratedSharedModule } from '../generated/module.js';
import { setUpStrategyEngine, StrategyModule, StrategySharedModule, type StrategyAddedServices } from '../strategy-module.js';

/** The engine with the editor features of the language server. */
export type StrategyLspServices = LangiumServices & StrategyAddedServices;

/** One provider per LSP feature, each in its own file of this folder. */
export const StrategyLspModule: Module<StrategyLspServices, PartialLangiumServices> = {
    lsp: {
    }
};

export function createStrategyLspServices(
    context: DefaultSharedModuleContext,
    hostModule: Module<StrategyLspServices, PartialLangiumServices> = {}
): { shared: LangiumSharedServices; Strategy: StrategyLspServices } {
    const shared = inject(createDefaultSharedModule(context), StrategyGeneratedSharedModule, StrategySharedModule);
    const Strategy = inject(createDefaultModule({ shared }), StrategyGeneratedModule, StrategyModule, StrategyLspModule, hostModule);
    setUpStrategyEngine(shared, Strategy);
    return { shared, Strategy };
}
