import { DocumentState, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import type { Model } from '../language/generated/ast.js';
import type { StrategyServices } from '../language/strategy-module.js';
import { StrategyFileSystemProvider } from '../language/workspace/strategy-file-system.js';
import { snapshotSide, type SideSnapshot } from '../model/diff/strategy-diff.js';
import { checkReport, displayPath } from './diagnostic-format.js';
import { baseFactsOf, validateWhatDiffers, type BaseFacts } from './diff-validation.js';
import { buildWorkspace, type StrategyText } from './load-workspace.js';

/**
 * The texts of the side being built, by URI: the engine reads a changed file through its file system, as the
 * language server reads one an editor saved, and here that file system is this map.
 */
class TextsFileSystemProvider extends StrategyFileSystemProvider {
    constructor(private readonly texts: ReadonlyMap<string, string>) {
        super();
    }

    override async readFile(uri: URI): Promise<string> {
        return this.readFileSync(uri);
    }

    override readFileSync(uri: URI): string {
        const text = this.texts.get(uri.toString());
        if (text === undefined) throw new Error(`${uri.fsPath} is not part of this revision`);
        return text;
    }
}

export interface SideTexts {
    label: string;
    texts: readonly StrategyText[];
}

/**
 * Both sides taken by one engine: the base built in full, then the head as the language server follows an edit,
 * with only the files that differ parsed again and the documents they affect linked again (the engine's
 * incremental build, which the editor relies on for the same diagnostics as a full check); of those, only the
 * ones whose diagnostics can differ are validated again (diff-validation.ts). A change of 1% of a large workspace
 * then costs less than a second build; each side is taken before the engine moves on.
 */
export async function buildSides(base: SideTexts, head: SideTexts, today: string, cwd: string): Promise<[SideSnapshot, SideSnapshot]> {
    const texts = new Map(base.texts.map(({ file, text }) => [URI.file(file).toString(), text]));
    const { services } = await buildWorkspace(base.texts, today, { fileSystemProvider: () => new TextsFileSystemProvider(texts) });
    const workspace = services.shared.workspace;
    workspace.DocumentBuilder.updateBuildOptions = { validation: false };
    const before = taken(base.label, services, cwd);

    const now = new Map(head.texts.map(({ file, text }) => [URI.file(file).toString(), text]));
    const deleted = [...texts.keys()].filter(uri => !now.has(uri)).map(uri => URI.parse(uri));
    const changed: URI[] = [];
    for (const [key, text] of now) {
        if (texts.get(key) === text) continue;
        const uri = URI.parse(key);
        if (!texts.has(key)) {
            // A new file becomes a document here, so that no rule of the workspace's (names starting with a dot)
            // keeps it out as it would keep a file found on disk.
            workspace.LangiumDocuments.addDocument(workspace.LangiumDocumentFactory.fromString<Model>(text, uri));
        }
        changed.push(uri);
    }
    const relinked = relinkReferencesInto([...changed, ...deleted], services.shared);
    texts.clear();
    for (const [key, text] of now) texts.set(key, text);
    if (changed.length > 0 || deleted.length > 0) await workspace.DocumentBuilder.update(changed, deleted);
    await validateWhatDiffers(services.shared, relinked);
    return [before, taken(head.label, services, cwd)];
}

/**
 * Without the index of references (a tenth of a build, which a one-shot comparison never reads otherwise),
 * Langium cannot tell which documents refer into the files that change; so those are found here by the names
 * the changing files defined, and set back to be linked again. A need is also named without its user type
 * (`addresses SaveTime`). A name that only the new text defines was unresolved before, and Langium relinks
 * every document with an unresolved reference; one that becomes defined twice is relinked by the builder's own
 * rule for contested names. Returns what each document set back was on the base side, by URI.
 */
function relinkReferencesInto(uris: readonly URI[], shared: LangiumSharedCoreServices): Map<string, BaseFacts> {
    const relinked = new Map<string, BaseFacts>();
    const files = new Set(uris.map(uri => uri.toString()));
    const names = new Set<string>();
    for (const description of shared.workspace.IndexManager.allElements()) {
        if (!files.has(description.documentUri.toString())) continue;
        names.add(description.name);
        const dot = description.name.indexOf('.');
        if (dot >= 0) names.add(description.name.slice(dot + 1));
    }
    if (names.size === 0) return relinked;
    for (const document of shared.workspace.LangiumDocuments.all) {
        if (files.has(document.uri.toString())) continue;
        if (document.references.some(reference => names.has(reference.$refText))) {
            relinked.set(document.uri.toString(), baseFactsOf(document, shared));
            shared.workspace.DocumentBuilder.resetToState(document, DocumentState.ComputedScopes);
        }
    }
    return relinked;
}

function taken(label: string, services: StrategyServices, cwd: string): SideSnapshot {
    const documents = services.shared.workspace.LangiumDocuments.all.toArray() as Array<LangiumDocument<Model>>;
    return snapshotSide({
        label,
        files: documents.map(document => ({ path: displayPath(document.uri.fsPath, cwd), model: document.parseResult.value })),
        diagnostics: checkReport(documents, cwd).diagnostics,
        metrics: services.strategy.WorkspaceModel.get().metrics
    });
}
