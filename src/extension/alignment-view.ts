import {
    commands, EventEmitter, MarkdownString, Range, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window,
    workspace, type Disposable, type Event, type TreeDataProvider
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ElementLocation } from '../model/locations.js';
import { alignmentTreeRequest, diffRequest, type AlignmentTree, type CompareParams } from '../protocol/strategy-protocol.js';
import { alignmentRoots, childrenOf, itemChanges, itemView, markedView, type AlignmentItem, type ItemChange } from './alignment-items.js';
import { excludeGlobs } from './language-client.js';

export const alignmentViewId = 'strategyAlignment';
export const refreshAlignmentCommand = 'strategy.refreshAlignment';
export const revealElementCommand = 'strategy.revealElement';
/** Set by the extension; the view shows only in workspaces with .strategy files (package.json `when`). */
export const hasStrategyFilesContext = 'strategy.workspaceHasStrategyFiles';

const collapsibleStates = {
    none: TreeItemCollapsibleState.None,
    collapsed: TreeItemCollapsibleState.Collapsed,
    expanded: TreeItemCollapsibleState.Expanded
};

function treeItemOf(item: AlignmentItem, topLevel: boolean, changes: ReadonlyMap<string, ItemChange>): TreeItem {
    const view = markedView(item, itemView(item, topLevel), changes);
    const treeItem = new TreeItem(view.label, collapsibleStates[view.state]);
    treeItem.description = view.description;
    if (view.tooltip !== undefined) treeItem.tooltip = new MarkdownString().appendText(view.tooltip);
    treeItem.iconPath = new ThemeIcon(view.icon.id, view.icon.color === undefined ? undefined : new ThemeColor(view.icon.color));
    treeItem.contextValue = view.contextValue;
    if (view.location) treeItem.command = { command: revealElementCommand, title: 'Go to Definition', arguments: [view.location] };
    return treeItem;
}

/** The objective tree from `strategy/alignmentTree`, fetched once per change and only while the view is visible. */
class AlignmentTreeProvider implements TreeDataProvider<AlignmentItem> {
    private readonly changed = new EventEmitter<void>();
    readonly onDidChangeTreeData: Event<void> = this.changed.event;
    private tree: Promise<AlignmentTree | undefined> | undefined;
    private roots = new Set<AlignmentItem>();
    /** The preview's comparison with a revision, whose added and changed elements the view marks too. */
    private comparing: CompareParams | undefined;
    private changes: ReadonlyMap<string, ItemChange> = new Map();

    constructor(private readonly client: LanguageClient) {}

    refresh(): void {
        this.tree = undefined;
        this.changed.fire();
    }

    compare(params: CompareParams | undefined): void {
        this.comparing = params;
        this.refresh();
    }

    getTreeItem(item: AlignmentItem): TreeItem {
        return treeItemOf(item, this.roots.has(item), this.changes);
    }

    async getChildren(item?: AlignmentItem): Promise<AlignmentItem[]> {
        return item === undefined ? this.topLevel() : childrenOf(item);
    }

    private async topLevel(): Promise<AlignmentItem[]> {
        this.tree ??= this.client.sendRequest(alignmentTreeRequest).catch(() => undefined);
        const comparing = this.comparing;
        const [tree, diff] = await Promise.all([
            this.tree,
            comparing && this.client.sendRequest(diffRequest, comparing).catch(() => undefined)
        ]);
        this.changes = diff ? itemChanges(diff.diff) : new Map();
        const roots = tree ? alignmentRoots(tree) : [];
        this.roots = new Set(roots);
        return roots;
    }
}

/** Opens the file at the element's name, from a click in the view (the preview opens its own beside itself). */
async function revealElement(location: ElementLocation): Promise<void> {
    const { start, end } = location.range;
    await commands.executeCommand('vscode.open', Uri.parse(location.uri), {
        selection: new Range(start.line, start.character, end.line, end.character)
    });
}

async function updateHasStrategyFiles(): Promise<void> {
    const globs = excludeGlobs();
    // Without the setting, VS Code's own files.exclude applies (undefined); an empty list excludes nothing (null).
    const exclude = globs === undefined ? undefined : globs.length === 0 ? null : globs.length === 1 ? globs[0] : `{${globs.join(',')}}`;
    const found = await workspace.findFiles('**/*.strategy', exclude, 1);
    await commands.executeCommand('setContext', hasStrategyFilesContext, found.length > 0);
}

/** The "Strategy" view in the explorer, its refresh and reveal commands, and the context key that shows it. */
export function registerAlignmentView(client: LanguageClient, onModelChanged: Event<void>, onComparison?: Event<CompareParams | undefined>): Disposable[] {
    const provider = new AlignmentTreeProvider(client);
    const watcher = workspace.createFileSystemWatcher('**/*.strategy', false, true, false);
    void updateHasStrategyFiles();
    return [
        window.createTreeView(alignmentViewId, { treeDataProvider: provider, showCollapseAll: true }),
        commands.registerCommand(refreshAlignmentCommand, () => provider.refresh()),
        commands.registerCommand(revealElementCommand, revealElement),
        onModelChanged(() => provider.refresh()),
        ...(onComparison ? [onComparison(params => provider.compare(params))] : []),
        watcher,
        watcher.onDidCreate(() => void updateHasStrategyFiles()),
        watcher.onDidDelete(() => void updateHasStrategyFiles())
    ];
}
