import { elementKey } from '../../model/preview-view.js';
import type { RoadmapLane, RoadmapTicket, RoadmapView } from '../../model/roadmap-view.js';
import { escapeHtml } from '../escape.js';
import { elementAttributes, elementLink, type ElementHref } from '../item-markup.js';
import { round } from '../progress-markup.js';
import { wrapText } from '../svg/text-wrap.js';
import { axisOf, type Axis } from './roadmap-axis.js';
import { clusterWidth, labelWidth, overhang, placeLane, type Cluster, type LanePlacement, type PlacedMilestone } from './roadmap-placement.js';
import { countsText, laneTitle, milestoneStatusText, milestoneSummary, objectiveGradeText, ticketLine } from './roadmap-text.js';

// The roadmap as SVG: lane names on the left, the timeline (quarters and months, gridlines, today's line) with each
// lane's milestones, and the "Unscheduled" column on the right. Every text is cut to its place with the whole in
// <title>, so the drawing keeps its shape whatever the titles.

const headerWidth = 180;
const gap = 12;
const unscheduledWidth = 240;
const axisHeight = 44;
const footerHeight = 22;
const rowHeight = 50;
const clusterHeight = 24;
const lineHeight = 16;
const lanePad = 8;
/** Tickets listed per lane at least room allowing; the rest are counted. */
const minTicketLines = 6;

export interface DrawnRoadmap {
    width: number;
    height: number;
    body: string;
}

const line = (text: string, width: number, fontSize = 11, bold = false) => escapeHtml(wrapText(text, width, { fontSize, bold, maxLines: 1 })[0] ?? '');

function milestoneSvg(placed: PlacedMilestone, top: number, x0: number, interactive: boolean, href?: ElementHref): string {
    const { milestone } = placed;
    const y = top + placed.row * rowHeight;
    const left = x0 + placed.left;
    const x = x0 + placed.x;
    const text = left + 10;
    const width = labelWidth - 16;
    const classes = `milestone${milestone.overdue ? ' overdue' : ''}`;
    const status = milestoneStatusText(milestone);
    const key = elementKey('milestone', milestone.id);
    return `<g class="${classes}"${elementAttributes(key, milestone.location, interactive)} data-date="${escapeHtml(milestone.date)}">`
        + `<rect class="milestone-bg" x="${round(left)}" y="${y}" width="${labelWidth}" height="${rowHeight - 6}" rx="4"/>`
        + `<title>${escapeHtml(milestoneSummary(milestone))}</title>`
        + `<path class="milestone-marker" d="M${round(x)},${y - 7} l5,6 l-5,6 l-5,-6 z"/>`
        + elementLink(key, `<text class="t-id" x="${round(text)}" y="${y + 14}">${line(`${milestone.id} ${milestone.title}`, width, 11.5, true)}</text>`, href)
        + `<text class="t-muted t-small" x="${round(text)}" y="${y + 27}">${line(countsText(milestone.counts), width)}</text>`
        + `<text class="t-small${milestone.overdue ? ' milestone-overdue' : ''}" x="${round(text)}" y="${y + 40}">${line(status, width)}</text></g>`;
}

function clusterSvg(cluster: Cluster, y: number, x0: number): string {
    const shown = cluster.milestones.slice(0, 20).map(milestone => `${milestone.id} (${milestone.date})`);
    const more = cluster.milestones.length - shown.length;
    const list = shown.join(', ') + (more > 0 ? ` and ${more} more` : '');
    const overdue = cluster.milestones.filter(milestone => milestone.overdue).length;
    return `<g class="milestone-cluster${overdue > 0 ? ' overdue' : ''}">`
        + `<rect class="cluster-bg" x="${round(x0 + cluster.left)}" y="${y}" width="${clusterWidth}" height="${clusterHeight - 4}" rx="4"/>`
        + `<title>${escapeHtml(list)}</title>`
        + `<path class="milestone-marker" d="M${round(x0 + cluster.x)},${y - 7} l5,6 l-5,6 l-5,-6 z"/>`
        + `<text class="t-small" x="${round(x0 + cluster.left + 10)}" y="${y + 14}">${cluster.milestones.length} milestones${overdue > 0 ? `, ${overdue} overdue` : ''}</text></g>`;
}

function ticketsSvg(tickets: RoadmapTicket[], top: number, left: number, lines: number, interactive: boolean, href?: ElementHref): string {
    const shown = tickets.length > lines ? tickets.slice(0, lines - 1) : tickets;
    const rows = shown.map((ticket, index) => {
        const y = top + index * lineHeight;
        const key = elementKey('ticket', ticket.id);
        return `<g class="ticket"${elementAttributes(key, ticket.location, interactive)}>`
            + `<rect class="row-bg" x="${left}" y="${y}" width="${unscheduledWidth}" height="${lineHeight}"/>`
            + `<title>${escapeHtml(`${ticketLine(ticket)} (${ticket.status ?? 'todo'})`)}</title>`
            + elementLink(key, `<text class="t-small" x="${left + 4}" y="${y + 12}">${line(ticketLine(ticket), unscheduledWidth - 8)}</text>`, href) + '</g>';
    });
    const more = tickets.length - shown.length;
    if (more > 0) rows.push(`<text class="t-muted t-small unscheduled-more" x="${left + 4}" y="${top + shown.length * lineHeight + 12}">+ ${more} more</text>`);
    if (tickets.length === 0) rows.push(`<text class="t-hint t-small" x="${left + 4}" y="${top + 12}">none</text>`);
    return rows.join('');
}

