import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { Canvas, Milestone, StrategyAstType } from '../../generated/ast.js';
import type { AlignmentModel } from '../../../model/alignment.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { milestoneState } from '../../../model/milestones.js';
import { allowedValues, isCalendarDate, plural } from '../../../model/values.js';
import { checkDate } from './field-checks.js';
import { report } from './codes.js';

/** How many live tickets `milestone-overdue` names before "… and N more": a message is one line, not a backlog. */
const shownTickets = 5;

/** The fields only a roadmap canvas reads; on a canvas of another kind they would be silently ignored. */
const roadmapFields = ['from', 'to', 'lanes'] as const;

/** `milestone-overdue`'s message, or undefined when the milestone is not overdue. */
function overdueMessage(milestone: Milestone, model: AlignmentModel): string | undefined {
    const state = milestoneState(model, milestone);
    if (!state.overdue || state.daysLeft === undefined) return undefined;
    const late = -state.daysLeft;
    const names = state.live.slice(0, shownTickets).map(ticket => ticket.name);
    const more = state.live.length > shownTickets ? ` … and ${(state.live.length - shownTickets).toLocaleString('en-US')} more` : '';
    const still = state.live.length === 1 ? '1 ticket is still live' : `${state.live.length.toLocaleString('en-US')} tickets are still live`;
    return `Milestone ${milestone.name} was due ${state.by}, ${plural(late, 'day')} ago, and ${still}: ${names.join(', ')}${more}; `
        + 'finish or drop them, move them to a later milestone, or move its date';
}

/** Whether any ticket names the milestone (`milestone-without-work` when none does, dropped ones included). */
function hasWork(milestone: Milestone, model: AlignmentModel): boolean {
    return (model.milestones.get(milestone)?.tickets.length ?? 0) > 0;
}

/** What the milestone checks read from other files: whether it has tickets, and the overdue message with its live tickets. */
export function milestoneSignature(milestone: Milestone, model: AlignmentModel): string {
    return `${hasWork(milestone, model)}|${overdueMessage(milestone, model) ?? ''}`;
}

/** The checks that read the workspace: a milestone past its date with live work, and one no ticket names. */
export function milestoneChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Milestone: (milestone, accept) => {
            const model = workspace.get();
            const overdue = overdueMessage(milestone, model);
            if (overdue) report(accept, 'milestone-overdue', overdue, { node: milestone, property: 'name' });
            if (!hasWork(milestone, model)) {
                report(accept, 'milestone-without-work', `No ticket names milestone ${milestone.name}; add 'milestone ${milestone.name}' to the tickets due by it, or remove it`, {
                    node: milestone, property: 'name'
                });
            }
        }
    };
}

/**
 * What is written, file by file, like the other field checks: a milestone's date (required, so the check sits on the
 * name when it is missing), and a roadmap canvas's window. `from`, `to` and `lanes` on a canvas of another written
 * kind are an `invalid-value` at their keyword: the product and strategy canvases would ignore them without a word.
 */
export const roadmapFieldChecks: ValidationChecks<StrategyAstType> = {
    Milestone: (milestone, accept) => {
        if (milestone.by.length === 0) {
            if (milestone.name === undefined) return;
            report(accept, 'invalid-value', `Milestone ${milestone.name} has no date; add 'by YYYY-MM-DD', the day its work is due`, {
                node: milestone, property: 'name'
            });
            return;
        }
        checkDate(milestone, accept, 'by', milestone.by[0]);
    },
    Canvas: (canvas, accept) => {
        checkDate(canvas, accept, 'from', canvas.from[0]);
        checkDate(canvas, accept, 'to', canvas.to[0]);
        const [from, to] = [canvas.from[0], canvas.to[0]];
        if (isCalendarDate(from) && isCalendarDate(to) && from > to) {
            report(accept, 'invalid-value', `The roadmap ends on ${to}, before it starts on ${from}; write a 'to' date on or after 'from'`, {
                node: canvas, property: 'to', index: 0
            });
        }
        checkRoadmapFieldsOnOtherKind(canvas, accept);
    }
};

function checkRoadmapFieldsOnOtherKind(canvas: Canvas, accept: ValidationAcceptor): void {
    const kind = canvas.kind[0];
    // Without a kind, or with an unknown one, the kind itself is what to fix (and the view goes by the fields used).
    if (kind === undefined || kind === 'roadmap' || !(allowedValues.canvasKind as readonly string[]).includes(kind)) return;
    for (const field of roadmapFields) {
        if (canvas[field].length === 0) continue;
        report(accept, 'invalid-value', `'${field}' belongs to a roadmap canvas, and canvas ${canvas.name ?? ''} is kind ${kind}; remove it, or write 'kind roadmap'`, {
            node: canvas, keyword: field
        });
    }
}
