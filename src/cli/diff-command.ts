import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { GitError, shallowHint } from '../git/git-command.js';
import { diffSnapshots, type StrategyDiff } from '../model/diff/strategy-diff.js';
import { localToday } from '../model/values.js';
import { terminalText } from '../render/escape.js';
import { diffJson, diffText } from '../render/text/diff-formats.js';
import { diffMarkdown } from '../render/text/diff-markdown.js';
import { UsageError, type CommandArgs } from './args.js';
import { commitOf, mergeBase, repositoryPrefixes, repositoryRoot, revisionFiles, revisionsFiles, workingTreeFiles, type RevisionFiles } from './git-revision.js';
import { buildSides } from './diff-sides.js';

interface Output {
    out(text: string): void;
    err(text: string): void;
}

const failOnValues = ['new-errors', 'new-warnings'];

/** What to compare: each side a commit, or the working tree (head only), with the names outputs give them. */
interface Revisions {
    base: { label: string; commit: string };
    head: { label: string; commit?: string };
    paths: string[];
}

/**
 * `strategy diff [BASE[..HEAD]] [PATH...]`: 0 when compared, 1 when --fail-on finds what it names, 2 for bad
 * usage, a git fault or a file that cannot be read as text at one side (the comparison is then printed, marked
 * incomplete, as check prints what it could check).
 */
export async function runDiff(args: CommandArgs, io: Output): Promise<number> {
    if (args.failOn !== undefined && !failOnValues.includes(args.failOn)) {
        throw new UsageError(`--fail-on takes ${failOnValues.join(' or ')}, not '${args.failOn}'`);
    }
    const cwd = process.cwd();
    try {
        const root = await repositoryRoot(cwd);
        const revisions = await revisionsOf(root, cwd, args);
        const prefixes = repositoryPrefixes(root, cwd, revisions.paths);
        const { base: baseRevision, head: headRevision } = revisions;
        const [baseFiles, headFiles] = headRevision.commit !== undefined
            ? await revisionsFiles(root, [baseRevision, { label: headRevision.label, commit: headRevision.commit }], prefixes)
            : await Promise.all([revisionFiles(root, baseRevision.commit, baseRevision.label, prefixes), workingTreeFiles(root, prefixes)]);
        const where = revisions.paths.length > 0 ? ` under ${revisions.paths.join(', ')}` : '';
        if (baseFiles.texts.length + headFiles.texts.length === 0 && baseFiles.problems.length + headFiles.problems.length === 0) {
            throw new GitError(`no .strategy files in ${revisions.base.label} nor in ${revisions.head.label}${where}`);
        }
        const today = args.today ?? localToday();
        const [base, head] = await buildSides(
            { label: revisions.base.label, texts: baseFiles.texts }, { label: revisions.head.label, texts: headFiles.texts }, today, cwd);
        const diff = diffSnapshots(base, head);
        const problems = [...baseFiles.problems, ...headFiles.problems];
        const none = (files: RevisionFiles) => files.texts.length === 0 && files.problems.length === 0;
        if (none(baseFiles)) say(io, `${revisions.base.label} has no .strategy files${where}; every element shows as added`);
        if (none(headFiles)) say(io, `${revisions.head.label} has no .strategy files${where}; every element shows as removed`);
        diff.notes.push(...problems.map(problem => `${problem}: left out of the comparison`));
        io.out({ text: diffText, json: diffJson, md: diffMarkdown }[args.format as 'text' | 'json' | 'md'](diff));
        for (const problem of problems) say(io, problem);
        if (problems.length > 0) return 2;
        return fails(diff, args.failOn) ? 1 : 0;
    } catch (error) {
        if (!(error instanceof GitError)) throw error;
        say(io, error.message);
        return 2;
    }
}

/** One line on standard error; it may quote a file name or a revision, escaped as every text output is. */
function say(io: Output, message: string): void {
    io.err(`strategy diff: ${terminalText(message)}\n`);
}

function fails(diff: StrategyDiff, failOn: string | undefined): boolean {
    const added = diff.summary.diagnostics.added;
    if (failOn === 'new-errors') return added.errors > 0;
    if (failOn === 'new-warnings') return added.errors + added.warnings > 0;
    return false;
}

/**
 * The first positional is the revision when it names one (or a range `A..B`, `A...B`), as git reads it; after
 * `--` everything is a path. A word that is neither a revision nor an existing path is an unknown revision.
 */
async function revisionsOf(root: string, cwd: string, args: CommandArgs): Promise<Revisions> {
    const [first, ...rest] = args.paths;
    const canBeRevision = first !== undefined && args.beforeDashDash > 0;
    if (!canBeRevision) return { base: await commit(root, 'HEAD'), head: { label: 'working tree' }, paths: args.paths };
    const range = /^(.*?)(\.\.\.?)(.*)$/.exec(first);
    if (range && !existsSync(resolve(cwd, first))) {
        const [, from, dots, to] = range;
        const head = await commit(root, to || 'HEAD');
        const base = await commit(root, from || 'HEAD');
        if (dots === '...') base.commit = await mergeBase(root, base.commit, head.commit);
        return { base, head, paths: rest };
    }
    const resolved = await commitOf(root, first);
    if (resolved !== undefined) return { base: { label: first, commit: resolved }, head: { label: 'working tree' }, paths: rest };
    if (existsSync(resolve(cwd, first))) return { base: await commit(root, 'HEAD'), head: { label: 'working tree' }, paths: args.paths };
    throw new GitError(`unknown revision or path '${first}'${await shallowHint(root)}`);
}

async function commit(root: string, revision: string): Promise<{ label: string; commit: string }> {
    const resolved = await commitOf(root, revision);
    if (resolved === undefined) {
        const none = revision === 'HEAD' && (await commitOf(root, 'HEAD')) === undefined ? '; the repository has no commit yet' : '';
        throw new GitError(`unknown revision '${revision}'${none}${await shallowHint(root)}`);
    }
    return { label: revision, commit: resolved };
}
