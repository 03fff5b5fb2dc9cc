import { createHash } from 'node:crypto';
import { escapeHtml } from './escape.js';
import { previewCss } from './preview-styles.js';

// The HTML export: one self-contained file, the fragment and its stylesheet. Its Content Security Policy allows
// nothing but that one stylesheet, by its hash: no script, image, font or connection, whatever the content holds.

let styleHash: string | undefined;

/** `sha256-…` of the stylesheet exactly as it stands between <style> and </style>. */
function previewCssHash(): string {
    styleHash ??= `sha256-${createHash('sha256').update(previewCss, 'utf8').digest('base64')}`;
    return styleHash;
}

export function htmlDocument(title: string, fragment: string): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src '${previewCssHash()}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${escapeHtml(title)}</title>
<style>${previewCss}</style>
</head>
<body class="strategy-export">
${fragment}
</body>
</html>
`;
}
