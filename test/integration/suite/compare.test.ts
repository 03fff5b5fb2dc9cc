import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { CompareOutcome } from '../../../src/extension/compare-command.js';
import { activeExtension, open, replaceIn, restore, waitFor, workspaceFolder } from './helpers.js';

// "Strategy: Compare with Revision…" in the extension host: outside git it says so; on the example workspace made a
// git repository, with an edit not saved, the preview becomes the changes view, and git's status is the same after.

const identity = ['-c', 'user.name=Strategy Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

function git(...args: string[]): string {
    return execFileSync('git', [...identity, ...args], { cwd: workspaceFolder().fsPath, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
}

function previewLabels(): string[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes('strategy.preview'))
        .map(tab => tab.label);
}

describe('Compare with Revision', () => {
    const gitFolder = () => join(workspaceFolder().fsPath, '.git');
    before(async function () {
        await activeExtension();
        // The runner copies the example to the temp folder; inside a repository, the first test would not hold.
        if (existsSync(gitFolder())) this.skip();
    });
    after(async () => {
        await restore('backlog.strategy');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        rmSync(gitFolder(), { recursive: true, force: true });
    });

    it('says that a workspace outside git is not in a git repository', async () => {
        await open('objectives.strategy');
        const outcome = await vscode.commands.executeCommand<CompareOutcome>('strategy.compareWithRevision', 'HEAD');
        assert.match(outcome?.error ?? '', /is not in a git repository: Compare with Revision compares the \.strategy files with a git revision/);
    });

    it('turns the preview into the changes view of the unsaved edits since HEAD, and leaves git\'s status as it was', async () => {
        const api = await activeExtension();
        git('init', '-q');
        git('add', '-A');
        git('commit', '-q', '-m', 'the example');
        const head = git('rev-parse', '--short=7', 'HEAD').trim();
        const status = git('status', '--porcelain', '--untracked-files=all');

        const backlog = (await open('backlog.strategy')).document;
        await replaceIn(backlog, 'status todo\n  milestone RepeatBasket', 'status done\n  milestone RepeatBasket');
        const end = backlog.positionAt(backlog.getText().length);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(backlog.uri, end, '\nticket APP-200 "Reorder from the lock screen" {\n  serves Engagement\n  status todo\n  priority high\n}\n');
        assert.ok(await vscode.workspace.applyEdit(edit));

        const unknown = await vscode.commands.executeCommand<CompareOutcome>('strategy.compareWithRevision', 'no-such-branch');
        assert.match(unknown?.error ?? '', /^Unknown revision 'no-such-branch': /);

        // Without a revision it asks, HEAD first: accepting the pick as it opens compares with HEAD.
        const asked = vscode.commands.executeCommand<CompareOutcome>('strategy.compareWithRevision');
        let outcome: CompareOutcome | undefined;
        void asked.then(result => { outcome = result; });
        await waitFor('the revision picked', async () => {
            await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
            await new Promise(resolve => setTimeout(resolve, 200));
            return outcome;
        });
        assert.equal(outcome?.headline, `Compared with HEAD (${head}): 1 added · 1 changed`, JSON.stringify(outcome));

        const shown = await waitFor('the changes view in the preview', () => {
            const content = api.previewContent();
            return content?.content.includes('class="changes-headline"') && content;
        });
        assert.equal(shown.title, 'Changes since HEAD');
        assert.match(shown.content, new RegExp(`Compared with HEAD \\(${head}\\): 1 added · 1 changed</span> <button type="button" class="leave-comparison"`));
        assert.match(shown.content, /<g class="[^"]*diff-added" data-element="ticket:APP-200"/);
        assert.match(shown.content, /<g class="[^"]*diff-changed" data-element="ticket:APP-102"/);
        assert.match(shown.content, /status todo → done/);
        await waitFor('the preview tab titled after the comparison', () => previewLabels().some(label => label === 'Preview Changes since HEAD'));

        // An edit while compared: the changes view follows the buffer.
        await replaceIn(backlog, 'Reorder from the lock screen', 'Reorder from a widget');
        await waitFor('the edited title in the changes view', () => api.previewContent()?.content.includes('Reorder from a widget'));
        assert.equal(git('status', '--porcelain', '--untracked-files=all'), status, 'git status changed');
    });
});
