// The work an objective carries: the tickets that serve it and the solutions that advance it, its own and those
// of its sub-objectives at any depth, each counted once. The code lens reads it from the alignment model and the
// Strategy view from the tree the server sends; both go through here so they count alike.

/** How to walk an objective tree: the model's facts or the nodes of the Strategy view. */
export interface WorkGraph<O, T, S> {
    children(objective: O): readonly O[];
    tickets(objective: O): readonly T[];
    solutions(objective: O): readonly S[];
    /** What makes two entries the same ticket or solution; the entry itself by default. */
    key?(item: T | S): unknown;
}

/** Counts of one kind of work: all of it, the objective's own, and how many sub-objectives hold the rest. */
export interface WorkCount {
    total: number;
    own: number;
    /** Sub-objectives (any depth) that hold at least one counted item that is not the objective's own. */
    through: number;
}

export interface WorkCounts {
    tickets: WorkCount;
    solutions: WorkCount;
    /** Direct sub-objectives. */
    subObjectives: number;
}

export interface Work<T, S> extends WorkCounts {
    /** The objective's own tickets first, then those of its sub-objectives, each once. */
    ticketList: T[];
    solutionList: S[];
}

/** Items of one kind: the objective's own first, then new ones from sub-objectives, each key once. */
class Tally<I> {
    readonly items: I[] = [];
    private readonly seen = new Set<unknown>();
    private ownKeys?: Set<unknown>;
    through = 0;

    constructor(private readonly key: (item: I) => unknown) {}

    addOwn(items: readonly I[]): void {
        for (const item of items) this.add(item);
        this.ownKeys = new Set(this.seen);
    }

    /** Adds a sub-objective's items; it counts as one it comes through when it holds one not the objective's own. */
    addInherited(items: readonly I[]): void {
        let holds = false;
        for (const item of items) {
            if (this.ownKeys?.has(this.key(item))) continue;
            holds = true;
            this.add(item);
        }
        if (holds) this.through++;
    }

    count(): WorkCount {
        return { total: this.items.length, own: this.ownKeys?.size ?? 0, through: this.through };
    }

    private add(item: I): void {
        const key = this.key(item);
        if (this.seen.has(key)) return;
        this.seen.add(key);
        this.items.push(item);
    }
}

/**
 * The work of `root` and of every objective below it. Walked with a stack and a visited set, so a tree thousands
 * deep does not overflow and a parent cycle ends (each member reaches the others once). The cost is the size of
 * the tree below `root`: for every objective of a file, its size times its depth (a few levels in practice;
 * scripts/code-lens-depth.ts times a chain 1,000 deep).
 */
export function rollUpWork<O, T, S>(root: O, graph: WorkGraph<O, T, S>): Work<T, S> {
    const key = graph.key ?? ((item: T | S) => item);
    const tickets = new Tally<T>(key);
    const solutions = new Tally<S>(key);
    tickets.addOwn(graph.tickets(root));
    solutions.addOwn(graph.solutions(root));
    const visited = new Set<O>([root]);
    const stack = [...graph.children(root)].reverse();
    while (stack.length > 0) {
        const objective = stack.pop()!;
        if (visited.has(objective)) continue;
        visited.add(objective);
        tickets.addInherited(graph.tickets(objective));
        solutions.addInherited(graph.solutions(objective));
        const children = graph.children(objective);
        for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return {
        tickets: tickets.count(),
        solutions: solutions.count(),
        subObjectives: graph.children(root).length,
        ticketList: tickets.items,
        solutionList: solutions.items
    };
}
