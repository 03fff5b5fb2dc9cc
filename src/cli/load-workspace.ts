import { URI, type DefaultSharedCoreModuleContext, type LangiumDocument } from 'langium';
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
    const { files, problems, notes } = collectStrategyFiles(paths.length > 0 ? paths : ['.']);
    const texts: StrategyText[] = [];
    for (const file of files) {
        try {
            texts.push({ file, text: readStrategyText(file) });
        } catch (error) {
            if (!(error instanceof InputError)) throw error;
            problems.push(error.message);
        }
    }
    if (files.length === 0 && problems.length === 0) {
        problems.push(`no .strategy files found in ${paths.length > 0 ? paths.join(', ') : 'the current folder'}`);
    }
    const { services, documents } = await buildWorkspace(texts, today);
    return { services, documents, files, problems, notes };
}

/** A file's text, read from disk or from a git revision, under the absolute path it has (or had) on disk. */
export interface StrategyText {
    file: string;
    text: string;
}

/**
 * Parses, links and validates texts as one workspace, in a fresh engine of its own; `fileSystem` is where the
 * engine reads a file it is told has changed (`strategy diff` gives it the other revision's texts).
 */
export async function buildWorkspace(
    texts: readonly StrategyText[], today: string | undefined, fileSystem: DefaultSharedCoreModuleContext = StrategyFileSystem
): Promise<{ services: StrategyServices; documents: Array<LangiumDocument<Model>> }> {
    const services = createStrategyServices(fileSystem, { workspace: { ReferenceDescriptionProvider: services => new NoReferenceIndex(services) } }).Strategy;
    services.strategy.Config.fixedToday = today ?? services.strategy.Config.fixedToday;
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    const documents: Array<LangiumDocument<Model>> = [];
    for (const { file, text } of texts) {
        const document = factory.fromString<Model>(text, URI.file(file));
        langiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, documents };
}
