import { DefaultDocumentBuilder, DocumentState, interruptAndCheck, isOperationCancelled, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import { crossFileSignature } from '../validate/checks/cross-file-signature.js';
import type { Model } from '../generated/ast.js';
import type { StrategyIndexManager } from '../link/strategy-index.js';
import type { StrategyServices } from '../strategy-module.js';

/**
 * Some checks depend on files that do not reference the changed one (a ticket elsewhere gives an objective its
 * work), so Langium's relinking of affected documents is not enough. After each update, every other document
 * whose cross-file signature changed is validated again, without relinking; all others keep their diagnostics,
 * so a keystroke in one file does not re-check and re-publish the whole workspace.
 */
export class StrategyDocumentBuilder extends DefaultDocumentBuilder {
    private readonly signatures = new Map<string, string>();
    /** Documents linked since the current update began: they already see the index as it is now. */
    private readonly linkedNow = new Set<string>();

    constructor(private readonly shared: LangiumSharedCoreServices) {
        super(shared);
        this.onDocumentPhase(DocumentState.Validated, document => {
            this.signatures.set(document.uri.toString(), this.signatureOf(document));
        });
        this.onDocumentPhase(DocumentState.Linked, document => {
            this.linkedNow.add(document.uri.toString());
        });
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = CancellationToken.None): Promise<void> {
        // A file deleted (or in a deleted folder) that is open in the editor stays, with the text the editor shows.
        const open: URI[] = [];
        const gone: URI[] = [];
        for (const uri of deleted) {
            const inside = this.documentsIn(uri);
            if (inside.length === 0) gone.push(uri);
            for (const document of inside) (this.textDocuments?.get(document.toString()) ? open : gone).push(document);
        }
        for (const uri of gone) this.signatures.delete(uri.toString());
        this.linkedNow.clear();
        try {
            await super.update([...changed, ...open], gone, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            // A watcher batch can name a file that is gone (or unreadable) by the time it is read: it counts as
            // deleted, and the rest of the batch is built; left unparsed, it failed every build after it.
            const unreadable = await this.unreadableDocuments();
            if (unreadable.length === 0) throw error;
            return this.update([], unreadable, cancelToken);
        }
        await this.relinkContested(cancelToken);
        await this.revalidateStale(cancelToken);
    }

    /** The documents at or under this URI (a folder deleted with one event for the folder). */
    private documentsIn(uri: URI): URI[] {
        return this.langiumDocuments.getDocuments(uri).map(document => document.uri);
    }

    /** Documents a failed build left unparsed whose file cannot be read, and that no editor holds open. */
    private async unreadableDocuments(): Promise<URI[]> {
        const unreadable: URI[] = [];
        for (const document of this.langiumDocuments.all.filter(d => d.state < DocumentState.Parsed && !this.textDocuments?.get(d.uri.toString()))) {
            try {
                await this.fileSystemProvider.readFile(document.uri);
            } catch {
                unreadable.push(document.uri);
            }
        }
        return unreadable;
    }

    /**
     * When a second definition of a name appears or one goes away, references to that name in other files may now
     * resolve to another definition (the index orders them by file), so those files are linked again.
     */
    private async relinkContested(cancelToken: CancellationToken): Promise<void> {
        const names = (this.indexManager as StrategyIndexManager).takeContested();
        if (names.size === 0) return;
        const relink = this.langiumDocuments.all
            .filter(document => document.state === DocumentState.Validated && !this.linkedNow.has(document.uri.toString())
                && document.references.some(ref => names.has(ref.$refText)))
            .toArray();
        if (relink.length === 0) return;
        for (const document of relink) this.resetToState(document, DocumentState.ComputedScopes);
        await this.buildDocuments(relink, this.updateBuildOptions, cancelToken);
    }

    /** Every other document whose cross-file signature changed is validated again, without relinking. */
    private async revalidateStale(cancelToken: CancellationToken): Promise<void> {
        const stale: LangiumDocument[] = [];
        let count = 0;
        for (const document of this.langiumDocuments.all) {
            if (++count % 100 === 0) await interruptAndCheck(cancelToken);
            if (document.state !== DocumentState.Validated) continue;
            if (this.signatures.get(document.uri.toString()) !== this.signatureOf(document)) stale.push(document);
        }
        if (stale.length === 0) return;
        for (const document of stale) this.resetToState(document, DocumentState.IndexedReferences);
        await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
    }

    /**
     * Langium relinks a document when the index says it refers into a changed file. A build cancelled after linking
     * a document but before indexing its references leaves links the index does not know, so the next change to
     * the file they point into went unnoticed and the links kept its old nodes ("Engagement is an objective, but
     * 'advances' needs an objective"). Such a document is relinked on every change. One further on (its references
     * indexed, waiting only for validation) is left to the index, or every edit typed during a build would relink
     * the documents that build was validating again.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        return document.state === DocumentState.Linked || super.shouldRelink(document, changedUris);
    }

    /**
     * Langium checks for cancellation before each listener of a phase, even once the document has reached it. A
     * document validated and marked complete just as the next edit cancels the build would then never have its
     * diagnostics published, and the next build skips it as done: the editor kept the errors of the text before
     * (a rename across files left "No objective named …" behind). Listeners of the last phase always run; see
     * eclipse-langium/langium#1566, still open.
     */
    protected override notifyDocumentPhase(document: LangiumDocument, state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        return super.notifyDocumentPhase(document, state, state === DocumentState.Validated ? CancellationToken.None : cancelToken);
    }

    /** The document's cross-file signature when it was last validated, or undefined when it never was. */
    validatedSignature(document: LangiumDocument): string | undefined {
        return this.signatures.get(document.uri.toString());
    }

    /** The document's cross-file signature in the workspace as it is now. */
    signatureOf(document: LangiumDocument): string {
        const services = this.shared.ServiceRegistry.getServices(document.uri) as StrategyServices;
        return crossFileSignature(document.parseResult.value as Model, services.strategy.WorkspaceModel.get());
    }
}
