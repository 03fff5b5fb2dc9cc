import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strategy } from './run-strategy.js';

// Where `strategy build` refuses to write, and what it never touches: files it did not write, anything outside DIR,
// the folders it reads.

const shopApp = resolve('examples/shop-app');

describe('strategy build with bad input', function () {
    this.timeout(120000);
    let temp: string;
    let workspace: string;
    beforeEach(() => {
        temp = mkdtempSync(join(tmpdir(), 'strategy-build-bad-'));
        workspace = join(temp, 'strategy');
        cpSync(shopApp, workspace, { recursive: true });
    });
    afterEach(() => rmSync(temp, { recursive: true, force: true }));

    it('needs -o DIR', () => {
        const result = strategy(['build', workspace]);
        assert.equal(result.status, 2);
        assert.match(result.stderr, /^strategy build: -o DIR is needed: the folder to write the site to\n\nUsage: strategy build/);
    });

    it('refuses a folder that holds files a build did not write, and writes beside them with --force', () => {
        const site = join(temp, 'site');
        mkdirSync(site);
        writeFileSync(join(site, 'notes.txt'), 'mine');
        writeFileSync(join(site, 'index.html'), 'my own page');
        const refused = strategy(['build', workspace, '-o', site]);
        assert.equal(refused.status, 2);
        assert.match(refused.stderr, /-o .*site already holds files a build did not write \(index\.html, notes\.txt\); choose an empty or new folder, or add --force/);
        assert.equal(readFileSync(join(site, 'index.html'), 'utf8'), 'my own page', 'nothing written');
        assert.deepEqual(readdirSync(site).sort(), ['index.html', 'notes.txt']);
        const forced = strategy(['build', workspace, '-o', site, '--force']);
        assert.equal(forced.status, 0, forced.stderr);
        assert.equal(readFileSync(join(site, 'notes.txt'), 'utf8'), 'mine', 'a file the site does not write is kept');
        assert.match(readFileSync(join(site, 'index.html'), 'utf8'), /^<!DOCTYPE html>/);
    });

    it('rebuilds its own output without --force, and removes only the pages it wrote that are gone', () => {
        const site = join(temp, 'site');
        assert.equal(strategy(['build', workspace, '-o', site]).status, 0);
        assert.ok(existsSync(join(site, 'canvas-swot2027.html')));
        writeFileSync(join(temp, 'outside.html'), 'keep');
        // A manifest edited to point elsewhere cannot make a rebuild delete outside DIR.
        writeFileSync(join(site, '.strategy-site'), `${readFileSync(join(site, '.strategy-site'), 'utf8')}../outside.html\n/etc/hostname\n`);
        const swotFile = readdirSync(workspace).find(name => readFileSync(join(workspace, name), 'utf8').includes('canvas Swot2027'))!;
        rmSync(join(workspace, swotFile));
        const result = strategy(['build', workspace, '-o', site]);
        assert.equal(result.status, 0, result.stderr);
        assert.ok(!existsSync(join(site, 'canvas-swot2027.html')), 'the removed canvas has no page left');
        assert.equal(readFileSync(join(temp, 'outside.html'), 'utf8'), 'keep');
    });

    it('never writes through a link in DIR', () => {
        const site = join(temp, 'site');
        assert.equal(strategy(['build', workspace, '-o', site]).status, 0);
        const victim = join(temp, 'victim.txt');
        writeFileSync(victim, 'untouched');
        rmSync(join(site, 'index.html'));
        symlinkSync(victim, join(site, 'index.html'));
        assert.equal(strategy(['build', workspace, '-o', site]).status, 0);
        assert.equal(readFileSync(victim, 'utf8'), 'untouched');
        assert.match(readFileSync(join(site, 'index.html'), 'utf8'), /^<!DOCTYPE html>/);
    });

    it('refuses an output inside the input folder, or holding it', () => {
        const inside = strategy(['build', workspace, '-o', join(workspace, 'site')]);
        assert.equal(inside.status, 2);
        assert.match(inside.stderr, /strategy build: -o .*strategy\/site is inside the input folder .*strategy; write the site outside the folders that are read/);
        assert.ok(!existsSync(join(workspace, 'site')));
        const defaultInput = strategy(['build', '-o', 'site'], workspace);
        assert.equal(defaultInput.status, 2);
        assert.match(defaultInput.stderr, /-o site is inside the input folder \.;/);
        const holding = strategy(['build', workspace, '-o', temp, '--force']);
        assert.equal(holding.status, 2);
        assert.match(holding.stderr, /strategy build: -o .* holds the input .*strategy; write the site to a folder of its own/);
        assert.deepEqual(readdirSync(temp), ['strategy']);
    });

    it('refuses a DIR that is a file or a link, and input with no .strategy files', () => {
        const file = join(temp, 'file.html');
        writeFileSync(file, 'x');
        const isFile = strategy(['build', workspace, '-o', file]);
        assert.equal(isFile.status, 2);
        assert.match(isFile.stderr, /-o .*file\.html is a file, not a folder/);
        mkdirSync(join(temp, 'real'));
        symlinkSync(join(temp, 'real'), join(temp, 'link'));
        const isLink = strategy(['build', workspace, '-o', join(temp, 'link')]);
        assert.equal(isLink.status, 2);
        assert.match(isLink.stderr, /is a symbolic link; give the folder it leads to/);
        const empty = join(temp, 'empty');
        mkdirSync(empty);
        const none = strategy(['build', empty, '-o', join(temp, 'site')]);
        assert.equal(none.status, 2);
        assert.match(none.stderr, /no \.strategy files found in .*empty/);
        assert.ok(!existsSync(join(temp, 'site')), 'no folder is left behind');
    });
});
