import { GrammarUtils, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Canvas, Insight, Solution, StrategyAstType } from '../../generated/ast.js';
import type { AlignmentModel } from '../../../model/alignment.js';
import type { WorkspaceModel } from '../../workspace/workspace-model.js';
import { isLive } from '../../../model/status.js';
import { allowedValues } from '../../../model/values.js';
import { report } from './codes.js';

/** How many insights `contradicted-solution` names before "… and N more": a message is one line. */
const shownInsights = 3;

/** The fields only a SWOT canvas reads, keyword → property. */
const swotFields = { strength: 'strengths', weakness: 'weaknesses', opportunity: 'opportunities', threat: 'threats' } as const;

/** The fields that fill the other kinds' boxes, keyword → property: on a SWOT canvas nothing would show them. */
const otherKindFields = {
    problem: 'problem', outcomes: 'outcomes', users: 'users', solutions: 'solutions', questions: 'questions', plan: 'steps',
    goal: 'goal', obstacle: 'obstacles', play: 'play', win: 'win', success: 'success', from: 'from', to: 'to', lanes: 'lanes'
} as const;

function names(insights: readonly Insight[]): string {
    const shown = insights.slice(0, shownInsights).map(insight => insight.name);
    const more = insights.length > shownInsights ? ` … and ${(insights.length - shownInsights).toLocaleString('en-US')} more` : '';
    return `${shown.join(', ')}${more}`;
}

/** `validated-without-evidence`'s and `contradicted-solution`'s reading of the solution's evidence. */
function evidenceState(solution: Solution, model: AlignmentModel): { unbacked: boolean; against: Insight[] } {
    const evidence = model.evidenceOf(solution);
    return { unbacked: evidence.for.length === 0, against: evidence.against };
}

/** What the discovery checks read from other files: whether an insight backs the solution, and which speak against it. */
export function evidenceSignature(solution: Solution, model: AlignmentModel): string {
    const { unbacked, against } = evidenceState(solution, model);
    return `${unbacked}|${against.length}:${names(against)}`;
}

/** A solution's evidence: `validated` needs an insight that supports it, and live work that only evidence sinks is flagged. */
export function discoveryChecks(workspace: WorkspaceModel): ValidationChecks<StrategyAstType> {
    return {
        Solution: (solution, accept) => {
            const status = solution.status[0];
            if (status !== 'validated' && !isLive(status)) return;
            const { unbacked, against } = evidenceState(solution, workspace.get());
            if (!unbacked) return;
            if (status === 'validated') {
                report(accept, 'validated-without-evidence', `Solution ${solution.name} is validated, and no insight supports it; record what validated it as an insight with 'supports ${solution.name}'`, {
                    node: solution, property: 'status', index: 0
                });
            } else if (against.length > 0) {
                report(accept, 'contradicted-solution', `Solution ${solution.name} is still ${status}, and ${against.length === 1 ? 'insight' : 'insights'} ${names(against)} ${against.length === 1 ? 'contradicts' : 'contradict'} it with none in support; reject it, or record the evidence for it`, {
                    node: solution, property: 'name'
                });
            }
        }
    };
}

/**
 * What is written, file by file: an answered question states its answer, and a SWOT canvas has only SWOT fields
 * while the other kinds have none (each would be silently left out of the view), at the field's keyword.
 */
export const discoveryFieldChecks: ValidationChecks<StrategyAstType> = {
    Question: (question, accept) => {
        if (question.status[0] === 'answered' && question.answer.length === 0) {
            report(accept, 'invalid-value', `Question ${question.name ?? ''} is answered, and states no answer; add 'answer "<what was learned>"', or write 'status open'`, {
                node: question, property: 'status', index: 0
            });
        }
    },
    Canvas: (canvas, accept) => checkSwotFields(canvas, accept)
};

function checkSwotFields(canvas: Canvas, accept: ValidationAcceptor): void {
    const kind = canvas.kind[0];
    // Without a kind, or with an unknown one, the kind itself is what to fix.
    if (kind === undefined || !(allowedValues.canvasKind as readonly string[]).includes(kind)) return;
    const misplaced = kind === 'swot' ? otherKindFields : swotFields;
    for (const [keyword, property] of Object.entries(misplaced)) {
        // `from`, `to` and `lanes` on a canvas not a roadmap are the roadmap check's (milestone-checks.ts).
        if (kind === 'swot' && (keyword === 'from' || keyword === 'to' || keyword === 'lanes')) continue;
        if (((canvas[property as keyof typeof canvas] as unknown[] | undefined)?.length ?? 0) === 0 && keyword !== 'plan') continue;
        // Once per time the keyword is written (`obstacle "a", "b"` is one), at that keyword.
        const written = GrammarUtils.findNodesForKeyword(canvas.$cstNode, keyword).length;
        for (let index = 0; index < written; index++) {
            const message = kind === 'swot'
                ? `'${keyword}' does not belong to a SWOT canvas, and canvas ${canvas.name ?? ''} is kind swot; use strength, weakness, opportunity and threat, or write the kind whose field it is`
                : `'${keyword}' belongs to a SWOT canvas, and canvas ${canvas.name ?? ''} is kind ${kind}; remove it, or write 'kind swot'`;
            report(accept, 'invalid-value', message, { node: canvas, keyword, index });
        }
    }
}
