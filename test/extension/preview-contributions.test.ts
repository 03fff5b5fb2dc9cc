import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { copyCommands, exportCommands, previewLockedContext, showPreviewCommand, showPreviewToSideCommand, toggleLockCommand } from '../../src/extension/preview/preview-commands.js';
import { previewViewType } from '../../src/protocol/webview-messages.js';

interface Manifest {
    activationEvents: string[];
    contributes: {
        commands: Array<{ command: string; title: string; category?: string; icon?: string }>;
        keybindings: Array<{ command: string; key: string; mac?: string; when?: string }>;
        menus: Record<string, Array<{ command: string; when?: string; alt?: string }>>;
    };
}

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as Manifest;
const declared = new Map(manifest.contributes.commands.map(command => [command.command, command]));

describe('preview contributions in package.json', () => {
    it('declares every preview and export command in the Strategy category', () => {
        const titles = {
            [showPreviewCommand]: 'Open Preview',
            [showPreviewToSideCommand]: 'Open Preview to the Side',
            [exportCommands.html]: 'Export as HTML',
            [exportCommands.svg]: 'Export as SVG',
            [exportCommands.png]: 'Export as PNG',
            [toggleLockCommand]: 'Toggle Preview Locking',
            [copyCommands.svg]: 'Copy as SVG',
            [copyCommands.png]: 'Copy as PNG'
        };
        for (const [command, title] of Object.entries(titles)) {
            assert.equal(declared.get(command)?.title, title, command);
            assert.equal(declared.get(command)?.category, 'Strategy', command);
        }
    });

    it('binds the Markdown preview\'s keys in .strategy editors', () => {
        const binding = (command: string) => manifest.contributes.keybindings.find(each => each.command === command);
        assert.deepEqual(
            [binding(showPreviewCommand)?.key, binding(showPreviewCommand)?.mac, binding(showPreviewToSideCommand)?.key, binding(showPreviewToSideCommand)?.mac],
            ['ctrl+shift+v', 'cmd+shift+v', 'ctrl+k v', 'cmd+k v']);
        for (const command of [showPreviewCommand, showPreviewToSideCommand]) assert.match(binding(command)?.when ?? '', /editorLangId == strategy/);
    });

    it('puts the preview button in the title bar of .strategy editors, and the exports in the preview\'s', () => {
        const title = manifest.contributes.menus['editor/title'] ?? [];
        const button = title.find(item => item.command === showPreviewToSideCommand);
        assert.match(button?.when ?? '', /editorLangId == strategy/);
        assert.equal(declared.get(showPreviewToSideCommand)?.icon, '$(open-preview)');
        for (const command of Object.values(exportCommands)) {
            assert.match(title.find(item => item.command === command)?.when ?? '', new RegExp(`activeWebviewPanelId == '${previewViewType}'`));
        }
    });

    it('locks the preview as Markdown\'s: the command in the preview\'s menu, a lock button in its title bar while locked', () => {
        assert.equal(toggleLockCommand, 'strategy.preview.toggleLock');
        const title = manifest.contributes.menus['editor/title'] ?? [];
        const lock = title.filter(item => item.command === toggleLockCommand).map(item => item.when);
        assert.deepEqual(lock, [`activeWebviewPanelId == '${previewViewType}' && ${previewLockedContext}`, `activeWebviewPanelId == '${previewViewType}'`]);
        assert.equal(declared.get(toggleLockCommand)?.icon, '$(lock)');
        assert.match(title.find(item => item.command === copyCommands.svg)?.when ?? '', new RegExp(`activeWebviewPanelId == '${previewViewType}'`));
    });

    it('activates to bring a preview back after a window reload', () => {
        assert.ok(manifest.activationEvents.includes(`onWebviewPanel:${previewViewType}`));
    });

    it('refers only to declared commands in menus and keys', () => {
        const referenced = [
            ...manifest.contributes.keybindings.map(each => each.command),
            ...Object.values(manifest.contributes.menus).flat().flatMap(item => [item.command, ...(item.alt ? [item.alt] : [])])
        ];
        for (const command of referenced) assert.ok(declared.has(command), command);
    });

    it('offers Compare with Revision… in the palette of .strategy editors and the preview, and in the preview\'s menu', () => {
        const command = 'strategy.compareWithRevision';
        assert.equal(declared.get(command)?.title, 'Compare with Revision…');
        assert.equal(declared.get(command)?.category, 'Strategy');
        const palette = manifest.contributes.menus.commandPalette?.find(item => item.command === command)?.when ?? '';
        assert.match(palette, /editorLangId == strategy/);
        assert.match(palette, new RegExp(`activeWebviewPanelId == '${previewViewType}'`));
        assert.match((manifest.contributes.menus['editor/title'] ?? []).find(item => item.command === command)?.when ?? '', new RegExp(`activeWebviewPanelId == '${previewViewType}'`));
    });
});
