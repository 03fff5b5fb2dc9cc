import type { AstNode, LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, Position } from 'vscode-languageserver';
import type { Milestone, Model, Objective, Ticket } from '../generated/ast.js';
import type { AlignmentModel } from '../../model/alignment.js';
import { nameLocation, type ElementLocation } from '../../model/locations.js';
import { gradeLabel, wayText } from '../../model/metric-text.js';
import { dueText, milestoneState } from '../../model/milestones.js';
import { plural } from '../../model/values.js';
import { rollUpWork } from '../../model/work-rollup.js';
import { workOnly } from '../../model/status.js';
import { workText } from '../../model/work-text.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/**
 * The command every lens runs, with `[uri: string, position: Position, locations: Location[]]` in LSP terms.
 * The VS Code client registers it, converts the values to vscode types and opens `editor.action.showReferences`;
 * a language server cannot call that editor command itself.
 */
export const showReferencesCommand = 'strategy.showReferences';

/**
 * Above each objective, its work (its sub-objectives' included) and the first metric's progress; above each ticket,
 * the chain it serves; above each milestone, its tickets and its date. Everything comes from the cached alignment model: a ticket's lens costs a map look-up, an
 * objective's a walk of the objectives below it.
 */
export class StrategyCodeLensProvider implements CodeLensProvider {
    constructor(private readonly services: StrategyLspServices) {}

    provideCodeLens(document: LangiumDocument): CodeLens[] {
        const model = this.services.strategy.WorkspaceModel.get();
        const lenses: CodeLens[] = [];
        for (const element of (document.parseResult.value as Model).elements) {
            let lens: CodeLens | undefined;
            if (element.$type === 'Objective') lens = this.objectiveLens(element, model);
            else if (element.$type === 'Ticket') lens = this.ticketLens(element, model);
            else if (element.$type === 'Milestone') lens = this.milestoneLens(element, model);
            if (lens) lenses.push(lens);
        }
        return lenses;
    }

    private objectiveLens(objective: Objective, model: AlignmentModel): CodeLens | undefined {
        const work = rollUpWork(objective, {
            children: o => model.facts(o)?.children ?? [],
            tickets: o => workOnly(model.facts(o)?.tickets ?? []),
            solutions: o => workOnly(model.facts(o)?.solutions ?? [])
        });
        const title = `${workText(work)} · ${this.progressText(objective, model)}`;
        // A click lists the objective's own work and its sub-objectives, through which the rest comes: listing every
        // ticket below would send each ticket once per ancestor, quadratic in a deep tree.
        const facts = model.facts(objective);
        return this.lens(objective, title, [...facts?.tickets ?? [], ...facts?.solutions ?? [], ...facts?.children ?? []]);
    }

    /**
     * The first of the objective's own metrics that has progress toward a target, else the first with a grade (a
     * KPI's `healthy`, `no reading`), else the first metric, else `no metric`.
     */
    private progressText(objective: Objective, model: AlignmentModel): string {
        const metrics = objective.metrics.map(ref => ref.ref).filter(m => m !== undefined);
        if (metrics.length === 0) return 'no metric';
        const graded = metrics.map(metric => ({ metric, progress: model.metrics.get(metric)?.progress }));
        const shown = graded.find(g => g.progress?.ratio !== undefined) ?? graded.find(g => g.progress);
        if (!shown?.progress) return `${metrics[0].name} not graded`;
        const { ratio, grade } = shown.progress;
        return ratio === undefined ? `${shown.metric.name} (${gradeLabel[grade]})` : `${shown.metric.name} ${wayText(ratio)} (${gradeLabel[grade]})`;
    }

    private ticketLens(ticket: Ticket, model: AlignmentModel): CodeLens | undefined {
        const chain = model.chainOf(ticket);
        const served = ticket.serves[0];
        let title: string;
        if (chain.length > 0) title = `serves ${chain.map(o => o.name).join(' → ')}`;
        else if (served) title = `serves ${served.$refText} (not found)`;
        else title = 'serves no objective';
        return this.lens(ticket, title, chain.slice(0, 1));
    }

    /** `5 tickets · 2 done · due in 23 days`, `no tickets · 12 days late`; a click lists its tickets. */
    private milestoneLens(milestone: Milestone, model: AlignmentModel): CodeLens | undefined {
        const tickets = model.milestones.get(milestone)?.tickets ?? [];
        const state = milestoneState(model, milestone);
        const when = state.daysLeft === undefined ? 'no date' : dueText(state.daysLeft);
        const title = tickets.length === 0 ? `no tickets · ${when}` : `${plural(tickets.length, 'ticket')} · ${state.counts.done} done · ${when}`;
        return this.lens(milestone, title, tickets);
    }

    private lens(element: AstNode, title: string, targets: AstNode[]): CodeLens | undefined {
        const at = nameLocation(element);
        if (!at) return undefined;
        const position: Position = at.range.start;
        const locations = targets
            .map(target => nameLocation(target))
            .filter((location): location is ElementLocation => location !== undefined);
        return { range: at.range, command: { title, command: showReferencesCommand, arguments: [at.uri, position, locations] } };
    }
}
