import assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, previewShellHtml } from '../../src/extension/preview/preview-html.js';
import { shellIds } from '../../src/webview/shell.js';

const cspSource = 'https://file+.vscode-resource.vscode-cdn.net';
const scriptUri = `${cspSource}/ext/media/preview.js`;

function shell(css: string[] = ['.strategy-view { color: red; }'], nonce = 'bm9uY2Utb25l'): string {
    return previewShellHtml({ cspSource, scriptUri, css, nonce });
}

/** Every start tag of the shell with its name and attribute text. */
function tags(html: string): Array<{ name: string; attributes: string }> {
    return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map(match => ({ name: match[1]!.toLowerCase(), attributes: match[2]! }));
}

describe('preview shell HTML', () => {
    it('starts its head with a Content Security Policy that allows nothing but nonce styles and scripts and local images', () => {
        const html = shell();
        const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
        assert.ok(meta, 'CSP meta tag');
        assert.ok(html.indexOf(meta[0]) < html.indexOf('<style'), 'the policy precedes every style and script');
        const policy = meta[1]!.replace(/&#39;|&apos;/g, "'");
        assert.equal(policy, contentSecurityPolicy(cspSource, 'bm9uY2Utb25l'));
        assert.match(policy, /^default-src 'none'; /);
        assert.match(policy, /style-src 'nonce-bm9uY2Utb25l';/);
        assert.match(policy, /script-src 'nonce-bm9uY2Utb25l';/);
        assert.match(policy, new RegExp(`img-src ${cspSource.replace(/[.+]/g, '\\$&')} blob: data:;`));
        assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|\*/);
    });

    it('puts the nonce on every script and style, and loads the one script from the media URI', () => {
        const html = shell(['a {}', 'b {}']);
        const scripts = tags(html).filter(tag => tag.name === 'script');
        const styles = tags(html).filter(tag => tag.name === 'style');
        assert.equal(scripts.length, 1);
        assert.equal(styles.length, 3, 'the two given stylesheets and the shell\'s own');
        for (const tag of [...scripts, ...styles]) assert.match(tag.attributes, / nonce="bm9uY2Utb25l"/);
        assert.match(scripts[0]!.attributes, new RegExp(` src="${scriptUri.replace(/[.+]/g, '\\$&')}"`));
        assert.doesNotMatch(html, /<link\b/);
    });

    it('has no inline event handler, style attribute or javascript: URL', () => {
        const html = shell();
        for (const tag of tags(html)) {
            assert.doesNotMatch(tag.attributes, /\son\w+\s*=/i, `<${tag.name}${tag.attributes}>`);
            assert.doesNotMatch(tag.attributes, /\sstyle\s*=/i, `<${tag.name}${tag.attributes}>`);
        }
        assert.doesNotMatch(html, /javascript:/i);
    });

    it('has the elements the webview script fills', () => {
        const html = shell();
        for (const id of Object.values(shellIds)) assert.match(html, new RegExp(` id="${id}"`), id);
    });

    it('keeps a stylesheet inside its <style> element and escapes attribute values', () => {
        const html = previewShellHtml({
            cspSource, scriptUri: 'https://x/preview.js?a=1&b="2"', css: ['p::after { content: "</style><script>alert(1)</script>"; }'], nonce: 'n"x'
        });
        assert.doesNotMatch(html, /<\/style><script>alert/);
        // As an HTML parser reads it: a <style> element's text runs to the first `</style`.
        const outsideStyles = html.replace(/<style[^>]*>[\s\S]*?<\/style/gi, '');
        assert.equal(tags(outsideStyles).filter(tag => tag.name === 'script').length, 1);
        assert.match(html, /src="https:\/\/x\/preview\.js\?a=1&amp;b=&quot;2&quot;"/);
        assert.match(html, /nonce="n&quot;x"/);
    });

    it('draws a fresh, unguessable nonce each time', () => {
        const nonces = new Set(Array.from({ length: 50 }, createNonce));
        assert.equal(nonces.size, 50);
        for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{22}==$/);
    });
});