function laneHeaderSvg(lane: RoadmapLane, top: number, interactive: boolean, href?: ElementHref): string {
    const title = wrapText(laneTitle(lane), headerWidth - 16, { fontSize: 12, bold: true, maxLines: 2 });
    const texts = title.map((text, index) => `<text class="t-id" x="8" y="${top + 16 + index * 15}">${escapeHtml(text)}</text>`).join('');
    const gradeY = top + 18 + title.length * 15;
    if (!lane.objective) {
        return `<g class="lane-header">${texts}<text class="t-hint t-small" x="8" y="${gradeY}">work under no lane</text></g>`;
    }
    const { objective } = lane;
    const grade = objectiveGradeText(objective);
    const key = elementKey('objective', objective.id);
    // The lane's name is the objective's title (its ID when it has none): the name links to the objective.
    return `<g class="lane-header"${elementAttributes(key, objective.location, interactive)}>`
        + `<rect class="row-bg" x="0" y="${top}" width="${headerWidth}" height="${gradeY - top + 6}"/>`
        + `<title>${escapeHtml(`${objective.id} ${objective.title}: ${grade}`)}</title>${elementLink(key, texts, href)}`
        + `<text class="t-small grade-text${objective.grade ? ` grade-${objective.grade}` : ''}" x="8" y="${gradeY}">${line(grade, headerWidth - 16)}</text></g>`;
}

function laneHeight(lane: RoadmapLane, placement: LanePlacement): number {
    const milestones = placement.rows * rowHeight + (placement.clusters.length > 0 ? clusterHeight : 0);
    const tickets = (Math.min(lane.unscheduled.length, minTicketLines) || 1) * lineHeight;
    return Math.max(milestones, tickets, 60) + 2 * lanePad;
}

function axisSvg(axis: Axis, x0: number, bottom: number): string {
    const periods = axis.periods.map(span => `<path class="grid-period" d="M${round(x0 + span.x)},0 V${bottom}"/>`
        + `<text class="t-label axis-period" x="${round(x0 + span.x + 4)}" y="14">${escapeHtml(span.label)}</text>`);
    const months = axis.months.map(span => `<rect class="axis-month" data-month="${span.start.slice(0, 7)}" x="${round(x0 + span.x)}" y="20" width="${round(span.width)}" height="20"/>`
        + `<path class="grid-month" d="M${round(x0 + span.x)},20 V${bottom}"/>`
        + `<text class="t-muted t-small" x="${round(x0 + span.x + span.width / 2)}" y="34" text-anchor="middle">${span.label}</text>`);
    return `<g class="axis">${months.join('')}${periods.join('')}<path class="grid-period" d="M${round(x0 + axis.width)},0 V${bottom}"/></g>`;
}

function todaySvg(view: RoadmapView, axis: Axis, x0: number, bottom: number): string {
    if (view.today < view.from || view.today > view.to) return '';
    const x = round(x0 + axis.x(view.today));
    return `<g class="today" data-date="${escapeHtml(view.today)}"><path class="today-line" d="M${x},20 V${bottom}"/>`
        + `<text class="today-label" x="${x}" y="${bottom + 15}" text-anchor="middle">today</text></g>`;
}

/**
 * The roadmap's drawing, without the enclosing <svg>: axis, lanes, milestones, Unscheduled, today. `href`: the static
 * site's links around each milestone's, ticket's and lane's label.
 */
export function drawRoadmap(view: RoadmapView, interactive: boolean, href?: ElementHref): DrawnRoadmap {
    const axis = axisOf(view.from, view.to);
    const x0 = headerWidth + gap;
    const unscheduledLeft = x0 + axis.width + overhang + gap;
    const width = unscheduledLeft + unscheduledWidth + gap;
    const backgrounds: string[] = [];
    const lanes: string[] = [];
    let top = axisHeight;
    view.lanes.forEach((lane, index) => {
        const placement = placeLane(lane.milestones, axis.x, axis.width);
        const height = laneHeight(lane, placement);
        const ticketLines = Math.max(1, Math.floor((height - 2 * lanePad) / lineHeight));
        const clustersY = top + lanePad + placement.rows * rowHeight;
        // Backgrounds go under the gridlines, the lanes' content over them.
        backgrounds.push(`<rect class="lane-bg${index % 2 ? ' lane-alt' : ''}" x="0" y="${top}" width="${width}" height="${height}"/>`);
        lanes.push(`<g class="lane" data-lane="${index}">`
            + laneHeaderSvg(lane, top, interactive, href)
            + placement.placed.map(placed => milestoneSvg(placed, top + lanePad, x0, interactive, href)).join('')
            + placement.clusters.map(cluster => clusterSvg(cluster, clustersY, x0)).join('')
            + ticketsSvg(lane.unscheduled, top + lanePad, unscheduledLeft, ticketLines, interactive, href) + '</g>');
        top += height;
    });
    if (view.lanes.length === 0) {
        lanes.push(`<text class="t-hint" x="8" y="${top + 24}">No lanes: write objectives, or name them in the canvas's lanes.</text>`);
        top += 40;
    }
    const bottom = top;
    const head = `<text class="t-label" x="8" y="34">Lanes</text><text class="t-label" x="${unscheduledLeft + 4}" y="34">Unscheduled</text>`;
    // Today's line runs under the labels, so it never strikes through their text.
    const body = `<g class="lane-backgrounds">${backgrounds.join('')}</g>${axisSvg(axis, x0, bottom)}${head}`
        + `${todaySvg(view, axis, x0, bottom)}<g class="lanes">${lanes.join('\n')}</g>`;
    return { width, height: bottom + footerHeight, body };
}
