import { localToday } from '../model/values.js';

/** Settings that a host (CLI flags, server environment, tests) fixes for the engine. */
export class StrategyConfig {
    /** `--today` or STRATEGY_TODAY pins the date for `metric-overdue` and progress, so results reproduce. */
    fixedToday: string | undefined = process.env.STRATEGY_TODAY || undefined;

    today(): string {
        return this.fixedToday ?? localToday();
    }
}
