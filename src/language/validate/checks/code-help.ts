import type { CheckCode } from './codes.js';

/**
 * When each check fires, in one line of Markdown: the README's table of checks and the rules of
 * `strategy check --format sarif` (code scanning's help for an alert) both say exactly this, and
 * test/cli/sarif.test.ts holds the README to it. A code added to `checkSeverity` without its line here does not
 * compile.
 */
export const checkHelp: { readonly [code in CheckCode]: string } = {
    'syntax-error': 'the file does not parse (the rest of the file is still checked)',
    'unresolved-reference': 'a name that no element of the right kind defines (with a "did you mean")',
    'duplicate-id': 'two elements share an ID anywhere in the workspace (points at the other)',
    'wrong-kind': 'a reference names an element of another kind (`serves FrequentBuyer`; an insight that `supports` itself or a ticket)',
    'objective-cycle': 'an objective is its own ancestor through `parent`',
    'duplicate-field': 'a single-valued field given twice in one block',
    'invalid-value': "not a calendar date, not a number, or an unknown keyword value; a `reading` without a date, a `range` with low ≥ high, a relative target (`+20%`) without a baseline; a milestone without `by`; a roadmap's `from` after its `to`; `from`/`to`/`lanes` on a canvas of another kind; a question `status answered` without `answer`; `strength`/`weakness`/`opportunity`/`threat` on a canvas whose `kind` is not `swot`, or another kind's field on a SWOT canvas",
    'metric-no-change': '`target` equals `baseline`',
    'duplicate-reading': 'two readings of one metric on the same date',
    'orphan-ticket': 'a ticket serves no objective',
    'unmeasured-objective': 'an objective with no metric, itself or through its sub-objectives',
    'metric-incomplete': 'a metric without `baseline`, or without `target … by DATE` (a KPI needs neither)',
    'unaligned-solution': 'a solution that advances no objective',
    'solution-without-user': 'a solution that is for no user type',
    'ticket-solution-mismatch': 'a ticket implements a solution that does not advance its objective or a parent of it',
    'metric-overdue': 'the `by` date has passed and `current` has not reached `target`',
    'metric-off-pace': 'with two or more dated points, the line through them falls short of 70% of the way by the `by` date',
    'reading-in-future': 'a reading or a dated `current` after today',
    'metric-out-of-range': "a KPI's (`range`, no `target`) current value outside its range",
    'contradicted-solution': 'a live solution (`idea`, `testing`, `building`) that an insight `contradicts` and none `supports`',
    'milestone-overdue': "a milestone's `by` date has passed and a ticket of it is still live (the message names the date, days late and up to 5 live tickets)",
    'objective-without-work': 'a leaf objective that no solution advances and no ticket serves',
    'work-done-target-unmet': 'every ticket serving a leaf objective is `done`, no solution for it is live, and one of its metrics is short of its target',
    'unmeasurable-problem': 'a canvas `problem` that states no number',
    'metric-stale': 'a metric still worked toward whose latest dated point is more than 90 days old',
    'unused-need': 'a user need that no solution addresses',
    'milestone-without-work': 'a milestone no ticket names',
    'validated-without-evidence': 'a solution `validated` that no insight `supports`'
};
