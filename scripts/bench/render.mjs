// Benchmark: the renderers (src/render/) as the preview runs them, in a fresh Node process so the first ("cold")
// render pays what a newly opened preview pays (JIT warm-up). The warm figures come after ten more unmeasured
// renders, as in a preview left open. The renderer is bundled by esbuild as out/server.cjs bundles it, into a
// temporary file with a driver; the example's canvases come from examples/shop-app, the maps from generated
// workspaces of 200 and 2,000 elements (objectives + metrics + solutions + tickets), each placed anew on every render.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { generateWorkspace } from './generate-workspace.mjs';
import { measureNode, stats } from './measure.mjs';

export const name = 'render';
export const description = 'renderers in a fresh process: the example canvases (preview fragment), alignment maps with layout, the bench workspace\'s roadmap';
/** What the issues ask: a canvas under 20 ms, a 200-element map under 100 ms including layout, the bench roadmap under 200 ms, the team map under 150 ms. */
export const targets = { canvasMs: 20, map200Ms: 100, roadmapMs: 200, teamMapMs: 150 };

/** The driver bundled with the renderer: renders each case cold once, then `warm` times, and prints the timings as JSON. */
const driver = `
import './src/node-compat.ts';
import { loadWorkspace } from './src/cli/load-workspace.ts';
import { previewView } from './src/model/preview-view.ts';
import { renderView } from './src/render/render-view.ts';

const [casesJson, today] = process.argv.slice(2);
const warmUp = 10;
const results = [];
for (const { label, folder, canvas, warm, withView } of JSON.parse(casesJson)) {
    const { services } = await loadWorkspace([folder], today);
    const model = services.strategy.WorkspaceModel.get();
    const view = previewView(model, canvas);
    if (!view) throw new Error(label + ': no such view');
    const once = async () => {
        const started = performance.now();
        // withView: the view is read from the model each time too, as the preview's render request does.
        const output = await renderView(withView ? previewView(model, canvas) : view, 'fragment');
        return { ms: performance.now() - started, bytes: output.length };
    };
    const cold = await once();
    for (let i = 0; i < warmUp; i++) await once();
    const samples = [];
    for (let i = 0; i < warm; i++) samples.push((await once()).ms);
    results.push({ label, coldMs: cold.ms, bytes: cold.bytes, samples });
}
console.log(JSON.stringify(results));
`;

/** A workspace of `objectives` × 5 elements: a tree three wide, each objective with a metric, a solution and two tickets. */
export function generateMap(folder, objectives) {
    mkdirSync(folder, { recursive: true });
    const lines = [];
    for (let i = 0; i < objectives; i++) {
        const parent = i === 0 ? '' : ` parent O${Math.floor((i - 1) / 3)}`;
        const current = 10 + ((i * 37) % 11);
        lines.push(`objective O${i} "Objective ${i}: grow what matters for segment ${i % 17}" {${parent} metric M${i} }`,
            `metric M${i} "Metric ${i} of the objective" { unit "%" baseline 10 target 20 by 2027-06-30 current ${current} }`);
        // One solution in fifty advances nothing; one in three also advances the parent objective.
        const advances = i % 50 === 49 ? '' : ` advances O${i}${i > 0 && i % 3 === 0 ? `, O${Math.floor((i - 1) / 3)}` : ''}`;
        lines.push(`solution S${i} "Solution ${i} for the objective" {${advances} status idea }`);
        for (const suffix of ['A', 'B']) {
            // One ticket in fifty serves nothing.
            const serves = (i * 2 + (suffix === 'A' ? 0 : 1)) % 50 === 7 ? '' : ` serves O${i}`;
            lines.push(`ticket T-${i}${suffix} "Ticket ${i}${suffix}: build the next step" {${serves} kind feature status todo }`);
        }
    }
    writeFileSync(join(folder, 'map.strategy'), lines.join('\n') + '\n');
}

const priorities = ['critical', 'high', 'medium', 'low'];

/**
 * The bench workspace (generate-workspace.mjs) with a roadmap: 40 milestones over 2027-2028, each advancing a
 * top-level objective; three tickets in five name one (the rest are unscheduled), every other one has a priority.
 * The tickets are edited in place, so the generator stays as it is.
 */
