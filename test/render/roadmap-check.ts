import { readFileSync } from 'node:fs';
import { previewView, type RoadmapView } from '../../src/model/preview-view.js';
import { workspace } from '../helpers.js';
import { modelOf } from './render-fixtures.js';
import { parseXml, type ParsedElement } from './xml-check.js';

// What the roadmap tests read from the drawing: the fixture's views, and the boxes and marker positions in the SVG.

export const fixtureText = readFileSync(new URL('../fixtures/roadmap/roadmap.strategy', import.meta.url), 'utf8');

export async function roadmapOf(files: Record<string, string>, id: string, today = '2026-11-23'): Promise<RoadmapView> {
    const view = previewView(modelOf(await workspace(files, today)), id);
    if (view?.view !== 'roadmap') throw new Error(`${id} is not a roadmap`);
    return view;
}

export interface Box {
    x: number;
    y: number;
    width: number;
    height: number;
}

export function boxOf(element: ParsedElement): Box {
    const [x, y, width, height] = ['x', 'y', 'width', 'height'].map(name => Number(element.attributes.get(name)));
    return { x, y, width, height };
}

export function overlaps(a: Box, b: Box): boolean {
    return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** The x of a milestone marker's tip: its path starts `M<x>,<y>`. */
export function markerX(path: ParsedElement): number {
    return Number(/^M([-\d.]+),/.exec(path.attributes.get('d') ?? '')![1]);
}

/** Each group of the given class (milestone, milestone-cluster, ticket, lane-header: none holds another group), parsed. */
export function groupsOf(svg: string, className: string): ParsedElement[][] {
    const pattern = new RegExp(`<g class="${className}(?: [^"]*)?"[^>]*>.*?</g>`, 'gs');
    return [...svg.matchAll(pattern)].map(match => parseXml(match[0], { fragment: true }));
}

export function textOf(elements: ParsedElement[]): string {
    return elements.filter(element => element.name === 'text').map(element => element.text).join(' | ');
}
