// The alignment map laid out as an outline: each objective's card below its parent's, indented by its depth, and the
// trees side by side in columns when one column would run past `maxHeight`. A map of objectives several levels deep
// stays as narrow as one card and a few indents, so a side panel shows it at a size its titles can be read at, where
// the layered layout (one column per level) made it thousands of pixels wide. It is placed in one pass, in
// microseconds, so typing and expanding never wait for it.

export interface Point {
    x: number;
    y: number;
}

/** Where the outline put each node (its top left corner) and each edge (a polyline from parent to child). */
export interface MapLayout {
    width: number;
    height: number;
    nodes: Map<string, Point>;
    edges: Map<string, Point[]>;
}

export interface OutlineNode {
    id: string;
    width: number;
    height: number;
    /** 0 for a top objective and for the groups; a sub-objective one more than its parent. */
    depth: number;
}

export interface OutlineEdge {
    id: string;
    source: string;
    target: string;
}

/** maxIndent: deeper objectives stay at that many indents, so a tree a thousand deep stays a card wide. */
export const outlineSpacing = { padding: 20, indent: 16, maxIndent: 8, gap: 12, columnGap: 32, maxHeight: 2800 };

function indentOf(node: OutlineNode): number {
    return Math.min(node.depth, outlineSpacing.maxIndent) * outlineSpacing.indent;
}

function heightOf(node: OutlineNode): number {
    return node.height + outlineSpacing.gap;
}

/**
 * The nodes split into `count` columns in order, each filled up to an even share of the whole. Any node may start a
 * column (a single tree of twenty objectives must split too); a sub-objective that does leaves its parent's line out.
 */
function columnsOf(trees: OutlineNode[], count: number): OutlineNode[][] {
    const share = trees.reduce((sum, tree) => sum + heightOf(tree), 0) / count;
    const columns: OutlineNode[][] = [[]];
    let filled = 0;
    for (const tree of trees) {
        const height = heightOf(tree);
        if (filled > 0 && filled + height / 2 > share && columns.length < count) {
            columns.push([]);
            filled = 0;
        }
        columns[columns.length - 1].push(tree);
        filled += height;
    }
    return columns;
}

/** Nodes in depth-first order (a parent before its children), edges from parent to child. */
export function outlineLayout(nodes: OutlineNode[], edges: OutlineEdge[]): MapLayout {
    if (nodes.length === 0) return { width: 0, height: 0, nodes: new Map(), edges: new Map() };
    const { padding, indent, gap, columnGap, maxHeight } = outlineSpacing;
    let columns = columnsOf(nodes, 1);
    const tallest = (split: OutlineNode[][]) => Math.max(...split.map(column => column.reduce((sum, node) => sum + heightOf(node), 0)));
    for (let count = 2; count <= nodes.length && tallest(columns) > maxHeight; count++) columns = columnsOf(nodes, count);
    const columnWidth = Math.max(...nodes.map(node => indentOf(node) + node.width));
    const columnOf = new Map<string, number>();
    const places = new Map<string, Point>();
    let height = 0;
    columns.forEach((column, index) => {
        const left = padding + index * (columnWidth + columnGap);
        let y = padding;
        for (const node of column) {
            places.set(node.id, { x: left + indentOf(node), y });
            columnOf.set(node.id, index);
            y += node.height + gap;
        }
        height = Math.max(height, y - gap + padding);
    });
    const sizes = new Map(nodes.map(node => [node.id, node]));
    const lines = new Map<string, Point[]>();
    for (const edge of edges) {
        const from = places.get(edge.source);
        const to = places.get(edge.target);
        const parent = sizes.get(edge.source);
        // A child that starts another column is drawn without its line: its breadcrumb in the preview names the parent.
        if (!from || !to || !parent || columnOf.get(edge.source) !== columnOf.get(edge.target)) continue;
        // Down the parent's left margin, then right into the child's first line.
        const x = Math.min(from.x, to.x) + indent / 2;
        lines.set(edge.id, [{ x, y: from.y + parent.height }, { x, y: to.y + 14 }, { x: to.x, y: to.y + 14 }]);
    }
    return { width: Math.ceil(2 * padding + columns.length * columnWidth + (columns.length - 1) * columnGap), height: Math.ceil(height), nodes: places, edges: lines };
}
