import type { ValidationChecks } from 'langium';
import type { Metric, Reading, StrategyAstType } from '../../generated/ast.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { latestReading } from '../../../model/progress.js';
import { isCalendarDate, numberOf } from '../../../model/values.js';
import { report } from './codes.js';

// A metric's readings over time: one per date, none from the future, and a KPI's current value inside its range.

/** The line (1-based) a node starts on, to name the reading a duplicate repeats. */
const lineOf = (reading: Reading) => (reading.$cstNode?.range.start.line ?? 0) + 1;

export function readingChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Metric: [
            (metric, accept) => {
                const first = new Map<string, Reading>();
                for (const reading of metric.readings) {
                    if (!isCalendarDate(reading.date)) continue;
                    const earlier = first.get(reading.date);
                    if (earlier === undefined) {
                        first.set(reading.date, reading);
                    } else {
                        report(accept, 'duplicate-reading', `${metric.name} already has a reading on ${reading.date} (line ${lineOf(earlier)}); keep one reading per date`, {
                            node: reading, property: 'date'
                        });
                    }
                }
            },
            (metric, accept) => {
                const today = workspace.get().today;
                for (const reading of [...metric.readings, ...metric.current]) {
                    if (!isCalendarDate(reading.date) || reading.date <= today) continue;
                    report(accept, 'reading-in-future', `${reading.date} is after today (${today}); a ${reading.$containerProperty === 'current' ? 'current value' : 'reading'} records what was measured, so date it when it was read`, {
                        node: reading, property: 'date'
                    });
                }
            },
            (metric: Metric, accept) => {
                const range = metric.range[0];
                if (range === undefined || metric.target.length > 0) return;
                const [low, high] = [numberOf(range.low), numberOf(range.high)];
                // The current value as the model reads it once per build, not read again here.
                const current = workspace.get().metrics.get(metric)?.figures.current;
                if (low === undefined || high === undefined || low >= high || current === undefined) return;
                if (current >= low && current <= high) return;
                // The current value is read from one of these two, so one of them is there.
                const source = metric.current[0] ?? latestReading(metric);
                if (source === undefined) return;
                report(accept, 'metric-out-of-range', `${metric.name} stands at ${current}, outside its range ${range.low} to ${range.high}; act to bring it back, or revise the range`, {
                    node: source, property: 'value'
                });
            }
        ]
    };
}
