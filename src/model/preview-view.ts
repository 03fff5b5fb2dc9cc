import type { AstNode, Reference } from 'langium';
import type { Canvas, Metric, Need, Objective, Question, Solution, Ticket, UserType } from '../language/generated/ast.js';
import type { AlignmentModel } from './alignment.js';
import { buildAlignmentTree, metricNode, ticketNode, type AlignmentTree, type MetricNode, type TicketNode } from './alignment-tree.js';
import { elementFields, keywordLocation, propertyLocation, type ElementLocation } from './locations.js';
import { roadmapView, type RoadmapView } from './roadmap-view.js';
import { objectiveFilter, ticketFilter, type WorkFilter } from './work-filter.js';

// What the preview, the export commands and `strategy render` show, as plain data: it crosses the wire from the
// language server to the client and reaches the renderers (src/render/) without any AST behind it.

export type ItemKind = 'objective' | 'metric' | 'usertype' | 'need' | 'solution' | 'question' | 'ticket' | 'milestone' | 'canvas';

/** One element named in a canvas: where its definition is, or, when the name resolves to nothing, where it is written. */
export interface ItemView {
    kind: ItemKind;
    /** As written in the source; a need's is `UserType.Need`. */
    id: string;
    title: string;
    location: ElementLocation;
    /** The name resolves to no element of this kind; `location` is the reference in the canvas. */
    unresolved?: boolean;
}

/** Free text written in the canvas itself (problem, obstacle, play, win, a solution's hypothesis, a plan step). */
export interface TextView {
    text: string;
    location: ElementLocation;
}

export interface OutcomeView extends ItemView {
    metrics: MetricNode[];
    /** It has a metric itself or through a sub-objective. */
    measured: boolean;
}

export interface SolutionView extends ItemView {
    status?: string;
}

/** A question of a product canvas, with its answer once it is `status answered`. */
export interface QuestionView extends ItemView {
    answer?: TextView;
}

export interface UserOutcomesView {
    user: ItemView;
    needs: ItemView[];
}

export interface HypothesisView extends TextView {
    solution: ItemView;
}

export interface PlanStepView extends TextView {
    tickets: Array<TicketNode | ItemView>;
}

interface CanvasHeader {
    id: string;
    title: string;
    location: ElementLocation;
    /**
     * Where each field of the canvas is first written (its keyword), by keyword: `outcomes`, `plan`, `obstacle`…
     * Clicking a box reveals the field that fills it, or the canvas's name while the field is missing.
     */
    fields: Partial<Record<CanvasKeyword, ElementLocation>>;
}

const canvasKeywords = ['kind', 'problem', 'outcomes', 'users', 'solutions', 'questions', 'plan', 'goal', 'obstacle', 'play', 'win',
    'success', 'strength', 'weakness', 'opportunity', 'threat'] as const;
export type CanvasKeyword = typeof canvasKeywords[number];

function fieldsOf(canvas: Canvas): Partial<Record<CanvasKeyword, ElementLocation>> {
    const fields: Partial<Record<CanvasKeyword, ElementLocation>> = {};
    for (const keyword of canvasKeywords) {
        const location = keywordLocation(canvas, keyword);
        if (location) fields[keyword] = location;
    }
    return fields;
}

/** The Lean Product Canvas (Gothelf & Seiden): eight boxes filled from the model. */
export interface ProductCanvasView extends CanvasHeader {
    view: 'product';
    problem: TextView[];
    outcomes: OutcomeView[];
    users: ItemView[];
    userOutcomes: UserOutcomesView[];
    solutions: SolutionView[];
    hypotheses: HypothesisView[];
    questions: QuestionView[];
    plan: PlanStepView[];
}

/** The Lean Strategy Canvas: goal, what is in our way, where we play and how we win, how we know it works. */
export interface StrategyCanvasView extends CanvasHeader {
    view: 'strategy';
    goal: OutcomeView[];
    obstacles: TextView[];
    play: TextView[];
    win: TextView[];
    success: Array<MetricNode | ItemView>;
    /** The workspace's vision, above the canvas (`AlignmentModel.vision`). */
    vision?: string;
}

/** SWOT: what helps and what harms, inside (strengths, weaknesses) and outside (opportunities, threats). */
export interface SwotCanvasView extends CanvasHeader {
    view: 'swot';
    strengths: TextView[];
    weaknesses: TextView[];
    opportunities: TextView[];
    threats: TextView[];
}

