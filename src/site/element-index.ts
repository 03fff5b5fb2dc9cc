import { AstUtils, isMultiReference, type AstNode } from 'langium';
import type { Model, Need, UserType } from '../language/generated/ast.js';
import { elementKinds } from '../language/element-kinds.js';
import { grammarFacts } from '../language/grammar-facts.js';
import type { NamedElement } from '../model/alignment.js';
import { lineOf } from '../model/locations.js';

// Every element of the site with its anchor, and the links between elements in both directions, read from the
// linked AST: a reference the grammar adds to a kind shows on both elements' entries without a line here.

/** A named element or a need, as the site lists it. */
export type SiteNode = NamedElement | Need;

export interface SiteElement {
    node: SiteNode;
    /** The AST type, the registry's key: `Objective`, `Need`. */
    type: string;
    /** As views name it: its ID, a need's with its user type's (`Shopper.FindFast`). */
    id: string;
    title: string;
    /** The page its entry is on (`objectives.html`) and its anchor there (`Engagement`, a need's `Shopper.FindFast`). */
    page: string;
    anchor: string;
    /** The key views write in `data-element` (src/model/preview-view.ts): `objective:Engagement`, `need:Shopper.FindFast`. */
    key: string;
    /** Where it is written: path relative to the site's root folder, 1-based line. */
    file: string;
    line: number;
}

export interface SiteLink {
    /** The keyword written before the reference (`serves`, `advances`, `tickets`). */
    keyword: string;
    from: SiteElement;
    to: SiteElement;
}

export interface ElementIndex {
    /** In kind order (the registry's), then file by file in source order. */
    elements: SiteElement[];
    byNode: Map<AstNode, SiteElement>;
    /** The first element of each key (`objective:Engagement`): the one an ID in a view links to. */
    byKey: Map<string, SiteElement>;
    outgoing: Map<SiteElement, SiteLink[]>;
    incoming: Map<SiteElement, SiteLink[]>;
    /** The kinds that have elements, in registry order, with their page. */
    pages: Array<{ type: string; page: string; heading: string; count: number }>;
}

/** `user type` → `user-types.html`, `canvas` → `canvases.html`. */
export function kindPage(type: string): string {
    return `${plural(elementKinds[type as keyof typeof elementKinds].noun).replace(/ /g, '-')}.html`;
}

export function plural(noun: string): string {
    return /(s|x|ch|sh)$/.test(noun) ? `${noun}es` : `${noun}s`;
}

function compareText(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `roots`: each document's root with its path relative to the site's folder, in any order; they are sorted by
 * path, so the site does not depend on the order files were found in.
 */
export function elementIndex(roots: ReadonlyArray<{ file: string; root: Model }>): ElementIndex {
    const sorted = [...roots].sort((a, b) => compareText(a.file, b.file));
    const found: SiteElement[] = [];
    const taken = new Set<string>();
    const add = (node: SiteNode, file: string, anchorOf: (id: string) => string) => {
        if (node.name === undefined) return; // recovered without its ID: its syntax error is among the problems
        const page = kindPage(node.$type);
        let anchor = anchorOf(node.name);
        // A duplicate ID (an error the checks report) still gets an anchor of its own.
        for (let n = 2; taken.has(`${page}#${anchor}`); n++) anchor = `${anchorOf(node.name)}-${n}`;
        taken.add(`${page}#${anchor}`);
        // The views' kinds are the AST types in lower case (`usertype`); a need is named with its user type.
        const key = `${node.$type.toLowerCase()}:${anchorOf(node.name)}`;
        found.push({ node, type: node.$type, id: anchorOf(node.name), title: node.title ?? '', page, anchor, key, file, line: lineOf(node).line });
    };
    for (const { file, root } of sorted) {
        for (const element of root.elements) {
            if (element.$type === 'Vision') continue;
            add(element, file, id => id);
            if (element.$type === 'UserType') {
                for (const need of (element as UserType).needs) add(need, file, id => `${element.name}.${id}`);
            }
        }
    }
    const order = Object.keys(elementKinds);
    const elements = found
        .map((element, index) => ({ element, index }))
        .sort((a, b) => order.indexOf(a.element.type) - order.indexOf(b.element.type) || a.index - b.index)
        .map(entry => entry.element);
    const byNode = new Map<AstNode, SiteElement>(elements.map(element => [element.node, element]));
    const byKey = new Map<string, SiteElement>();
    for (const element of elements) {
        if (!byKey.has(element.key)) byKey.set(element.key, element);
    }
    const { outgoing, incoming } = linksOf(elements, byNode);
    const pages = order
        .map(type => ({ type, count: elements.filter(element => element.type === type).length }))
        .filter(kind => kind.count > 0)
        .map(kind => ({ ...kind, page: kindPage(kind.type), heading: capitalised(plural(elementKinds[kind.type as keyof typeof elementKinds].noun)) }));
    return { elements, byNode, byKey, outgoing, incoming, pages };
}

function capitalised(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function linksOf(elements: readonly SiteElement[], byNode: ReadonlyMap<AstNode, SiteElement>): Pick<ElementIndex, 'outgoing' | 'incoming'> {
    const keywords = grammarFacts().referenceKeywords;
    const outgoing = new Map<SiteElement, SiteLink[]>();
    const incoming = new Map<SiteElement, SiteLink[]>();
    for (const from of elements) {
        // A user type's needs are entries of their own: its references are the type's, not a need's (it has none).
        const links: SiteLink[] = [];
        for (const node of AstUtils.streamAst(from.node)) {
            if (node !== from.node && byNode.has(node)) continue;
            for (const info of AstUtils.streamReferences(node)) {
                // `addresses Shopper.FindFast` may name a need of several user types at once (a multi-reference).
                const targets = isMultiReference(info.reference) ? info.reference.items.map(item => item.ref) : [info.reference.ref];
                const keyword = keywords.get(`${node.$type}.${info.property}`) ?? info.property;
                for (const target of targets) {
                    const to = target && byNode.get(target);
                    if (to) links.push({ keyword, from, to });
                }
            }
        }
        outgoing.set(from, links);
        for (const link of links) (incoming.get(link.to) ?? incoming.set(link.to, []).get(link.to)!).push(link);
    }
    return { outgoing, incoming };
}
