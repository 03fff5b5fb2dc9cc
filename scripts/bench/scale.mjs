// Benchmark: inputs far beyond a real strategy, to show that nothing falls over (issue 6, "scale"): a single
// 10 MB file, 50,000 tickets in one file, an objective tree 1,000 levels deep (and a cycle through all of it),
// 10,000 files, and a workspace under a large node_modules that must never be read. Each case runs the built
// CLI in a fresh process (check, trace, and render where it applies) and fails on a crash, a stack overflow or an
// exit status other than the one expected.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measureNode, stats } from './measure.mjs';

export const name = 'scale';
export const description = 'huge inputs: 10 MB file, 50,000 tickets, 1,000-deep tree, 10,000 files, large node_modules';
export const targets = {};

const objective = (id, parent) => `objective ${id} "Objective ${id}" {\n${parent ? `  parent ${parent}\n` : ''}  metric M${id}\n}\n`;
const metric = id => `metric M${id} "Metric of ${id}" {\n  unit "%"\n  baseline 10\n  target 20 by 2030-01-01\n  current 12\n}\n`;
const ticket = (id, serves) => `ticket ${id} "Ticket ${id} with a title long enough to look like a real one" {\n  serves ${serves}\n  kind feature\n  status todo\n}\n`;

/** Each case: its files, the commands to run on it, and the exit status `check` must give. */
function cases() {
    const bigFile = () => {
        const parts = [objective('Root'), metric('Root')];
        let size = 0;
        for (let i = 0; size < 10 * 1024 * 1024; i++) {
            const text = objective(`O${i}`, 'Root') + metric(`O${i}`) + ticket(`BIG-${i}`, `O${i}`);
            parts.push(text);
            size += text.length;
        }
        return { 'big.strategy': parts.join('\n') };
    };
    const tickets = () => {
        const parts = [objective('Goal'), metric('Goal')];
        for (let i = 0; i < 50_000; i++) parts.push(ticket(`T-${i}`, 'Goal'));
        return { 'tickets.strategy': parts.join('\n') };
    };
    const deep = cycle => () => {
        const parts = [];
        for (let i = 0; i < 1000; i++) parts.push(objective(`D${i}`, i > 0 ? `D${i - 1}` : cycle ? 'D999' : undefined), metric(`D${i}`), ticket(`DEEP-${i}`, `D${i}`));
        return { 'deep.strategy': parts.join('\n') };
    };
    const manyFiles = () => {
        const files = { 'goal.strategy': objective('Goal') + metric('Goal') };
        for (let i = 0; i < 10_000; i++) files[`f${Math.floor(i / 500)}/t${i}.strategy`] = ticket(`MANY-${i}`, 'Goal');
        return files;
    };
    const nodeModules = () => {
        const files = { 'strategy/goal.strategy': objective('Goal') + metric('Goal') + ticket('REAL-1', 'Goal') };
        // Broken on purpose: were any of these read, check would report errors and count them.
        for (let i = 0; i < 20_000; i++) files[`node_modules/pkg${Math.floor(i / 100)}/lib/f${i}.strategy`] = 'ticket BROKEN { serves Nowhere';
        return files;
    };
    return [
        { name: '10 MB file', make: bigFile, commands: [['check'], ['trace', '--format', 'json']], status: 0 },
        { name: '50,000 tickets in one file', make: tickets, commands: [['check'], ['trace', '--format', 'json'], ['render', '--format', 'md']], status: 0 },
        { name: 'objective tree 1,000 deep', make: deep(false), commands: [['check'], ['trace'], ['render', '--format', 'html'], ['render', '--format', 'md']], status: 0 },
        { name: 'objective cycle 1,000 long', make: deep(true), commands: [['check'], ['trace'], ['render', '--format', 'svg']], status: 1 },
        { name: '10,000 files', make: manyFiles, commands: [['check']], status: 0 },
        { name: 'node_modules of 20,000 files beside 1', make: nodeModules, commands: [['check']], status: 0, expectFiles: 1 }
    ];
}

export async function run({ root, today, log }) {
    const base = join(root, 'bench', 'scale');
    const rows = [];
    for (const each of cases()) {
        const folder = join(base, each.name.replace(/[^a-z0-9]+/gi, '-'));
        rmSync(folder, { recursive: true, force: true });
        for (const [file, text] of Object.entries(each.make())) {
            mkdirSync(join(folder, file, '..'), { recursive: true });
            writeFileSync(join(folder, file), text);
        }
        for (const command of each.commands) {
            const result = await measureNode(['bin/strategy.cjs', command[0], relative(root, folder), ...command.slice(1), '--today', today], { cwd: root });
            const expected = command[0] === 'check' ? each.status : 0;
            const crashed = /RangeError|Maximum call stack|FATAL ERROR|TypeError|at .*\(.*:\d+:\d+\)/.test(result.stderr);
            const summary = command[0] === 'check' ? result.stdout.trim().split('\n').pop() : `${(result.stdout.length / 1024 / 1024).toFixed(1)} MB out`;
            let failed;
            if (result.code !== expected || crashed) failed = `exit ${result.code} (expected ${expected})${result.stderr ? `: ${result.stderr.trim().split('\n')[0].slice(0, 160)}` : ''}`;
            else if (each.expectFiles !== undefined && !summary.startsWith(`${each.expectFiles} files`)) failed = `read files it must not: ${summary}`;
            log(`  ${each.name}: strategy ${command.join(' ')}: ${(result.ms / 1000).toFixed(2)} s, ${result.maxRssMb?.toFixed(0) ?? '?'} MB, exit ${result.code}${failed ? ` FAILED ${failed}` : ''}`);
            rows.push({
                benchmark: `${each.name}: ${command.join(' ')}`, runs: 1, ...pick(stats([result.ms])), cpuMs: result.cpuMs,
                peakRssMb: result.maxRssMb, targets, note: summary, failed
            });
        }
        rmSync(folder, { recursive: true, force: true });
    }
    return rows;
}

function pick({ median, min, max }) {
    return { medianMs: median, minMs: min, maxMs: max };
}
