import { commands, ProgressLocation, QuickPickItemKind, window, workspace, type Disposable, type QuickPickItem, type WorkspaceFolder } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { diffRequest, revisionsRequest, type CompareParams, type RevisionChoice } from '../protocol/strategy-protocol.js';
import type { StrategyPreview } from './preview/preview-panel.js';

// "Strategy: Compare with Revision…": pick a branch, tag or recent commit of the workspace's git repository (HEAD
// by default, or type any revision git understands), then the preview shows the alignment map as the changes since
// it. The server reads git and compares (src/language/lsp/compare-requests.ts); this asks which revision and shows
// what went wrong in git's words.

export const compareCommand = 'strategy.compareWithRevision';

/** What the command did, for the integration tests and a caller passing the revision. */
export interface CompareOutcome {
    headline?: string;
    revision?: string;
    commit?: string;
    /** The message shown when it could not compare. */
    error?: string;
}

interface Previews {
    readonly active: StrategyPreview | undefined;
    ensure(): StrategyPreview;
}

interface RevisionItem extends QuickPickItem {
    revision?: string;
}

const icons: Record<RevisionChoice['kind'], string> = { branch: '$(git-branch)', remote: '$(cloud)', tag: '$(tag)', commit: '$(git-commit)' };
const headings: Record<RevisionChoice['kind'], string> = { branch: 'branches', remote: 'remote branches', tag: 'tags', commit: 'recent commits' };

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** The workspace folder of the active .strategy editor, else of the file the preview follows, else the first. */
function folderFor(client: LanguageClient, previews: Previews): WorkspaceFolder | undefined {
    const editor = window.activeTextEditor;
    const followed = previews.active?.current.uri;
    const uri = editor?.document.languageId === 'strategy' ? editor.document.uri : followed ? client.protocol2CodeConverter.asUri(followed) : undefined;
    return (uri && workspace.getWorkspaceFolder(uri)) ?? workspace.workspaceFolders?.[0];
}

function revisionItems(choices: readonly RevisionChoice[]): RevisionItem[] {
    const items: RevisionItem[] = [{ label: 'HEAD', description: 'the last commit', revision: 'HEAD' }];
    for (const kind of ['branch', 'tag', 'remote', 'commit'] as const) {
        const ofKind = choices.filter(choice => choice.kind === kind);
        if (ofKind.length === 0) continue;
        items.push({ label: headings[kind], kind: QuickPickItemKind.Separator });
        items.push(...ofKind.map(choice => ({ label: `${icons[kind]} ${choice.revision}`, description: choice.detail, revision: choice.revision })));
    }
    return items;
}

/** The revision picked, the one typed (git reads it), or undefined when the pick was dismissed. */
function pickRevision(choices: readonly RevisionChoice[]): Promise<string | undefined> {
    const pick = window.createQuickPick<RevisionItem>();
    pick.title = 'Compare with Revision';
    pick.placeholder = 'A branch, tag or commit to compare the workspace with (Enter: HEAD)';
    const items = revisionItems(choices);
    pick.items = items;
    pick.onDidChangeValue(value => {
        const typed = value.trim();
        const known = items.some(item => item.revision === typed);
        pick.items = typed && !known ? [{ label: typed, description: 'compare with this revision', revision: typed, alwaysShow: true }, ...items] : items;
    });
    return new Promise(resolve => {
        pick.onDidAccept(() => {
            resolve(pick.selectedItems[0]?.revision ?? (pick.value.trim() || 'HEAD'));
            pick.hide();
        });
        pick.onDidHide(() => {
            resolve(undefined);
            pick.dispose();
        });
        pick.show();
    });
}

async function compare(client: LanguageClient, previews: Previews, given: unknown): Promise<CompareOutcome | undefined> {
    const fail = (error: string): CompareOutcome => {
        void window.showErrorMessage(error);
        return { error };
    };
    const folder = folderFor(client, previews);
    if (!folder) return fail('Compare with Revision compares the .strategy files of a workspace folder with a git revision: open a folder first.');
    const folderUri = client.code2ProtocolConverter.asUri(folder.uri);
    let revision = typeof given === 'string' ? given : undefined;
    if (revision === undefined) {
        let choices: RevisionChoice[];
        try {
            choices = await client.sendRequest(revisionsRequest, { folder: folderUri });
        } catch (error) {
            return fail(messageOf(error));
        }
        revision = await pickRevision(choices);
        if (revision === undefined) return undefined;
    }
    const params: CompareParams = { folder: folderUri, revision };
    try {
        const result = await window.withProgress({ location: ProgressLocation.Window, title: `Comparing with ${revision}` },
            () => client.sendRequest(diffRequest, params));
        await previews.ensure().compareWith(params);
        return { headline: result.headline, revision: result.revision, commit: result.commit };
    } catch (error) {
        return fail(messageOf(error));
    }
}

/** Registers the command; an argument, when a string, is the revision (no pick). */
export function registerCompareCommand(client: LanguageClient, previews: Previews): Disposable {
    return commands.registerCommand(compareCommand, (revision?: unknown) => compare(client, previews, revision));
}
