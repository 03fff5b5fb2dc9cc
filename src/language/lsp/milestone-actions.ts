import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Milestone } from '../generated/ast.js';
import type { AlignmentModel } from '../../model/alignment.js';
import { milestoneState } from '../../model/milestones.js';
import { documentOf } from './block-edits.js';

/** How many later milestones the fix offers: the nearest ones, so the menu stays a choice and not a list. */
const offered = 5;

/**
 * `milestone-overdue`, which sits on the milestone: one action per milestone not past its date (due today counts),
 * nearest first, that moves every live ticket of the overdue one there in one edit ("Move 2 live tickets to Launch
 * (due 2027-01-31)"). Each edit replaces only the name after a ticket's `milestone`, in whatever file the ticket is,
 * so nothing else of the text (comments, spacing) changes. A target whose ID is defined twice is not offered: the
 * moved tickets would name an ambiguous milestone.
 */
export function moveToMilestone(milestone: Milestone, diagnostic: Diagnostic, model: AlignmentModel): CodeAction[] {
    const state = milestoneState(model, milestone);
    if (!state.overdue) return [];
    const moves = state.live.flatMap(ticket => {
        const ref = ticket.milestone[0];
        return ref?.ref === milestone && ref.$refNode ? [{ ticket: ticket.name, uri: documentOf(ticket).uri.toString(), range: ref.$refNode.range }] : [];
    });
    if (moves.length === 0) return [];
    const targets = [...model.milestones.keys()]
        .filter(other => other !== milestone && other.name !== undefined && (model.byName.get(other.name)?.length ?? 0) === 1)
        .map(other => ({ other, state: milestoneState(model, other) }))
        .filter(({ state: s }) => s.by !== undefined && s.daysLeft !== undefined && s.daysLeft >= 0)
        .sort((a, b) => a.state.daysLeft! - b.state.daysLeft!)
        .slice(0, offered);
    const what = moves.length === 1 ? moves[0].ticket : `${moves.length} live tickets`;
    return targets.map(({ other, state: target }) => {
        const changes: Record<string, TextEdit[]> = {};
        for (const move of moves) (changes[move.uri] ??= []).push({ range: move.range, newText: other.name });
        return {
            title: `Move ${what} to ${other.name} (due ${target.by})`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            edit: { changes }
        };
    });
}
