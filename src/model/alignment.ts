import { isVision, type Canvas, type Evidenced, type Insight, type Metric, type Milestone, type Model, type Need, type Objective, type Question, type Solution, type Ticket, type UserType } from '../language/generated/ast.js';
import { workOnly } from './status.js';
import { LazyMetricFacts, type MetricFacts } from './metric-facts.js';

export type { MetricFacts } from './metric-facts.js';

export type NamedElement = Objective | Metric | UserType | Solution | Question | Insight | Ticket | Milestone | Canvas;

/** The insights that back an element (`supports`) and those that speak against it (`contradicts`), in source order. */
export interface Evidence {
    readonly for: Insight[];
    readonly against: Insight[];
}

const noEvidence: Evidence = Object.freeze({ for: [], against: [] });

export interface ObjectiveFacts {
    readonly objective: Objective;
    parent?: Objective;
    readonly children: Objective[];
    readonly solutions: Solution[];
    readonly tickets: Ticket[];
    /** It has a metric itself or through one of its sub-objectives. */
    measured: boolean;
    /** When the objective is its own ancestor: the cycle, starting and ending at this objective. */
    cycle?: Objective[];
}

export interface SolutionFacts {
    readonly solution: Solution;
    readonly tickets: Ticket[];
}

export interface MilestoneFacts {
    readonly milestone: Milestone;
    /** The tickets that name it (`milestone` in a ticket), dropped ones included: views say what became of them. */
    readonly tickets: Ticket[];
}

/**
 * Everything that spans files, derived from the linked documents: checks, hover, code lens, the tree view,
 * `strategy trace` and the renderers all read this instead of walking the workspace.
 *
 * It is updated per document: after an edit only the documents that were linked again are taken out and put
 * back (their elements and the links that start in them), then cycles and measurement, which span the objective
 * tree, are recomputed over the objectives alone. Elements that kept their identity keep their facts, so links
 * into them from untouched documents stay.
 */
export class AlignmentModel {
    readonly byName = new Map<string, NamedElement[]>();
    readonly objectives = new Map<Objective, ObjectiveFacts>();
    readonly metrics = new Map<Metric, MetricFacts>();
    readonly solutions = new Map<Solution, SolutionFacts>();
    readonly milestones = new Map<Milestone, MilestoneFacts>();
    readonly addressedNeeds = new Set<Need>();
    private readonly evidence = new Map<Evidenced, Evidence>();
    private readonly needUses = new Map<Need, number>();
    private readonly elementsOf = new Map<string, NamedElement[]>();
    private readonly unlinkOf = new Map<string, Array<() => void>>();
    private readonly visions = new Map<string, string>();
    private ticketList?: Ticket[];

    constructor(roots: ReadonlyArray<readonly [uri: string, root: Model]>, public today: string) {
        this.update(roots, []);
    }

    /** Takes out the contributions of `removed` and of the changed documents, then adds the changed ones back. */
    update(changed: ReadonlyArray<readonly [uri: string, root: Model]>, removed: readonly string[]): void {
        const touched = [...removed, ...changed.map(([uri]) => uri)];
        for (const uri of touched) {
            for (const unlink of this.unlinkOf.get(uri) ?? []) unlink();
            this.unlinkOf.delete(uri);
            this.visions.delete(uri);
        }
        const kept = new Set(changed.flatMap(([, root]) => root.elements));
        for (const uri of touched) {
            for (const element of this.elementsOf.get(uri) ?? []) {
                if (!kept.has(element)) this.unregister(element);
            }
            this.elementsOf.delete(uri);
        }
        for (const [uri, root] of changed) {
            const elements = root.elements.filter((element): element is NamedElement => element.$type !== 'Vision');
            for (const element of elements) {
                if (!this.isRegistered(element)) this.register(element);
            }
            this.elementsOf.set(uri, elements);
            const vision = root.elements.find(isVision)?.title;
            if (vision?.trim()) this.visions.set(uri, vision);
        }
        for (const [uri] of changed) this.unlinkOf.set(uri, this.link(this.elementsOf.get(uri)!));
        this.ticketList = undefined;
        for (const facts of this.objectives.values()) {
            facts.measured = false;
            facts.cycle = undefined;
        }
        this.findCycles();
        this.propagateMeasurement();
    }

