import {
    commands, EventEmitter, MarkdownString, Range, ThemeColor, ThemeIcon, TreeItem, TreeItemCollapsibleState, Uri, window,
    workspace, type Disposable, type Event, type TreeDataProvider
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ElementLocation, MetricNode, ObjectiveNode, SolutionNode, TicketNode } from '../model/alignment-tree.js';
import { gradeLabel, type Grade } from '../model/progress.js';
import { metricLine } from '../render/metric-text.js';
import { alignmentTreeRequest, type AlignmentTree } from '../language/lsp/strategy-protocol.js';
import { excludeGlobs } from './language-client.js';

export const alignmentViewId = 'strategyAlignment';
export const refreshAlignmentCommand = 'strategy.refreshAlignment';
export const revealElementCommand = 'strategy.revealElement';
/** Set by the extension; the view shows only in workspaces with .strategy files (package.json `when`). */
export const hasStrategyFilesContext = 'strategy.workspaceHasStrategyFiles';

interface GroupNode {
    kind: 'group';
    label: string;
    members: Array<TicketNode | SolutionNode>;
}
type AlignmentItem = ObjectiveNode | MetricNode | SolutionNode | TicketNode | GroupNode;

const gradeIcons: Record<Grade, ThemeIcon> = {
    'on-track': new ThemeIcon('pass', new ThemeColor('charts.green')),
    'at-risk': new ThemeIcon('warning', new ThemeColor('charts.yellow')),
    'off-track': new ThemeIcon('error', new ThemeColor('charts.red')),
    overdue: new ThemeIcon('history', new ThemeColor('charts.red'))
};

function joined(...parts: Array<string | undefined>): string {
    return parts.filter(part => part).join(' · ');
}

function treeItemOf(item: AlignmentItem): TreeItem {
    if (item.kind === 'group') {
        const group = new TreeItem(`${item.label} (${item.members.length})`, TreeItemCollapsibleState.Expanded);
        group.iconPath = new ThemeIcon('warning', new ThemeColor('charts.yellow'));
        return group;
    }
    const hasChildren = item.kind === 'objective'
        && item.metrics.length + item.children.length + item.solutions.length + item.tickets.length > 0;
    const treeItem = new TreeItem(item.id, hasChildren ? TreeItemCollapsibleState.Expanded : TreeItemCollapsibleState.None);
    treeItem.tooltip = new MarkdownString().appendText(joined(item.title, item.kind === 'ticket' ? item.status : undefined));
    treeItem.command = { command: revealElementCommand, title: 'Go to Definition', arguments: [item.location] };
    treeItem.contextValue = item.kind;
    switch (item.kind) {
        case 'objective':
            treeItem.description = joined(item.inCycle ? 'parent cycle' : undefined, item.measured ? undefined : 'no metric', item.title);
            treeItem.iconPath = item.inCycle ? new ThemeIcon('sync', new ThemeColor('charts.red'))
                : new ThemeIcon('target', item.measured ? undefined : new ThemeColor('charts.yellow'));
            break;
        case 'metric':
            // 20% → 22% → 30% by 2027-06-30 (20% of the way, off track), as hover and `strategy trace` show it.
            treeItem.description = metricLine(item);
            treeItem.iconPath = item.grade ? gradeIcons[item.grade] : new ThemeIcon('graph');
            treeItem.tooltip = new MarkdownString().appendText(joined(item.title, item.grade && gradeLabel[item.grade]));
            break;
        case 'solution':
            treeItem.description = joined(item.title, item.status);
            treeItem.iconPath = new ThemeIcon('lightbulb');
            break;
        case 'ticket':
            treeItem.description = joined(item.title, item.status);
            treeItem.iconPath = new ThemeIcon(item.status === 'done' ? 'pass' : item.status === 'dropped' ? 'circle-slash' : 'tasklist');
            break;
    }
    return treeItem;
}

/** The objective tree from `strategy/alignmentTree`, fetched once per change and only while the view is visible. */
class AlignmentTreeProvider implements TreeDataProvider<AlignmentItem> {
    private readonly changed = new EventEmitter<void>();
    readonly onDidChangeTreeData: Event<void> = this.changed.event;
    private tree: Promise<AlignmentTree | undefined> | undefined;

    constructor(private readonly client: LanguageClient) {}

    refresh(): void {
        this.tree = undefined;
        this.changed.fire();
    }

    getTreeItem(item: AlignmentItem): TreeItem {
        return treeItemOf(item);
    }

    async getChildren(item?: AlignmentItem): Promise<AlignmentItem[]> {
        if (item === undefined) return this.roots();
        switch (item.kind) {
            case 'objective': return [...item.metrics, ...item.children, ...item.solutions, ...item.tickets];
            case 'group': return item.members;
            default: return [];
        }
    }

    private async roots(): Promise<AlignmentItem[]> {
        this.tree ??= this.client.sendRequest<AlignmentTree>(alignmentTreeRequest).catch(() => undefined);
        const tree = await this.tree;
        if (!tree) return [];
        const groups: GroupNode[] = [
            { kind: 'group', label: 'Tickets serving no objective', members: tree.orphanTickets },
            { kind: 'group', label: 'Solutions advancing no objective', members: tree.unalignedSolutions }
        ];
        return [...tree.objectives, ...groups.filter(group => group.members.length > 0)];
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
export function registerAlignmentView(client: LanguageClient, onModelChanged: Event<void>): Disposable[] {
    const provider = new AlignmentTreeProvider(client);
    const watcher = workspace.createFileSystemWatcher('**/*.strategy', false, true, false);
    void updateHasStrategyFiles();
    return [
        window.createTreeView(alignmentViewId, { treeDataProvider: provider, showCollapseAll: true }),
        commands.registerCommand(refreshAlignmentCommand, () => provider.refresh()),
        commands.registerCommand(revealElementCommand, revealElement),
        onModelChanged(() => provider.refresh()),
        watcher,
        watcher.onDidCreate(() => void updateHasStrategyFiles()),
        watcher.onDidDelete(() => void updateHasStrategyFiles())
    ];
}
