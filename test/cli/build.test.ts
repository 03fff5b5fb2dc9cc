import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strategy } from './run-strategy.js';

// `strategy build` from the outside: the pages it writes, what they link, that the same input gives the same
// bytes wherever it lies, and the workspace's own problems on the front page.

const shopApp = resolve('examples/shop-app');

function pagesOf(folder: string): Map<string, string> {
    return new Map(readdirSync(folder).sort().map(name => [name, readFileSync(join(folder, name), 'utf8')]));
}

describe('strategy build', function () {
    this.timeout(120000);
    let temp: string;
    beforeEach(() => { temp = mkdtempSync(join(tmpdir(), 'strategy-build-')); });
    afterEach(() => rmSync(temp, { recursive: true, force: true }));

    it('writes the overview, the views, the trace, a page per kind and the search, and says where', () => {
        const site = join(temp, 'site');
        const result = strategy(['build', shopApp, '-o', site, '--today', '2026-11-26']);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stdout, /^strategy build: wrote 18 pages \(\d+ KB\) to .*site; open .*site\/index\.html\n$/);
        assert.deepEqual([...pagesOf(site).keys()], [
            '.strategy-site', 'canvas-apprecurrence.html', 'canvas-growth2027.html', 'canvas-roadmap2027.html', 'canvas-swot2027.html',
            'canvases.html', 'index.html', 'insights.html', 'map.html', 'metrics.html', 'milestones.html', 'needs.html', 'objectives.html',
            'questions.html', 'search.html', 'solutions.html', 'tickets.html', 'trace.html', 'user-types.html'
        ]);
        const index = readFileSync(join(site, 'index.html'), 'utf8');
        assert.match(index, /<p class="site-vision">Repeat grocery shopping without friction<\/p>/);
        // The objective tree with each metric graded on the day given.
        assert.match(index, /<a href="objectives\.html#Engagement"><code class="site-id">Engagement<\/code><\/a> Increase monthly usage frequency of the app/);
        assert.match(index, /MonthlyRepeatUsers<\/code><\/a> Active users who open the app more than once a month: 20% → 22\.5% → 30% by 2027-06-30 [^<]*<span class="grade grade-on-track">on track<\/span>/);
        assert.match(index, /4 of 4 tickets in the backlog trace to a measured objective \(100%\)/);
        assert.match(index, /The checks find no problem\./);
        assert.match(index, /metrics graded on 2026-11-26/);
    });

    it('gives every element an anchor, with what it refers to and what refers to it', () => {
        const site = join(temp, 'site');
        assert.equal(strategy(['build', shopApp, '-o', site]).status, 0);
        const tickets = readFileSync(join(site, 'tickets.html'), 'utf8');
        const app101 = tickets.slice(tickets.indexOf('<article class="element" id="APP-101">'));
        assert.ok(app101.length < tickets.length, 'APP-101 has its anchor');
        assert.match(app101.slice(0, app101.indexOf('</article>')), /Refers to<\/p><ul class="site-links"><li>serves <a href="objectives\.html#Engagement">/);
        const objectives = readFileSync(join(site, 'objectives.html'), 'utf8');
        const engagement = objectives.slice(objectives.indexOf('id="Engagement"'));
        assert.match(engagement.slice(0, engagement.indexOf('</article>')), /Referred to by<\/p>.*<li>serves <a href="tickets\.html#APP-101">/s);
        // A need is an entry of its own, named with its user type, and its user type lists it.
        const needs = readFileSync(join(site, 'needs.html'), 'utf8');
        assert.match(needs, /<article class="element" id="FrequentBuyer\.SaveTime">/);
        assert.match(readFileSync(join(site, 'user-types.html'), 'utf8'), /Needs<\/p><ul class="site-links"><li><a href="needs\.html#FrequentBuyer\.SaveTime">/);
        // A canvas's entry leads to its rendered page.
        assert.match(readFileSync(join(site, 'canvases.html'), 'utf8'), /<a href="canvas-apprecurrence\.html">Open the canvas<\/a>/);
    });

    it('writes the same bytes for the same files and day, wherever the workspace and the site lie', () => {
        const copy = join(temp, 'elsewhere', 'strategy');
        cpSync(shopApp, copy, { recursive: true });
        const one = join(temp, 'one');
        const two = join(temp, 'deeper', 'two');
        assert.equal(strategy(['build', shopApp, '-o', one, '--today', '2026-11-26']).status, 0);
        assert.equal(strategy(['build', '.', '-o', two, '--today', '2026-11-26'], copy).status, 0);
        assert.deepEqual(pagesOf(two), pagesOf(one));
        // A rebuild changes nothing.
        assert.equal(strategy(['build', shopApp, '-o', one, '--today', '2026-11-26']).status, 0);
        assert.deepEqual(pagesOf(one), pagesOf(two));
        // Another day grades on that day, and says so.
        const later = join(temp, 'later');
        assert.equal(strategy(['build', shopApp, '-o', later, '--today', '2027-08-01']).status, 0);
        assert.match(readFileSync(join(later, 'index.html'), 'utf8'), /metrics graded on 2027-08-01/);
    });

    it('lists the problems check finds, each with its element, and still writes the site', () => {
        const workspace = join(temp, 'ws');
        cpSync(shopApp, workspace, { recursive: true });
        writeFileSync(join(workspace, 'extra.strategy'), 'ticket APP-900 "Loose end" {\n  serves Nowhere\n}\n');
        const site = join(temp, 'site');
        const result = strategy(['build', workspace, '-o', site]);
        assert.equal(result.status, 0, result.stderr);
        assert.match(result.stderr, /strategy build: the workspace has 1 error; the site lists them under Problems/);
        const index = readFileSync(join(site, 'index.html'), 'utf8');
        assert.match(index, /<td class="severity-error">error<\/td><td><code>extra\.strategy:2:10<\/code><\/td><td><code>unresolved-reference<\/code><\/td><td>[^<]*Nowhere[^<]*<\/td><td><a href="tickets\.html#APP-900">/);
        assert.match(index, /Orphan tickets: they serve no objective \(1\)<\/h3><ul><li><a href="tickets\.html#APP-900">/);
    });
});