/** The objective tree with metrics, solutions and tickets, and the work aligned to none. */
export interface MapView {
    view: 'map';
    title: string;
    tree: AlignmentTree;
    vision?: string;
}

export type { RoadmapView } from './roadmap-view.js';

export type PreviewView = ProductCanvasView | StrategyCanvasView | SwotCanvasView | RoadmapView | MapView;

/** The stable key of an element in a rendered view (`data-element`), shared by highlighting and tests. */
export function elementKey(kind: ItemKind, id: string): string {
    return `${kind}:${id}`;
}

/** The canvas fields of free text, by the name their keys use: a plan's steps are `steps`. */
export type TextField = 'problem' | 'hypotheses' | 'steps' | 'obstacles' | 'play' | 'win' | 'answers' | SwotField;

/** A SWOT canvas's fields, by their property (and text key) names. */
export type SwotField = 'strengths' | 'weaknesses' | 'opportunities' | 'threats';

/**
 * The key of the index-th text of a field in a rendered canvas (`text:<canvas>/<field>/<index>`): the renderers
 * write it and the server answers it for the cursor, so both must build it here.
 */
export function textKey(canvasId: string, field: TextField, index: number): string {
    return `text:${canvasId}/${field}/${index}`;
}

function itemOf(kind: ItemKind, element: { name: string; title?: string } & AstNode): ItemView {
    return { kind, ...elementFields(element) };
}

function unresolved(kind: ItemKind, owner: Canvas, property: string, index: number, reference: Reference): ItemView {
    return { kind, id: reference.$refText, title: '', location: propertyLocation(owner, property, index), unresolved: true };
}

/** Each reference of a canvas list, resolved or marked unresolved at the place it is written. */
function listed<T extends AstNode & { name: string }, V>(
    canvas: Canvas, property: keyof Canvas & string, kind: ItemKind, resolved: (element: T) => V
): Array<V | ItemView> {
    const references = canvas[property] as unknown as Array<Reference<T>>;
    return references.map((reference, index) => (reference.ref ? resolved(reference.ref) : unresolved(kind, canvas, property, index, reference)));
}

function resolvedOnly<V>(items: Array<V | ItemView>): V[] {
    return items.filter(item => !(item as ItemView).unresolved) as V[];
}

function texts(owner: AstNode & { name: string }, property: string, values: readonly string[]): TextView[] {
    return values.map((text, index) => ({ text, location: propertyLocation(owner, property, index) }));
}

function outcomeOf(model: AlignmentModel, objective: Objective): OutcomeView {
    const metrics = [...new Set(objective.metrics.map(ref => ref.ref))].filter((metric): metric is Metric => metric !== undefined);
    return {
        ...itemOf('objective', objective),
        metrics: metrics.map(metric => metricNode(model, metric)),
        measured: model.facts(objective)?.measured ?? false
    };
}

/** An unresolved objective is listed too, with no metrics, so the box shows what the canvas names. */
function outcomes(model: AlignmentModel, canvas: Canvas, property: 'outcomes' | 'goal'): OutcomeView[] {
    return listed<Objective, OutcomeView>(canvas, property, 'objective', objective => outcomeOf(model, objective))
        .map(item => ('metrics' in item ? item : { ...item, metrics: [], measured: false }));
}

function needItem(user: UserType, need: Need): ItemView {
    return { ...itemOf('need', need), id: `${user.name}.${need.name}` };
}

/** An answer is shown only under `status answered`: an open question's draft answer is not yet what was learned. */
function questionItem(question: Question): QuestionView {
    const answered = question.status[0] === 'answered' && question.answer.length > 0;
    return answered ? { ...itemOf('question', question), answer: texts(question, 'answer', question.answer)[0] } : itemOf('question', question);
}

function solutionItem(solution: Solution): SolutionView {
    return { ...itemOf('solution', solution), status: solution.status[0] };
}

/** A canvas without a valid `kind` is shown as the kind its fields belong to. */
export function canvasKindOf(canvas: Canvas): 'product' | 'strategy' {
    const kind = canvas.kind[0];
    if (kind === 'product' || kind === 'strategy') return kind;
    const strategyFields = canvas.goal.length + canvas.obstacles.length + canvas.play.length + canvas.win.length + canvas.success.length;
    return strategyFields > 0 ? 'strategy' : 'product';
}

function headerOf(canvas: Canvas): CanvasHeader {
    return { ...elementFields(canvas), fields: fieldsOf(canvas) };
}

