import { CstNodeBuilder, type CompositeCstNode, type CstNode } from 'langium';

/** Children per call: far below the tens of thousands of arguments at which a call overflows the stack. */
const chunk = 8192;

/**
 * Langium's CST builder, adding children a bounded number at a time: it spreads them into `push(...children)` and
 * `splice(index, 0, ...children)`, and every comment before a token is one child, so 150,000 comment lines in a row
 * were as many arguments and overflowed the stack. The tree built is the same.
 */
export class StrategyCstNodeBuilder extends CstNodeBuilder {
    /**
     * The parser calls this before every token, mostly with no comment before it; Langium then still looks up the
     * node being built among its parent's children (`indexOf`), which at an element's first token is the file's
     * list of elements: quadratic in a file of 50,000 tickets. With nothing to add there is nothing to look up.
     */
    override addHiddenNodes(tokens: Parameters<CstNodeBuilder['addHiddenNodes']>[0]): void {
        if (tokens.length > 0) super.addHiddenNodes(tokens);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        if (children.length <= chunk) return super.appendChildren(parent, children);
        for (let start = 0; start < children.length; start += chunk) super.appendChildren(parent, children.slice(start, start + chunk));
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        if (children.length <= chunk) return super.insertChildren(parent, index, children);
        for (let start = 0; start < children.length; start += chunk) super.insertChildren(parent, index + start, children.slice(start, start + chunk));
    }
}
