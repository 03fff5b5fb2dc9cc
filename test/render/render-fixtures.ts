import { readdirSync, readFileSync } from 'node:fs';
import type { AlignmentModel } from '../../src/model/alignment.js';
import { previewView, type MapView, type ProductCanvasView, type StrategyCanvasView } from '../../src/model/preview-view.js';
import { workspace, type Workspace } from '../helpers.js';

// The example and the hostile fixture loaded once for all renderer tests, and the views the preview shows of them.

const folders = {
    shopApp: new URL('../../examples/shop-app/', import.meta.url),
    hostile: new URL('../fixtures/hostile/', import.meta.url)
};

export function filesOf(folder: URL): Record<string, string> {
    return Object.fromEntries(readdirSync(folder).filter(file => file.endsWith('.strategy'))
        .map(file => [file, readFileSync(new URL(file, folder), 'utf8')]));
}

const loaded = new Map<keyof typeof folders, Promise<Workspace>>();

export function fixture(name: keyof typeof folders): Promise<Workspace> {
    let ws = loaded.get(name);
    if (!ws) {
        ws = workspace(filesOf(folders[name]), '2026-11-23');
        loaded.set(name, ws);
    }
    return ws;
}

export function modelOf(ws: Workspace): AlignmentModel {
    return ws.services.strategy.WorkspaceModel.get();
}

export async function productView(name: keyof typeof folders, id: string): Promise<ProductCanvasView> {
    const view = previewView(modelOf(await fixture(name)), id);
    if (view?.view !== 'product') throw new Error(`${id} is not a product canvas`);
    return view;
}

export async function strategyView(name: keyof typeof folders, id: string): Promise<StrategyCanvasView> {
    const view = previewView(modelOf(await fixture(name)), id);
    if (view?.view !== 'strategy') throw new Error(`${id} is not a strategy canvas`);
    return view;
}

export async function mapOf(ws: Workspace): Promise<MapView> {
    return previewView(modelOf(ws)) as MapView;
}
