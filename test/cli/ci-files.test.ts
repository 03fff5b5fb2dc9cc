import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { load } from 'js-yaml';

// The files a team copies into its CI: the pre-commit framework's hook and the code scanning workflow. Each is read
// as its tool reads it, and the command it names is run as it would run it.
const root = resolve('.');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

describe('.pre-commit-hooks.yaml', () => {
    const hooks = load(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as Array<Record<string, unknown>>;
    let dir: string;
    beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'strategy-hook-')); });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it('is a list of hooks with the fields pre-commit requires, for .strategy files', () => {
        assert.ok(Array.isArray(hooks) && hooks.length === 1);
        const [hook] = hooks;
        assert.equal(hook.id, 'strategy-check');
        assert.equal(typeof hook.name, 'string');
        assert.equal(hook.language, 'node');
        assert.equal(hook.entry, 'strategy check');
        const files = new RegExp(hook.files as string);
        assert.ok(files.test('plan/goals.strategy') && !files.test('goals.strategy.md') && !files.test('README.md'));
        assert.equal(hook.pass_filenames, false);
    });

    /** The hook's entry as pre-commit runs it in a repository's root: its first word is the package's command. */
    function runEntry(extra: string[]) {
        const [command, ...args] = (hooks[0].entry as string).split(' ');
        assert.ok(Object.hasOwn(manifest.bin, command), `'${command}' is no command of package.json's bin`);
        return spawnSync(process.execPath, [join(root, manifest.bin[command]), ...args, '--today', '2026-11-23', ...extra], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    }

    it('its entry checks the repository, references across files resolved, and fails on an error', () => {
        mkdirSync(join(dir, 'plan'));
        writeFileSync(join(dir, 'plan', 'goals.strategy'), 'objective Grow "Grow" { metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\n');
        writeFileSync(join(dir, 'plan', 'work.strategy'), 'ticket APP-1 "One" { serves Grow }\n');
        const clean = runEntry([]);
        assert.equal(clean.status, 0, clean.stdout + clean.stderr);
        assert.match(clean.stdout, /^2 files, 0 errors, 0 warnings, 0 infos$/m);
        writeFileSync(join(dir, 'plan', 'work.strategy'), 'ticket APP-1 "One" { serves Grow }\nticket APP-2 "Two" { serves Nowhere }\n');
        const failing = runEntry([]);
        assert.equal(failing.status, 1);
        assert.match(failing.stdout, /^plan\/work\.strategy:2:29: error unresolved-reference: /m);
    });

    it('its entry takes file names as pre-commit passes them (several, relative) for a team that sets pass_filenames', () => {
        mkdirSync(join(dir, 'plan'));
        writeFileSync(join(dir, 'plan', 'a b.strategy'), 'objective Grow "Grow" { metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\n');
        writeFileSync(join(dir, 'plan', 'work.strategy'), 'ticket APP-1 "One" { serves Grow }\nticket APP-2 "Two"\n');
        writeFileSync(join(dir, 'other.strategy'), 'ticket APP-3 "Not staged" { serves Nowhere }\n');
        const result = runEntry(['plan/a b.strategy', 'plan/work.strategy']);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stdout, "plan/work.strategy:2:8: warning orphan-ticket: Ticket APP-2 serves no objective; add 'serves <Objective>'\n2 files, 0 errors, 1 warning, 0 infos\n");
        assert.equal(runEntry(['plan/work.strategy', '--max-warnings', '0']).status, 1);
    });

    it('npm pack, the way pre-commit installs the hook, holds the command and builds it first', () => {
        assert.equal(manifest.scripts.prepack, manifest.scripts.build);
        const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
        assert.equal(packed.status, 0, packed.stderr);
        const files = (JSON.parse(packed.stdout) as Array<{ files: Array<{ path: string }> }>)[0].files.map(file => file.path).sort();
        assert.deepEqual(files, ['LICENSE', 'README.md', manifest.bin.strategy.replace(/^\.\//, ''), 'out/cli.cjs', 'package.json'].sort());
    });

    it('npm pack prints the tarball\'s name alone, which pre-commit reads, though prepack builds first', function () {
        this.timeout(180_000);
        const packed = spawnSync('npm', ['pack', '--dry-run'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
        assert.equal(packed.status, 0, packed.stderr);
        assert.equal(packed.stdout, `${manifest.name}-${manifest.version}.tgz\n`);
    });
});

describe('docs/ci/strategy-check.yml', () => {
    const workflow = load(readFileSync(join(root, 'docs', 'ci', 'strategy-check.yml'), 'utf8')) as Record<string, any>;
    const steps = workflow.jobs['strategy-check'].steps as Array<Record<string, any>>;

    it('may upload to code scanning', () => {
        assert.deepEqual(workflow.permissions, { contents: 'read', 'security-events': 'write' });
    });

    it('writes the SARIF log with strategy check and uploads that file with upload-sarif', () => {
        const check = steps.find(step => step.id === 'check')!;
        const written = /npx strategy check --format sarif > (\S+)/.exec(check.run)?.[1];
        assert.ok(written, check.run);
        const upload = steps.find(step => String(step.uses).startsWith('github/codeql-action/upload-sarif@'))!;
        assert.equal(upload.with.sarif_file, written);
        assert.ok(steps.indexOf(upload) > steps.indexOf(check));
        assert.match(upload.if, /steps\.check\.outputs\.status != '2'/);
    });

    it('fails the job when the check did not exit 0', () => {
        const last = steps[steps.length - 1];
        assert.equal(last.if, "steps.check.outputs.status != '0'");
        assert.match(last.run, /exit 1\s*$/);
    });
});

describe('docs/ci/strategy-site.yml', () => {
    const workflow = load(readFileSync(join(root, 'docs', 'ci', 'strategy-site.yml'), 'utf8')) as Record<string, any>;
    const steps = workflow.jobs.build.steps as Array<Record<string, any>>;

    it('may publish to GitHub Pages, and deploys what the build uploaded', () => {
        assert.deepEqual(workflow.permissions, { contents: 'read', pages: 'write', 'id-token': 'write' });
        assert.deepEqual(workflow.jobs.deploy.needs, 'build');
        assert.equal(workflow.jobs.deploy.environment.name, 'github-pages');
        assert.ok((workflow.jobs.deploy.steps as Array<Record<string, any>>).some(step => String(step.uses).startsWith('actions/deploy-pages@')));
    });

    it('uploads the folder strategy build writes, and that command builds a site of the repository there', () => {
        const build = steps.find(step => step.id === 'site')!;
        const command = /npx strategy build (\S+) -o "\$RUNNER_TEMP\/([^"]+)"/.exec(build.run);
        assert.ok(command, build.run);
        const upload = steps.find(step => String(step.uses).startsWith('actions/upload-pages-artifact@'))!;
        assert.equal(upload.with.path, '${{ steps.site.outputs.folder }}');
        assert.match(build.run, new RegExp(`echo "folder=\\$RUNNER_TEMP/${command[2]}" >> "\\$GITHUB_OUTPUT"`));
        // Run as the workflow runs it: in a checkout holding .strategy files, with the runner's temp folder.
        const runnerTemp = mkdtempSync(join(tmpdir(), 'strategy-runner-'));
        try {
            const checkout = join(runnerTemp, 'checkout');
            mkdirSync(join(checkout, 'plan'), { recursive: true });
            writeFileSync(join(checkout, 'plan', 'goals.strategy'), 'objective Grow "Grow" { metric M }\nmetric M "m" { baseline 1 target 2 by 2027-01-01 }\n');
            const result = spawnSync(process.execPath, [join(root, manifest.bin.strategy), 'build', command[1], '-o', join(runnerTemp, command[2])], { cwd: checkout, encoding: 'utf8', timeout: 60_000 });
            assert.equal(result.status, 0, result.stderr);
            assert.match(readFileSync(join(runnerTemp, command[2], 'index.html'), 'utf8'), /objectives\.html#Grow/);
        } finally {
            rmSync(runnerTemp, { recursive: true, force: true });
        }
    });
});
