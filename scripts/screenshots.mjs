// `npm run screenshots`: the README's pictures of the preview. The example's two canvases and its alignment map,
// rendered by the real renderer into the real webview shell and script, in Debian's Chromium with the variables of
// VS Code's Dark Modern theme set on the page as VS Code sets them. Writes docs/preview-*.png (each under 300 KB).
// Runs with tsx (see package.json), as it shares the browser test's harness.
import { statSync } from 'node:fs';
import * as path from 'node:path';
import {
    darkModern, launchChromium, openPreview, PreviewServer, renderFixture, root, updateMessage
} from '../test/webview/preview-harness.ts';

const maxBytes = 300 * 1024;
const width = 1400;
const shots = [
    { file: 'docs/preview-product-canvas.png', index: 0 },
    { file: 'docs/preview-strategy-canvas.png', index: 1 },
    { file: 'docs/preview-alignment-map.png', index: 2 }
];

const rendered = await renderFixture('examples/shop-app', ['AppRecurrence', 'Growth2027', undefined]);
const server = await PreviewServer.start();
const browser = await launchChromium();
let failed = false;
try {
    for (const shot of shots) {
        const view = rendered[shot.index];
        const preview = await openPreview(browser, server, {
            width,
            height: 900,
            // VS Code's default `window.systemColorTheme` makes Electron report a dark theme as prefers-color-scheme: dark.
            theme: { variables: darkModern, bodyClass: 'vscode-dark', colorScheme: 'dark' }
        });
        const counts = { errors: 0, warnings: 0, infos: 0 };
        await preview.send(updateMessage(view, counts));
        const page = preview.page;
        if (view.view.view === 'map') {
            await page.setViewportSize({ width, height: 820 });
            await page.locator('[data-zoom="fit"]').click();
        } else {
            // The content scrolls inside the panel: make the window as tall as the canvas so one picture shows it all.
            const height = await page.evaluate(() => {
                const document = globalThis.document;
                const content = document.getElementById('preview-content');
                const padding = parseFloat(getComputedStyle(content).paddingTop) + parseFloat(getComputedStyle(content).paddingBottom);
                return document.querySelector('.preview-header').offsetHeight + content.firstElementChild.scrollHeight + padding;
            });
            await page.setViewportSize({ width, height: Math.ceil(height) });
        }
        const file = path.join(root, shot.file);
        await page.screenshot({ path: file });
        await page.close();
        const size = statSync(file).size;
        process.stdout.write(`${shot.file}  ${Math.round(size / 1024)} KB\n`);
        if (size > maxBytes) {
            process.stderr.write(`${shot.file} is larger than ${maxBytes / 1024} KB\n`);
            failed = true;
        }
    }
} finally {
    await browser.close();
    await server.close();
}
process.exit(failed ? 1 : 0);
