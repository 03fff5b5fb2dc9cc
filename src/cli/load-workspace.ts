import { URI, type LangiumDocument } from 'langium';
import { StrategyFileSystem } from '../language/workspace/strategy-file-system.js';
import { createStrategyServices, type StrategyServices } from '../language/strategy-module.js';
import type { Model } from '../language/generated/ast.js';
import { NoReferenceIndex } from './check-services.js';
import { collectStrategyFiles } from './collect-files.js';
import { InputError, readStrategyText } from './read-text.js';

export interface LoadedWorkspace {
    services: StrategyServices;
    documents: Array<LangiumDocument<Model>>;
    /** Every .strategy file found, the unreadable ones included, as absolute paths. */
    files: string[];
    /** Usage and I/O faults: unreadable paths, files that are not UTF-8, no files at all. */
    problems: string[];
    /** What was left out on purpose and is said on standard error: symbolic links out of the folders given. */
    notes: string[];
}

/** Reads, parses, links and validates every `.strategy` file under the paths with the language server's engine. */
export async function loadWorkspace(paths: readonly string[], today: string | undefined): Promise<LoadedWorkspace> {
    const services = createStrategyServices(StrategyFileSystem, { workspace: { ReferenceDescriptionProvider: services => new NoReferenceIndex(services) } }).Strategy;
    services.strategy.Config.fixedToday = today ?? services.strategy.Config.fixedToday;
    const { files, problems, notes } = collectStrategyFiles(paths.length > 0 ? paths : ['.']);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents: Array<LangiumDocument<Model>> = [];
    for (const file of files) {
        try {
            const document = factory.fromString<Model>(readStrategyText(file), URI.file(file));
            langiumDocuments.addDocument(document);
            documents.push(document);
        } catch (error) {
            if (!(error instanceof InputError)) throw error;
            problems.push(error.message);
        }
    }
    if (files.length === 0 && problems.length === 0) {
        problems.push(`no .strategy files found in ${paths.length > 0 ? paths.join(', ') : 'the current folder'}`);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents, files, problems, notes };
}