    /**
     * The workspace's vision, shown above the map and the strategy canvas: the first written, by file address, so
     * that every view and export shows the same one.
     */
    get vision(): string | undefined {
        return [...this.visions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[0]?.[1];
    }

    /** Every ticket, file by file. */
    get tickets(): Ticket[] {
        return this.ticketList ??= [...this.elementsOf.values()].flat().filter((element): element is Ticket => element.$type === 'Ticket');
    }

    /**
     * A leaf objective that no solution advances and no ticket serves (`objective-without-work`, trace coverage);
     * a dropped ticket or rejected solution is history and leaves it without work.
     */
    withoutWork(objective: Objective): boolean {
        const facts = this.objectives.get(objective);
        return facts !== undefined && facts.children.length === 0 && workOnly(facts.solutions).length === 0 && workOnly(facts.tickets).length === 0;
    }

    /** The insights for and against a solution, objective or question; none for anything else. */
    evidenceOf(element: Evidenced): Evidence {
        return this.evidence.get(element) ?? noEvidence;
    }

    private evidenceEntry(element: Evidenced): Evidence {
        return this.evidence.get(element) ?? this.evidence.set(element, { for: [], against: [] }).get(element)!;
    }

    facts(objective: Objective): ObjectiveFacts | undefined {
        return this.objectives.get(objective);
    }

    /** The objective's parents up to the top, nearest first; stops before repeating itself on a cycle. */
    ancestors(objective: Objective): Objective[] {
        const result: Objective[] = [];
        const seen = new Set<Objective>([objective]);
        for (let next = this.objectives.get(objective)?.parent; next && !seen.has(next); next = this.objectives.get(next)?.parent) {
            seen.add(next);
            result.push(next);
        }
        return result;
    }

    /** The objective a ticket serves followed by that objective's ancestors. */
    chainOf(ticket: Ticket): Objective[] {
        const served = ticket.serves[0]?.ref;
        return served && this.objectives.has(served) ? [served, ...this.ancestors(served)] : [];
    }

    private isRegistered(element: NamedElement): boolean {
        return this.byName.get(element.name)?.includes(element) ?? false;
    }

    private register(element: NamedElement): void {
        const sameName = this.byName.get(element.name);
        if (sameName) sameName.push(element);
        else this.byName.set(element.name, [element]);
        switch (element.$type) {
            case 'Objective':
                this.objectives.set(element, { objective: element, children: [], solutions: [], tickets: [], measured: false });
                break;
            case 'Metric':
                this.metrics.set(element, new LazyMetricFacts(element, () => this.today));
                break;
            case 'Solution':
                this.solutions.set(element, { solution: element, tickets: [] });
                break;
            case 'Milestone':
                this.milestones.set(element, { milestone: element, tickets: [] });
                break;
        }
    }

    private unregister(element: NamedElement): void {
        const rest = (this.byName.get(element.name) ?? []).filter(other => other !== element);
        if (rest.length > 0) this.byName.set(element.name, rest);
        else this.byName.delete(element.name);
        this.objectives.delete(element as Objective);
        this.metrics.delete(element as Metric);
        this.solutions.delete(element as Solution);
        this.milestones.delete(element as Milestone);
        this.evidence.delete(element as Evidenced);
    }

    /** Adds the links that start at these elements; returns how to take each out again. */
    private link(elements: readonly NamedElement[]): Array<() => void> {
        const unlink: Array<() => void> = [];
        const add = <T>(list: T[] | undefined, item: T) => {
            if (!list) return;
            list.push(item);
            unlink.push(() => {
                const index = list.lastIndexOf(item);
                if (index >= 0) list.splice(index, 1);
            });
        };
        for (const element of elements) {
            switch (element.$type) {
                case 'Objective': {
                    const facts = this.objectives.get(element)!;
                    facts.parent = element.parent[0]?.ref;
                    unlink.push(() => { facts.parent = undefined; });
                    if (facts.parent) add(this.objectives.get(facts.parent)?.children, element);
                    for (const ref of element.metrics) {
                        if (ref.ref) add(this.metrics.get(ref.ref)?.objectives, element);
                    }
                    break;
                }
                case 'Solution':
                    for (const ref of element.objectives) {
                        if (ref.ref) add(this.objectives.get(ref.ref)?.solutions, element);
                    }
                    // An unqualified need names that need of every listed user type that declares it.
                    for (const ref of element.needs) {
                        for (const item of ref.items) unlink.push(this.useNeed(item.ref));
                    }
                    break;
                case 'Insight': // a name of another kind resolves to nothing: `wrong-kind` says so
                    for (const ref of element.supports) if (ref.ref) add(this.evidenceEntry(ref.ref).for, element);
                    for (const ref of element.contradicts) if (ref.ref) add(this.evidenceEntry(ref.ref).against, element);
                    break;
                case 'Ticket': {
                    const served = element.serves[0]?.ref;
                    if (served) add(this.objectives.get(served)?.tickets, element);
                    const implemented = element.implements[0]?.ref;
                    if (implemented) add(this.solutions.get(implemented)?.tickets, element);
                    const milestone = element.milestone[0]?.ref;
                    if (milestone) add(this.milestones.get(milestone)?.tickets, element);
                    break;
                }
            }
        }
        return unlink;
    }

    private useNeed(need: Need): () => void {
        this.needUses.set(need, (this.needUses.get(need) ?? 0) + 1);
        this.addressedNeeds.add(need);
        return () => {
            const uses = (this.needUses.get(need) ?? 1) - 1;
            if (uses > 0) this.needUses.set(need, uses);
            else {
                this.needUses.delete(need);
                this.addressedNeeds.delete(need);
            }
        };
    }

    /** Each objective has at most one parent, so following parents from every objective finds every cycle in linear time. */
    private findCycles(): void {
        const done = new Set<Objective>();
        for (const start of this.objectives.keys()) {
            const path: Objective[] = [];
            const onPath = new Set<Objective>();
            let current: Objective | undefined = start;
            while (current && !done.has(current) && !onPath.has(current)) {
                path.push(current);
                onPath.add(current);
                current = this.objectives.get(current)?.parent;
            }
            if (current && onPath.has(current)) {
                const loop = path.slice(path.indexOf(current));
                loop.forEach((member, i) => {
                    const rotated = [...loop.slice(i), ...loop.slice(0, i), member];
                    this.objectives.get(member)!.cycle = rotated;
                });
            }
            path.forEach(objective => done.add(objective));
        }
    }

    private propagateMeasurement(): void {
        for (const facts of this.objectives.values()) {
            if (facts.objective.metrics.length === 0) continue;
            facts.measured = true;
            for (const ancestor of this.ancestors(facts.objective)) {
                const ancestorFacts = this.objectives.get(ancestor);
                if (!ancestorFacts || ancestorFacts.measured) break;
                ancestorFacts.measured = true;
            }
        }
    }
}
