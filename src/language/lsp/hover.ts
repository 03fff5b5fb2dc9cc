import { CstUtils, type AstNode, type LangiumDocument, type MultiReference, type Reference } from 'langium';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { MultilineCommentHoverProvider } from 'langium/lsp';
import type { Canvas, Evidenced, Insight, Metric, Milestone, Need, Objective, Question, Solution, Ticket, UserType } from '../generated/ast.js';
import type { AlignmentModel } from '../../model/alignment.js';
import { clampText, evidenceCount } from '../../model/evidence-text.js';
import { metricLine, readingLines } from '../../model/metric-text.js';
import { dueText, milestoneObjectives, milestoneState, ticketStatuses } from '../../model/milestones.js';
import { metricTrace } from '../../model/trace.js';
import { workOnly } from '../../model/status.js';
import { oneLine, plural } from '../../model/values.js';
import { kindName } from '../element-kinds.js';
import type { StrategyLspServices } from './strategy-lsp-module.js';

/**
 * Backslash-escapes what Markdown would read as markup in text taken from a file (titles, units, owners,
 * hypotheses, IDs such as `_draft_`), after collapsing line breaks that would otherwise start a new block.
 * Every piece of file text in a hover goes through here; only the doc comment is Markdown by intent.
 */
export function escapeMarkdown(text: string): string {
    return oneLine(text).replace(/[\\`*_[\]<>&|~#!]/g, char => `\\${char}`);
}

/**
 * A web address as an autolink (its text taken literally, so an `_` in it stays part of the link); any other
 * value, including other schemes a file could smuggle in, is shown as escaped text.
 */
function linkMarkdown(link: string): string {
    return /^https?:\/\/[^\s<>]+$/i.test(link) ? `<${link}>` : escapeMarkdown(link);
}

function nameOf(ref: Reference<{ name: string } & AstNode> | undefined): string {
    return escapeMarkdown(ref?.ref?.name ?? ref?.$refText ?? '');
}

/** A need by its name; one name that stands for the needs of several user types lists each as `User.Need`. */
function needNames(ref: MultiReference<Need>): string {
    if (ref.items.length === 0) return escapeMarkdown(ref.$refText);
    if (ref.items.length === 1) return escapeMarkdown(ref.items[0].ref.name);
    return ref.items.map(item => escapeMarkdown(`${item.ref.$container.name}.${item.ref.name}`)).join(', ');
}

function names(refs: ReadonlyArray<Reference<{ name: string } & AstNode>>): string {
    return refs.map(nameOf).join(', ');
}

/** `focus retention · horizon short` for the fields that are set, so a half-written block shows what it has. */
function fieldLine(fields: Array<[label: string, value: string | undefined]>): string | undefined {
    const set = fields.filter(([, value]) => value).map(([label, value]) => `${label} ${value}`);
    return set.length > 0 ? set.join(' · ') : undefined;
}

/**
 * A labelled list. The label keeps two lists apart: CommonMark joins lists separated only by a blank line
 * into one.
 */
function labelledList(label: string, items: string[]): string | undefined {
    return items.length > 0 ? [label, ...items.map(item => `- ${item}`)].join('\n') : undefined;
}

type Documented = Objective | Metric | UserType | Need | Solution | Question | Insight | Ticket | Milestone | Canvas;

/** How many insights, or things an insight backs, a hover names before "… and N more": a hover is read at a glance. */
const shownNames = 8;
/** How much of an answer or a source a hover quotes; the rest is in the file. */
const shownText = 300;

function cappedNames(items: ReadonlyArray<{ name?: string }>): string {
    const shown = items.slice(0, shownNames).map(item => escapeMarkdown(item.name ?? '')).join(', ');
    return items.length > shownNames ? `${shown} … and ${(items.length - shownNames).toLocaleString('en-US')} more` : shown;
}

/** `Evidence: 2 insights for · 1 against`, with the insights named; nothing for an element no insight speaks of. */
function evidenceLines(element: Evidenced, model: AlignmentModel): Array<string | undefined> {
    const evidence = model.evidenceOf(element);
    if (evidence.for.length + evidence.against.length === 0) return [];
    return [
        `Evidence: ${evidenceCount(evidence)}`,
        fieldLine([['for', cappedNames(evidence.for)], ['against', cappedNames(evidence.against)]])
    ];
}

/**
 * What an element is and how it stands, wherever the cursor names it (its definition or any reference):
 * the title and doc comment, then the facts that need the whole workspace, read from the alignment model
 * (metric progress, the chain from a ticket to the top objective) rather than recomputed per hover.
 */
export class StrategyHoverProvider extends MultilineCommentHoverProvider {
    constructor(private readonly services: StrategyLspServices) {
        super(services);
    }

    /** A name that stands for several needs (`addresses SaveTime` for two user types) shows each, ruled apart. */
    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const hover = await super.getHoverContent(document, params);
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(params.position), this.grammarConfig.nameRegexp);
        const targets = leaf ? this.references.findDeclarations(leaf) : [];
        if (!hover || targets.length < 2) return hover;
        const parts = targets.map(target => this.getAstNodeHoverContent(target)).filter(part => typeof part === 'string');
        return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') } };
    }

    protected override getAstNodeHoverContent(node: AstNode): string | undefined {
        const element = node as Documented;
        const body = this.bodyOf(element, this.services.strategy.WorkspaceModel.get());
        if (body === undefined) return super.getAstNodeHoverContent(node) as string | undefined;
        const kind = kindName(element.$type);
        const title = element.title ? `: ${escapeMarkdown(element.title)}` : '';
        const header = `**${kind[0].toUpperCase()}${kind.slice(1)} ${escapeMarkdown(element.name ?? '')}${title}**`;
        const doc = this.documentationProvider.getDocumentation(node);
        return [header, doc, ...body].filter(part => part).join('\n\n');
    }

    private bodyOf(element: Documented, model: AlignmentModel): Array<string | undefined> | undefined {
        switch (element.$type) {
            case 'Objective': return [...this.objective(element, model), ...evidenceLines(element, model)];
            case 'Metric': return this.metric(element, model);
            case 'Ticket': return this.ticket(element, model);
            case 'Solution': return this.solution(element, model);
            case 'Milestone': return this.milestone(element, model);
            case 'Need': return this.need(element);
            case 'UserType': return [labelledList('Needs:', element.needs.map(n => `${escapeMarkdown(n.name ?? '')}: ${escapeMarkdown(n.title ?? '')}`))];
            case 'Question': return this.question(element, model);
            case 'Insight': return this.insight(element);
            case 'Canvas': return [fieldLine([['kind', element.kind[0] && escapeMarkdown(element.kind[0])]])];
            default: return undefined;
        }
    }

    private objective(objective: Objective, model: AlignmentModel): Array<string | undefined> {
        const facts = model.facts(objective);
        const ancestors = model.ancestors(objective);
        const chain = ancestors.length > 0
            ? `Parent chain: ${[objective, ...ancestors].map(o => escapeMarkdown(o.name)).join(' → ')}`
            : undefined;
        const cycle = facts?.cycle
            ? `Parent cycle: ${facts.cycle.map(o => escapeMarkdown(o.name)).join(' → ')}`
            : undefined;
        const fields = fieldLine([
            ['focus', objective.focus[0] && escapeMarkdown(objective.focus[0])],
            ['horizon', objective.horizon[0] && escapeMarkdown(objective.horizon[0])],
            ['owner', objective.owner[0] && escapeMarkdown(objective.owner[0])]
        ]);
        const metrics = labelledList('Metrics:', this.metricLines(objective, model));
        return [chain, cycle, fields, metrics ?? this.unmeasured(objective, model)];
    }

    /** `MonthlyRepeatUsers: 20% → 22% → 30% by 2027-06-30 (20% of the way, off track)` per metric of its own. */
    private metricLines(objective: Objective, model: AlignmentModel, prefix = ''): string[] {
        return objective.metrics
            .map(ref => ref.ref)
            .filter((metric): metric is Metric => metric !== undefined)
            .map(metric => `${prefix}${escapeMarkdown(metric.name)}: ${escapeMarkdown(metricLine(metricTrace(model, metric)))}`);
    }

    private unmeasured(objective: Objective, model: AlignmentModel): string {
        return model.facts(objective)?.measured ? 'No metric of its own; measured through its sub-objectives' : 'No metric';
    }

    /** The figures with grade and forecast, the latest readings with their dates, and what the metric measures. */
    private metric(metric: Metric, model: AlignmentModel): Array<string | undefined> {
        const facts = model.metrics.get(metric);
        const objectives = facts?.objectives ?? [];
        const trace = metricTrace(model, metric);
        const measures = objectives.length > 0
            ? `Measures ${objectives.map(o => escapeMarkdown(o.name)).join(', ')}`
            : facts?.figures.kpi ? 'Health metric: watched inside its range, measures no objective' : 'Measures no objective';
        return [escapeMarkdown(metricLine(trace)), labelledList('Readings:', readingLines(trace).map(escapeMarkdown)), measures];
    }

    private ticket(ticket: Ticket, model: AlignmentModel): Array<string | undefined> {
        const chain = model.chainOf(ticket);
        const served = ticket.serves[0];
        let serves: string;
        if (chain.length > 0) serves = `serves ${chain.map(o => escapeMarkdown(o.name)).join(' → ')}`;
        else if (served) serves = `serves ${nameOf(served)} (not found)`;
        else serves = 'serves no objective';
        const metrics = chain.flatMap(objective => this.metricLines(objective, model, `${escapeMarkdown(objective.name)} · `));
        // A list may follow a paragraph directly, so the metrics sit right under the chain they belong to.
        const progress = chain.length === 0 ? serves
            : metrics.length > 0 ? [serves, ...metrics.map(m => `- ${m}`)].join('\n')
                : `${serves}\n\nNo objective on the chain has a metric`;
        const fields = fieldLine([
            ['implements', ticket.implements[0] && nameOf(ticket.implements[0])],
            ['kind', ticket.kind[0] && escapeMarkdown(ticket.kind[0])],
            ['status', ticket.status[0] && escapeMarkdown(ticket.status[0])],
            ['priority', ticket.priority[0] && escapeMarkdown(ticket.priority[0])],
            ['milestone', ticket.milestone[0] && nameOf(ticket.milestone[0])]
        ]);
        const link = ticket.link[0] && `link ${linkMarkdown(ticket.link[0])}`;
        return [progress, fields, link];
    }

    private solution(solution: Solution, model: AlignmentModel): Array<string | undefined> {
        const all = model.solutions.get(solution)?.tickets ?? [];
        const tickets = workOnly(all).length;
        const dropped = all.length - tickets;
        const fields = fieldLine([
            ['for', names(solution.users)],
            ['addresses', solution.needs.map(needNames).join(', ')],
            ['advances', names(solution.objectives)],
            ['status', solution.status[0] && escapeMarkdown(solution.status[0])],
            ['priority', solution.priority[0] && escapeMarkdown(solution.priority[0])]
        ]);
        const hypotheses = labelledList(solution.hypotheses.length === 1 ? 'Hypothesis:' : 'Hypotheses:', solution.hypotheses.map(escapeMarkdown));
        const count = `${plural(tickets, 'ticket')} ${tickets === 1 ? 'implements' : 'implement'} it${dropped > 0 ? ` (${dropped} dropped)` : ''}`;
        return [fields, hypotheses, count, ...evidenceLines(solution, model)];
    }

    /** What it asks about, whether it is answered, and the answer (its start, when long). */
    private question(question: Question, model: AlignmentModel): Array<string | undefined> {
        const fields = fieldLine([['about', names(question.subjects)], ['status', escapeMarkdown(question.status[0] ?? 'open')]]);
        const answer = question.answer[0] !== undefined ? `Answer: ${escapeMarkdown(clampText(oneLine(question.answer[0]), shownText))}` : undefined;
        return [fields, answer, ...evidenceLines(question, model)];
    }

    /** Where it was learned, and what it backs and speaks against (names that resolve to nothing as written). */
    private insight(insight: Insight): Array<string | undefined> {
        const source = insight.source[0] !== undefined ? `Source: ${escapeMarkdown(clampText(oneLine(insight.source[0]), shownText))}` : 'No source';
        const named = (refs: Insight['supports']) => cappedNames(refs.map(ref => ({ name: ref.ref?.name ?? ref.$refText })));
        return [source, fieldLine([['supports', named(insight.supports)], ['contradicts', named(insight.contradicts)]])];
    }

    /**
     * `by 2026-10-31 · 23 days late · OVERDUE: 2 tickets still live` (overdue said in words, not by colour), its
     * tickets by status, and the objectives it moves with the first metric of each as the hover of a ticket shows it.
     */
    private milestone(milestone: Milestone, model: AlignmentModel): Array<string | undefined> {
        const state = milestoneState(model, milestone);
        const written = milestone.by[0];
        const when = state.by === undefined
            ? (written ? `by ${escapeMarkdown(written)} (not a date)` : 'No date: add `by YYYY-MM-DD`')
            : [`by ${state.by}`, dueText(state.daysLeft ?? 0), state.overdue ? `OVERDUE: ${plural(state.live.length, 'ticket')} still live` : undefined]
                .filter(part => part).join(' · ');
        // Every ticket that names it, as the code lens counts; one with an unknown status is in no status's count.
        const total = model.milestones.get(milestone)?.tickets.length ?? 0;
        const byStatus = ticketStatuses.filter(status => state.counts[status] > 0).map(status => `${state.counts[status]} ${status}`);
        const tickets = total === 0 ? 'No ticket names it' : `${plural(total, 'ticket')}: ${byStatus.join(', ')}`;
        const objectives = milestoneObjectives(model, milestone).map(objective => {
            const [first] = this.metricLines(objective, model);
            return first ? `${escapeMarkdown(objective.name)} · ${first}` : `${escapeMarkdown(objective.name)} · ${this.unmeasured(objective, model).toLowerCase()}`;
        });
        const label = milestone.objectives.length > 0 ? 'Advances:' : 'Moves, through its tickets:';
        return [when, tickets, labelledList(label, objectives)];
    }

    private need(need: Need): Array<string | undefined> {
        const user = need.$container;
        const title = user?.title ? ` (${escapeMarkdown(user.title)})` : '';
        return [`Need of user type ${escapeMarkdown(user?.name ?? '')}${title}`];
    }
}