function productCanvas(model: AlignmentModel, canvas: Canvas): ProductCanvasView {
    const users = listed<UserType, UserType>(canvas, 'users', 'usertype', user => user);
    const solutions = listed<Solution, Solution>(canvas, 'solutions', 'solution', solution => solution);
    return {
        view: 'product',
        ...headerOf(canvas),
        problem: texts(canvas, 'problem', canvas.problem),
        outcomes: outcomes(model, canvas, 'outcomes'),
        users: users.map(user => ('$type' in user ? itemOf('usertype', user) : user)),
        userOutcomes: resolvedOnly(users).map(user => ({
            user: itemOf('usertype', user),
            needs: user.needs.map(need => needItem(user, need))
        })),
        solutions: solutions.map(solution => ('$type' in solution ? solutionItem(solution) : solution)),
        hypotheses: resolvedOnly(solutions).flatMap(solution => texts(solution, 'hypotheses', solution.hypotheses)
            .map(text => ({ ...text, solution: itemOf('solution', solution) }))),
        questions: listed<Question, QuestionView>(canvas, 'questions', 'question', questionItem),
        plan: canvas.steps.map(step => ({
            text: step.title ?? '', // undefined while the parser recovered `step` without its text
            location: propertyLocation(step, 'title', 0),
            tickets: step.tickets.map((reference, index) => reference.ref
                ? ticketNode(reference.ref as Ticket)
                : { kind: 'ticket' as const, id: reference.$refText, title: '', unresolved: true, location: propertyLocation(step, 'tickets', index) })
        }))
    };
}

function strategyCanvas(model: AlignmentModel, canvas: Canvas): StrategyCanvasView {
    return {
        view: 'strategy',
        ...headerOf(canvas),
        goal: outcomes(model, canvas, 'goal'),
        obstacles: texts(canvas, 'obstacles', canvas.obstacles),
        play: texts(canvas, 'play', canvas.play),
        win: texts(canvas, 'win', canvas.win),
        success: listed<Metric, MetricNode>(canvas, 'success', 'metric', metric => metricNode(model, metric)),
        vision: model.vision
    };
}

function swotCanvas(canvas: Canvas): SwotCanvasView {
    const field = (property: SwotField): TextView[] => texts(canvas, property, canvas[property]);
    return { view: 'swot', ...headerOf(canvas), strengths: field('strengths'), weaknesses: field('weaknesses'),
        opportunities: field('opportunities'), threats: field('threats') };
}

export function canvasView(model: AlignmentModel, canvas: Canvas): ProductCanvasView | StrategyCanvasView | SwotCanvasView | RoadmapView {
    if (canvas.kind[0] === 'roadmap') return roadmapView(model, canvas);
    if (canvas.kind[0] === 'swot') return swotCanvas(canvas);
    return canvasKindOf(canvas) === 'strategy' ? strategyCanvas(model, canvas) : productCanvas(model, canvas);
}

/** The map; with a filter, only the work it keeps and the objectives on its path (`TreeFilter`). */
export function mapView(model: AlignmentModel, filter: WorkFilter = {}): MapView {
    const ticket = ticketFilter(model, filter);
    const tree = ticket ? buildAlignmentTree(model, { ticket, objective: objectiveFilter(model, filter) }) : buildAlignmentTree(model);
    return { view: 'map', title: 'Alignment map', tree, vision: model.vision };
}

/** Every canvas of the workspace with this ID (more than one only with a `duplicate-id` error). */
export function canvasesNamed(model: AlignmentModel, id: string): Canvas[] {
    return (model.byName.get(id) ?? []).filter((element): element is Canvas => element.$type === 'Canvas');
}

/**
 * The canvas with this ID, or the alignment map (filtered by `filter`) when no ID is given; undefined when no
 * canvas has the ID.
 */
export function previewView(model: AlignmentModel, canvasId?: string, filter?: WorkFilter): PreviewView | undefined {
    if (canvasId === undefined) return mapView(model, filter);
    const canvas = canvasesNamed(model, canvasId)[0];
    return canvas ? canvasView(model, canvas) : undefined;
}

/** A filtered map that keeps nothing at all: the preview says so rather than show an empty map. */
export function keepsNothing(view: MapView): boolean {
    const tree = view.tree;
    return tree.objectives.length === 0 && tree.orphanTickets.length === 0 && tree.unalignedSolutions.length === 0 && tree.healthMetrics.length === 0;
}

/** What the preview's title bar and the exported file's title say. */
export function viewTitle(view: PreviewView): string {
    return view.view === 'map' ? view.title : view.title || view.id;
}

export { sourceUris } from './view-sources.js';
