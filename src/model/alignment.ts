import type { Canvas, Metric, Model, Need, Objective, Question, Solution, Ticket, UserType } from '../language/generated/ast.js';
import { figuresOf, progressOf, type MetricFigures, type Progress } from './progress.js';

export type NamedElement = Objective | Metric | UserType | Solution | Question | Ticket | Canvas;

export interface ObjectiveFacts {
    readonly objective: Objective;
    readonly parent?: Objective;
    readonly children: Objective[];
    readonly solutions: Solution[];
    readonly tickets: Ticket[];
    /** It has a metric itself or through one of its sub-objectives. */
    measured: boolean;
    /** When the objective is its own ancestor: the cycle, starting and ending at this objective. */
    cycle?: Objective[];
}

export interface MetricFacts {
    readonly metric: Metric;
    readonly figures: MetricFigures;
    readonly progress?: Progress;
    readonly objectives: Objective[];
}

export interface SolutionFacts {
    readonly solution: Solution;
    readonly tickets: Ticket[];
}

/** Figures and progress are read for the few metrics on screen, while the model is rebuilt after every edit. */
class LazyMetricFacts implements MetricFacts {
    readonly objectives: Objective[] = [];
    private computed?: { figures: MetricFigures; progress?: Progress };

    constructor(readonly metric: Metric) {}

    private get values(): { figures: MetricFigures; progress?: Progress } {
        if (!this.computed) {
            const figures = figuresOf(this.metric);
            this.computed = { figures, progress: progressOf(figures) };
        }
        return this.computed;
    }

    get figures(): MetricFigures {
        return this.values.figures;
    }

    get progress(): Progress | undefined {
        return this.values.progress;
    }
}

/**
 * Everything that spans files, derived once per workspace build from the linked documents: checks, hover,
 * code lens, the tree view, `strategy trace` and the renderers all read this instead of walking the workspace.
 */
export class AlignmentModel {
    readonly byName = new Map<string, NamedElement[]>();
    readonly objectives = new Map<Objective, ObjectiveFacts>();
    readonly metrics = new Map<Metric, MetricFacts>();
    readonly solutions = new Map<Solution, SolutionFacts>();
    readonly tickets: Ticket[] = [];
    readonly addressedNeeds = new Set<Need>();

    constructor(readonly roots: readonly Model[], readonly today: string) {
        for (const root of roots) {
            for (const element of root.elements) {
                if (element.$type !== 'Vision') this.register(element);
            }
        }
        this.link();
        this.findCycles();
        this.propagateMeasurement();
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

    private register(element: NamedElement): void {
        const sameName = this.byName.get(element.name);
        if (sameName) sameName.push(element);
        else this.byName.set(element.name, [element]);
        switch (element.$type) {
            case 'Objective':
                this.objectives.set(element, {
                    objective: element, parent: element.parent[0]?.ref, children: [], solutions: [], tickets: [], measured: false
                });
                break;
            case 'Metric': {
                this.metrics.set(element, new LazyMetricFacts(element));
                break;
            }
            case 'Solution':
                this.solutions.set(element, { solution: element, tickets: [] });
                break;
            case 'Ticket':
                this.tickets.push(element);
                break;
        }
    }

    private link(): void {
        for (const facts of this.objectives.values()) {
            if (facts.parent) this.objectives.get(facts.parent)?.children.push(facts.objective);
            for (const ref of facts.objective.metrics) {
                if (ref.ref) this.metrics.get(ref.ref)?.objectives.push(facts.objective);
            }
        }
        for (const { solution } of this.solutions.values()) {
            for (const ref of solution.objectives) {
                if (ref.ref) this.objectives.get(ref.ref)?.solutions.push(solution);
            }
            for (const ref of solution.needs) {
                if (ref.ref) this.addressedNeeds.add(ref.ref);
            }
        }
        for (const ticket of this.tickets) {
            const served = ticket.serves[0]?.ref;
            if (served) this.objectives.get(served)?.tickets.push(ticket);
            const implemented = ticket.implements[0]?.ref;
            if (implemented) this.solutions.get(implemented)?.tickets.push(ticket);
        }
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
