import { AstUtils, DefaultLinker, interruptAndCheck, type LangiumDocument } from 'langium';
import { CancellationToken } from 'vscode-languageserver';

/**
 * Langium's linker awaits a cancellation check before every AST node; over the ~100,000 nodes of a large
 * workspace that is a promise each. Linking here is synchronous per node, and yields every few hundred.
 */
export class StrategyLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        let count = 0;
        for (const node of AstUtils.streamAst(document.parseResult.value)) {
            if (++count % 500 === 0) await interruptAndCheck(cancelToken);
            AstUtils.streamReferences(node).forEach(ref => this.doLink(ref, document));
        }
    }
}