export function addRoadmap(folder) {
    const files = readdirSync(folder, { recursive: true }).map(String).filter(file => file.endsWith('.strategy')).map(file => join(folder, file));
    const texts = files.map(file => readFileSync(file, 'utf8'));
    const objectives = texts.flatMap(text => [...text.matchAll(/^objective (\S+) "[^"]*" \{\n((?:  .*\n)*?)\}/gm)])
        .filter(match => !/^\s*parent /m.test(match[2])).map(match => match[1]);
    const milestones = Array.from({ length: 40 }, (_, i) => {
        const by = new Date(Date.UTC(2027, 0, 1) + Math.floor(i * 730 / 40) * 86_400_000).toISOString().slice(0, 10);
        return `milestone BenchM${i} "Milestone ${i} of the bench roadmap" {\n  by ${by}\n  advances ${objectives[i % objectives.length]}\n}\n`;
    });
    let ticket = 0;
    files.forEach((file, index) => writeFileSync(file, texts[index].replace(/^(ticket \S+ "[^"]*" \{\n)/gm, opening => {
        const n = ticket++;
        const milestone = n % 5 < 3 ? `  milestone BenchM${n % 40}\n` : '';
        const priority = n % 2 === 0 ? `  priority ${priorities[(n / 2) % 4]}\n` : '';
        return opening + milestone + priority;
    })));
    writeFileSync(join(folder, 'roadmap.strategy'), milestones.join('\n') + '\ncanvas BenchRoadmap "Bench roadmap" {\n  kind roadmap\n}\n');
    return { milestones: milestones.length, tickets: ticket, lanes: objectives.length };
}

function percentile(values, share) {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

export async function run({ root, runs, today, log }) {
    const scratch = mkdtempSync(join(tmpdir(), 'strategy-bench-render-'));
    try {
        const bundle = join(scratch, 'render-bench.cjs');
        await esbuild.build({
            stdin: { contents: driver, resolveDir: root, sourcefile: 'render-bench.ts', loader: 'ts' },
            absWorkingDir: root, bundle: true, format: 'esm', platform: 'node', target: 'node20',
            outfile: bundle.replace(/\.cjs$/, '.mjs'), logLevel: 'warning',
            // Langium's CommonJS dependencies call require(); an ES module bundle needs one.
            banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" }
        });
        const warm = Math.max(10, runs * 4);
        const cases = [
            { label: 'canvas AppRecurrence (product)', folder: join(root, 'examples', 'shop-app'), canvas: 'AppRecurrence', warm, target: targets.canvasMs },
            { label: 'canvas Growth2027 (strategy)', folder: join(root, 'examples', 'shop-app'), canvas: 'Growth2027', warm, target: targets.canvasMs },
            { label: 'map 200 elements', objectives: 40, warm, target: targets.map200Ms },
            { label: 'map 2,000 elements', objectives: 400, warm: Math.max(3, runs) },
            // A keystroke's map: the view read from the model and rendered, as the preview's render request does.
            { label: 'team workspace map (20 objectives, 300 tickets), view read each time', team: true, withView: true, warm, target: targets.teamMapMs },
            { label: 'roadmap of the 10,000-element workspace, 40 milestones, view read each time', roadmap: true, canvas: 'BenchRoadmap', withView: true, warm, target: targets.roadmapMs }
        ];
        for (const each of cases.filter(c => c.roadmap)) {
            each.folder = join(scratch, 'roadmap');
            generateWorkspace(each.folder, { files: 1000, elements: 10000 });
            const added = addRoadmap(each.folder);
            log(`  roadmap workspace: ${added.milestones} milestones, ${added.tickets} tickets, ${added.lanes} lanes`);
        }
        for (const each of cases.filter(c => c.team)) {
            each.folder = join(scratch, 'team');
            generateWorkspace(each.folder, { team: true });
        }
        for (const each of cases.filter(c => c.objectives)) {
            each.folder = join(scratch, `map-${each.objectives}`);
            generateMap(each.folder, each.objectives);
        }
        const result = await measureNode([bundle.replace(/\.cjs$/, '.mjs'), JSON.stringify(cases), today], { cwd: root });
        if (result.code !== 0) {
            return [{ benchmark: 'render', runs: 0, failed: `exit status ${result.code}: ${result.stderr.trim().split('\n').slice(-3).join(' ')}` }];
        }
        const measured = JSON.parse(result.stdout.trim().split('\n').pop());
        return measured.map((entry, index) => {
            const time = stats(entry.samples);
            const target = cases[index].target;
            log(`  ${entry.label}: cold ${entry.coldMs.toFixed(1)} ms, warm median ${time.median.toFixed(1)} ms over ${entry.samples.length}, ${(entry.bytes / 1024).toFixed(0)} KB`);
            return {
                benchmark: `render ${entry.label}`,
                runs: entry.samples.length,
                medianMs: time.median,
                minMs: time.min,
                maxMs: time.max,
                p95Ms: percentile(entry.samples, 0.95),
                peakRssMb: index === 0 ? result.maxRssMb : undefined,
                targets: target === undefined ? undefined : { medianMs: target },
                note: `cold ${entry.coldMs.toFixed(1)} ms; ${(entry.bytes / 1024).toFixed(0)} KB`
            };
        });
    } finally {
        rmSync(scratch, { recursive: true, force: true });
    }
}

// `node scripts/bench/render.mjs [folder objectives]` writes a generated map workspace, to look at it in the editor.
if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href && process.argv[2]) {
    generateMap(process.argv[2], Number(process.argv[3] ?? 40));
    console.log(`wrote ${join(process.argv[2], 'map.strategy')}`);
}
