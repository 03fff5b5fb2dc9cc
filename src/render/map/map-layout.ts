import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api.js';

// The alignment map's layout by elkjs (the Eclipse Layout Kernel's layered algorithm, run in this process), kept
// in a cache keyed by the graph's structure and node sizes: typing inside a title, a figure or a status changes
// neither, so the preview redraws at once with the positions it already has. elkjs is loaded on the first layout,
// so the command line's `check` and `trace` never pay for it.

export interface LayoutNode {
    id: string;
    width: number;
    height: number;
}

export interface LayoutEdge {
    id: string;
    source: string;
    target: string;
}

export interface LayoutGraph {
    nodes: LayoutNode[];
    edges: LayoutEdge[];
}

export interface Point {
    x: number;
    y: number;
}

export interface MapLayout {
    width: number;
    height: number;
    nodes: Map<string, Point>;
    /** Each edge as a polyline from its source to its target. */
    edges: Map<string, Point[]>;
}

/**
 * Layered, left to right: each objective one layer right of its parent, a solution right of the objectives it
 * advances. LONGEST_PATH_SOURCE layering (a node as close to its sources as possible, so an objective's layer is its
 * depth), one pass of crossing minimisation and polyline edges keep a 200-element map well under 100 ms; the
 * defaults (network simplex, thorough crossing minimisation, orthogonal routing) cost several times that.
 */
const layoutOptions: Record<string, string> = {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
    'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
    'elk.layered.thoroughness': '1',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    'elk.edgeRouting': 'POLYLINE',
    'elk.spacing.nodeNode': '20',
    'elk.layered.spacing.nodeNodeBetweenLayers': '56',
    'elk.spacing.componentComponent': '40',
    'elk.aspectRatio': '1.6',
    'elk.padding': '[top=20,left=20,bottom=20,right=20]'
};

interface Elk {
    layout(graph: ElkNode): Promise<ElkNode>;
}

let engine: Promise<Elk> | undefined;

/** One elkjs instance for the process, created on first use (its bundled build runs in this thread). */
function elk(): Promise<Elk> {
    engine ??= import('elkjs/lib/elk.bundled.js').then(module => {
        const exported = module as unknown as { default?: new () => Elk };
        const ELK = exported.default ?? (module as unknown as new () => Elk);
        return new ELK();
    });
    return engine;
}

/** The graph's structure and sizes as a string: equal keys, equal layouts. */
export function layoutKey(graph: LayoutGraph): string {
    const nodes = graph.nodes.map(node => `${node.id}:${node.width}x${node.height}`).join(',');
    const edges = graph.edges.map(edge => `${edge.source}>${edge.target}`).join(',');
    return `${nodes}|${edges}`;
}

function pointsOf(edge: ElkExtendedEdge): Point[] {
    const section = edge.sections?.[0];
    if (!section) return [];
    return [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(({ x, y }) => ({ x, y }));
}

/** Lays the graph out with elkjs, uncached. */
export async function layoutGraph(graph: LayoutGraph): Promise<MapLayout> {
    if (graph.nodes.length === 0) return { width: 0, height: 0, nodes: new Map(), edges: new Map() };
    const result = await (await elk()).layout({
        id: 'root',
        layoutOptions,
        children: graph.nodes.map(({ id, width, height }) => ({ id, width, height })),
        edges: graph.edges.map(({ id, source, target }) => ({ id, sources: [source], targets: [target] }))
    });
    return {
        width: Math.ceil(result.width ?? 0),
        height: Math.ceil(result.height ?? 0),
        nodes: new Map((result.children ?? []).map(node => [node.id, { x: node.x ?? 0, y: node.y ?? 0 }])),
        edges: new Map((result.edges ?? []).map(edge => [edge.id, pointsOf(edge as ElkExtendedEdge)]))
    };
}

/**
 * Loads elkjs and lays out a small graph with `lay`, so that the first map a user opens does not wait for the load
 * and the first compilation (about half a second on a fresh process); the server calls it when a preview first asks.
 */
export async function warmUpLayout(lay: (graph: LayoutGraph) => Promise<MapLayout> = layoutGraph): Promise<void> {
    await lay({
        nodes: [{ id: 'a', width: 100, height: 40 }, { id: 'b', width: 100, height: 40 }, { id: 'c', width: 100, height: 40 }],
        edges: [{ id: 'ab', source: 'a', target: 'b' }, { id: 'ac', source: 'a', target: 'c' }]
    });
}

/**
 * The last few layouts by key. One cache per preview (or per server): an edit that changes only text inside the
 * nodes reuses the layout; one that adds, removes or resizes a node lays the map out again.
 */
export class MapLayoutCache {
    private readonly layouts = new Map<string, Promise<MapLayout>>();
    hits = 0;
    misses = 0;

    /** `lay` lays a graph out on a miss: in this thread by default; the language server passes a worker's. */
    constructor(private readonly capacity = 4, private readonly lay: (graph: LayoutGraph) => Promise<MapLayout> = layoutGraph) {}

    layout(graph: LayoutGraph): Promise<MapLayout> {
        const key = layoutKey(graph);
        const cached = this.layouts.get(key);
        if (cached) {
            this.hits++;
            // Most recently used last, so the oldest is the first to go.
            this.layouts.delete(key);
            this.layouts.set(key, cached);
            return cached;
        }
        this.misses++;
        const layout = this.lay(graph);
        layout.catch(() => this.layouts.delete(key));
        this.layouts.set(key, layout);
        while (this.layouts.size > this.capacity) this.layouts.delete(this.layouts.keys().next().value!);
        return layout;
    }
}
