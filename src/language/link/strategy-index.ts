import { DefaultIndexManager, stream, type AstNodeDescription, type AstReflection, type LangiumDocument, type Scope, type Stream, type URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's global scope is rebuilt from the whole index after every edit (a map of every exported name per
 * reference type). Here the names are kept up to date as each document is indexed, so an edit costs the
 * document's own names, not the workspace's.
 */
export class StrategyIndexManager extends DefaultIndexManager {
    private readonly byName = new Map<string, AstNodeDescription[]>();
    /** Names defined in more than one file whose definitions were added or removed since the builder last asked. */
    private readonly contested = new Set<string>();

    override async updateContent(document: LangiumDocument, cancelToken?: CancellationToken): Promise<void> {
        const uri = document.uri.toString();
        this.forget(uri);
        await super.updateContent(document, cancelToken);
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const sameName = this.byName.get(description.name);
            if (!sameName) {
                this.byName.set(description.name, [description]);
                continue;
            }
            // Sorted by file, then by place in the file: a reference to a name defined twice resolves to the same
            // definition whatever order the files were read in (the editor's scan, an edit, `strategy check`).
            const found = sameName.findIndex(other => other.documentUri.toString() > uri);
            const at = found < 0 ? sameName.length : found;
            sameName.splice(at, 0, description);
            if (this.decides(sameName, at, uri)) this.contested.add(description.name);
        }
    }

    override removeContent(uri: URI): void {
        this.forget(uri.toString());
        super.removeContent(uri);
    }

    /** Every exported description with this name, whatever its type, by file path and then place in the file. */
    named(name: string): readonly AstNodeDescription[] {
        return this.byName.get(name) ?? [];
    }

    /**
     * The names defined in more than one file whose set of definitions changed since the last call: references to
     * them may now resolve to another definition, though nothing in their own file or their target's changed.
     */
    takeContested(): Set<string> {
        const names = new Set(this.contested);
        this.contested.clear();
        return names;
    }

    /**
     * Whether the description at `at` is what references of its type resolve to while another file defines the name
     * too: adding or removing it then moves references between files. One further down (an earlier one has its
     * type, so satisfies every reference type it does) decides nothing, however many needs share its name.
     */
    private decides(sameName: readonly AstNodeDescription[], at: number, uri: string): boolean {
        const description = sameName[at];
        return sameName.some(other => other.documentUri.toString() !== uri)
            && !sameName.slice(0, at).some(earlier => earlier.type === description.type);
    }

    private forget(uri: string): void {
        for (const description of this.symbolIndex.get(uri) ?? []) {
            const sameName = this.byName.get(description.name);
            if (!sameName) continue;
            if (this.decides(sameName, sameName.indexOf(description), uri)) this.contested.add(description.name);
            const rest = sameName.filter(other => other !== description);
            if (rest.length > 0) this.byName.set(description.name, rest);
            else this.byName.delete(description.name);
        }
    }
}

/** The workspace's elements of one reference type, looked up by name in the live index. */
export class IndexScope implements Scope {
    constructor(
        private readonly index: StrategyIndexManager,
        private readonly reflection: AstReflection,
        private readonly referenceType: string
    ) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.index.named(name).find(description => this.reflection.isSubtype(description.type, this.referenceType));
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.index.named(name)).filter(description => this.reflection.isSubtype(description.type, this.referenceType));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.index.allElements(this.referenceType);
    }
}
