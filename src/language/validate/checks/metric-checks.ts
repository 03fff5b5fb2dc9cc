import type { ValidationChecks } from 'langium';
import type { Metric, StrategyAstType } from '../../generated/ast.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { daysBetween, isOverdue, targetReached } from '../../../model/progress.js';
import { paceText } from '../../../model/metric-text.js';
import { report } from './codes.js';

export function metricChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Metric: [
            (metric, accept) => {
                // A KPI (a range and no target) is a band to stay inside: it has nothing to reach, so nothing to miss.
                if (metric.range.length > 0 && metric.target.length === 0) return;
                const missing = [
                    metric.baseline.length === 0 ? `'baseline <number>'` : undefined,
                    !metric.target[0]?.date ? (metric.target.length === 0 ? `'target <number> by <YYYY-MM-DD>'` : `'by <YYYY-MM-DD>' after the target`) : undefined
                ].filter((text): text is string => text !== undefined);
                if (missing.length === 0) return;
                report(accept, 'metric-incomplete', `Metric ${metric.name} cannot show progress until it has a starting point and a dated target; add ${missing.join(' and ')}`, {
                    node: metric, property: 'name', data: { missingBaseline: metric.baseline.length === 0, missingTarget: metric.target.length === 0, missingBy: !metric.target[0]?.date }
                });
            },
            (metric, accept) => {
                // Figures and grades come from the model, read once per metric per build for every check and view.
                const figures = workspace.get().metrics.get(metric)?.figures;
                const target = metric.target[0];
                if (!figures) return;
                if (target && figures.baseline !== undefined && figures.target === figures.baseline) {
                    report(accept, 'metric-no-change', `The target of ${metric.name} equals its baseline (${figures.baseline}), so there is nothing to achieve; set the target you aim for`, {
                        node: target, property: 'value'
                    });
                }
            },
            (metric: Metric, accept) => {
                const model = workspace.get();
                const figures = model.metrics.get(metric)?.figures;
                if (!figures || !isOverdue(figures, model.today)) return;
                const reading = figures.current === undefined ? 'it has no current reading' : `it stands at ${figures.current} against ${figures.target}`;
                report(accept, 'metric-overdue', `Metric ${metric.name} was due by ${figures.by} and ${reading}; update 'current' or set a new date`, {
                    node: metric.target[0], property: 'date'
                });
            },
            (metric: Metric, accept) => {
                // The grade the model keeps for today (computed once per metric and date), so this says what every view says.
                const facts = workspace.get().metrics.get(metric);
                const forecast = facts?.progress?.forecast;
                if (!forecast || facts.progress!.grade !== 'off-track') return;
                const pace = paceText(forecast.value, forecast.date, forecast.ratio, facts.figures.unit);
                report(accept, 'metric-off-pace', `Metric ${metric.name} is off pace: ${pace}; plan more work, or revisit the target`, {
                    node: metric, property: 'name'
                });
            },
            (metric: Metric, accept) => {
                const model = workspace.get();
                const figures = model.metrics.get(metric)?.figures;
                const latest = figures?.points?.at(-1);
                // Only a metric still being worked toward goes stale: one reached, overdue or without a target (a KPI)
                // has nothing a fresh reading would change in its grade.
                if (!figures || !latest || figures.target === undefined || targetReached(figures) || isOverdue(figures, model.today)) return;
                const days = daysBetween(latest.date, model.today);
                if (days <= staleAfterDays) return;
                report(accept, 'metric-stale', `Metric ${metric.name} was last measured on ${latest.date}, ${days} days ago; add 'reading <value> on ${model.today}' so its progress is today's`, {
                    node: metric, property: 'name'
                });
            }
        ]
    };
}

/** A metric whose latest dated point is older than this (about a quarter) is `metric-stale`. */
export const staleAfterDays = 90;
