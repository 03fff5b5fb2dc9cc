import type { Metric, Objective } from '../language/generated/ast.js';
import { figuresOf, progressOf, type MetricFigures, type Progress } from './progress.js';

// A metric's facts in the alignment model (alignment.ts), read when asked rather than when the model is built.

export interface MetricFacts {
    readonly metric: Metric;
    readonly figures: MetricFigures;
    readonly progress?: Progress;
    readonly objectives: Objective[];
}

/**
 * Figures and progress are read for the few metrics on screen, while the model is rebuilt after every edit.
 * Progress depends on the date (a metric becomes overdue), so it is kept for the date it was graded on.
 */
export class LazyMetricFacts implements MetricFacts {
    readonly objectives: Objective[] = [];
    private figuresRead?: MetricFigures;
    private graded?: { today: string; progress?: Progress };

    constructor(readonly metric: Metric, private readonly today: () => string) {}

    get figures(): MetricFigures {
        return this.figuresRead ??= figuresOf(this.metric);
    }

    get progress(): Progress | undefined {
        const today = this.today();
        if (this.graded?.today !== today) this.graded = { today, progress: progressOf(this.figures, today) };
        return this.graded.progress;
    }
}
