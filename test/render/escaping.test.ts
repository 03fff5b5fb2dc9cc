import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Marked } from 'marked';
import { previewView, type PreviewView } from '../../src/model/preview-view.js';
import { escapeHtml, terminalText, visibleText } from '../../src/render/escape.js';
import { markdownText } from '../../src/render/text/markdown.js';
import { traceMarkdown } from '../../src/render/text/trace-formats.js';
import { traceOf } from '../../src/model/trace.js';
import { previewCss } from '../../src/render/preview-styles.js';
import { renderView } from '../../src/render/render-view.js';
import { workspace } from '../helpers.js';
import { fixture, modelOf } from './render-fixtures.js';
import { parseXml, type ParsedElement } from './xml-check.js';

// test/fixtures/hostile: titles, texts and units full of markup. Every format must show them as text: the markup
// parses to nothing but the renderers' own elements and attributes, and SVG stays well-formed XML.

const htmlElements = new Set(['div', 'header', 'h1', 'h2', 'p', 'section', 'ul', 'li', 'span', 'code', 'svg', 'rect', 'path', 'circle', 'g', 'text', 'tspan', 'title', 'defs', 'marker', 'details', 'summary']);
const svgElements = new Set(['svg', 'title', 'style', 'rect', 'text', 'tspan', 'g', 'path', 'circle', 'defs', 'marker']);
const attributes = /^(id|class|open|data-[a-z]+|tabindex|role|aria-label|aria-hidden|focusable|xmlns|viewBox|preserveAspectRatio|width|height|x|y|rx|cx|cy|r|d|transform|text-anchor|marker-start|refX|refY|markerWidth|markerHeight|orient)$/;

function checkMarkup(elements: ParsedElement[], allowed: Set<string>, what: string): void {
    for (const element of elements) {
        assert.ok(allowed.has(element.name), `${what}: <${element.name}>`);
        for (const [name, value] of element.attributes) {
            assert.match(name, attributes, `${what}: <${element.name} ${name}>`);
            assert.doesNotMatch(value, /javascript:|<|^\s*on/i, `${what}: ${name}="${value}"`);
        }
    }
}

/** Nothing but text can carry these: `<` is always escaped, so they never open a tag. */
function assertNoRawMarkup(output: string, what: string): void {
    assert.doesNotMatch(output, /<(script|img|iframe|object|svg onload|math|b>|a href|style>body|textarea)/i, what);
    assert.doesNotMatch(output, /<[^>]*\son[a-z]+\s*=/i, `${what}: an event handler inside a tag`);
    assert.doesNotMatch(output, /<[^>]*javascript:/i, `${what}: javascript: inside a tag`);
}

describe('render: escaping', () => {
    const views: Array<[string, () => Promise<PreviewView>]> = [
        ['HostileProduct', async () => previewView(modelOf(await fixture('hostile')), 'HostileProduct')!],
        ['HostileStrategy', async () => previewView(modelOf(await fixture('hostile')), 'HostileStrategy')!],
        ['the map', async () => previewView(modelOf(await fixture('hostile')))!]
    ];

    for (const [name, view] of views) {
        it(`shows ${name} of the hostile fixture as text in every format`, async () => {
            const fragment = await renderView(await view(), 'fragment');
            assertNoRawMarkup(fragment, 'fragment');
            checkMarkup(parseXml(fragment, { fragment: true }), htmlElements, 'fragment');
            assert.match(fragment, /&lt;(script|iframe|img|svg) /);

            const html = await renderView(await view(), 'html');
            assertNoRawMarkup(html.slice(html.indexOf('<body')), 'html');
            const body = html.slice(html.indexOf('<body class="strategy-export">') + 30, html.indexOf('</body>'));
            checkMarkup(parseXml(body, { fragment: true }), htmlElements, 'html');

            const svg = await renderView(await view(), 'svg');
            assertNoRawMarkup(svg.slice(svg.indexOf('</style>')), 'svg');
            const parsed = parseXml(svg);
            checkMarkup(parsed, svgElements, 'svg');
            assert.equal(parsed[0].name, 'svg');
            assert.match(parsed[0].attributes.get('width')!, /^\d+$/);
            const texts = parsed.filter(element => element.name === 'tspan').map(element => element.text).join(' ');
            assert.match(texts, /<script>|<svg onload|<img src=x|\{\{constructor/, 'the hostile text reads as it was written');

            const markdown = await renderView(await view(), 'md');
            assert.doesNotMatch(markdown.replace(/<br>/g, ''), /</, 'markdown: only our own <br>');
            assert.doesNotMatch(markdown, /^(?!#+ |\| |\|-|- | +- |\*|\d+ objectives? · |$)/m, 'markdown: every line is ours: a heading, a table row, a list item, a note');
        });
    }

    it('the HTML export allows its one stylesheet by hash and nothing else', async () => {
        const html = await renderView(previewView(modelOf(await fixture('hostile')), 'HostileProduct')!, 'html');
        const hash = createHash('sha256').update(previewCss, 'utf8').digest('base64');
        assert.match(html, /^<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n/);
        assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-${hash}'">`));
        assert.ok(html.includes(`<style>${previewCss}</style>`));
        assert.ok(html.includes('<title>&lt;script&gt;window.__pwned = &#39;canvas&#39;&lt;/script&gt;</title>'));
        assert.doesNotMatch(html, /<script|\sstyle=/i);
        assert.doesNotMatch(previewCss, /<\//, 'the stylesheet cannot end its <style>');
        // Exports carry no paths of the author's machine, and no focus for a script that is not there.
        assert.doesNotMatch(html.slice(html.indexOf('<body')), /data-uri|tabindex/);
    });

    it('keeps a need with pipes and line breaks inside its Markdown table cell', async () => {
        const markdown = await renderView(previewView(modelOf(await fixture('hostile')), 'HostileProduct')!, 'md');
        const row = markdown.split('\n').find(line => line.includes('Breakout'))!;
        const cells = row.split(/(?<!\\)\|/);
        assert.equal(cells.length, 4, `two cells: ${row}`);
        assert.match(cells[2], /\\\| table \\\| breakout \\\|<br>\\# heading &lt;!-- comment --&gt;/);
        assert.match(markdown, /\*\*Bidi\*\* Text with a bidi override \\\[U\+202E\\\] gnp.exe and &lt;b onmouseover=alert\(1\)&gt;hover&lt;\/b&gt;/);
    });

    it('escapes text and attribute values for HTML and XML alike', () => {
        assert.equal(escapeHtml(`<a href="x" title='y'>&amp;</a>`), '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;');
        assert.equal(escapeHtml('tab\tnul\u0000bell\u0007 lone\uD800 pair😀'), 'tab\tnul\uFFFDbell\uFFFD lone\uFFFD pair😀');
        assert.equal(visibleText('abc\u202Edef\u2066'), 'abc[U+202E]def[U+2066]');
        assert.equal(markdownText('# *not* a [link](javascript:x) | `code` ~~x~~ <b>&'), '\\# \\*not\\* a \\[link\\](javascript:x) \\| \\`code\\` \\~\\~x\\~\\~ &lt;b&gt;&amp;');
        assert.equal(markdownText('- item\n+ more\r\n1. first'), '\\- item<br>+ more<br>1. first');
        assert.equal(markdownText('12) twelve'), '12\\) twelve');
    });

    it('escapes a line of plain text as compilers do: controls, bidi and line separators, a leading ::, a ##[ anywhere', () => {
        assert.equal(terminalText('a\nb\r\tc\u0000\u001b[2J\u007f\u009b\u202e\u2066\u2028'), 'a\\nb\\r\tc\\x00\\x1b[2J\\x7f\\x9b\\u202e\\u2066\\u2028');
        assert.equal(terminalText('::error::x'), '\\x3a:error::x');
        assert.equal(terminalText(' \t::warning::x ::y'), ' \t\\x3a:warning::x ::y');
        assert.equal(terminalText('a ##[error]b ###[x'), 'a #\\x23[error]b ##\\x23[x');
        assert.equal(terminalText('plain: text, é 😀'), 'plain: text, é 😀');
    });

    it('keeps a web address in Markdown text: no autolink, which marked runs on over the escaped `<` after it', () => {
        const text = `see http://example.com/a'<b> and WWW.example.com or ftp://x`;
        assert.equal(markdownText(text), `see http\\://example.com/a'&lt;b&gt; and WWW\\.example.com or ftp\\://x`);
        const html = new Marked({ gfm: true, async: false }).parse(markdownText(text)) as string;
        assert.doesNotMatch(html, /<a /, 'no link');
        assert.equal(html, `<p>see http://example.com/a&#39;&lt;b&gt; and WWW.example.com or ftp://x</p>\n`, 'reads as written');
    });

    it('keeps e-mail addresses, @mentions and #issue references inert in every Markdown export: no mailto link, no mention GitHub would notify', async () => {
        const said = 'Ask bob@evil.example, mailto:eve@evil.example or @team, cc @org/security-team and @Octo-Cat; fixes #12.';
        const ws = await workspace({
            'a.strategy': `objective O "${said}" { metric M }
metric M "${said}" { unit "@ops" baseline 1 target 2 by 2027-01-01 }
ticket T-1 "${said}" { serves O status "@here" }
solution S "${said}" { advances O hypothesis "${said}" }
question Q "${said}" { about S status answered answer "${said}" }
insight I "${said}" { source "${said}" supports S }
canvas C "${said}" { kind product problem "${said}" outcomes O plan { step "${said}" tickets T-1 } }`
        });
        const model = modelOf(ws);
        const outputs = {
            'render canvas': await renderView(previewView(model, 'C')!, 'md'),
            'render map': await renderView(previewView(model)!, 'md'),
            'trace': traceMarkdown(traceOf(model), uri => uri)
        };
        const marked = new Marked({ gfm: true, async: false });
        for (const [name, markdown] of Object.entries(outputs)) {
            const html = marked.parse(markdown) as string;
            assert.doesNotMatch(html, /<a[\s>]|href=/i, `${name}: a link`);
            // GitHub's mention filter reads the rendered text: an @ right before a letter or digit, not after a word character.
            const text = html.replace(/<[^>]*>/g, ' ');
            assert.doesNotMatch(text, /(^|[^\w`])@[a-z0-9]/im, `${name}: a mention`);
            assert.doesNotMatch(text, /(^|[^\w&])#\d/m, `${name}: a reference to issue 12, which GitHub would link and note on the issue`);
            assert.match(text, /bob@\u200Devil\.example/, `${name}: the address still reads as written`);
        }
    });

    it('keeps a status or kind written with spaces to one class of its badge, adding none of the preview\'s own', async () => {
        const ws = await workspace({
            'a.strategy': `objective O "O" { metric M }
metric M "M" { baseline 1 target 2 by 2027-01-01 }
solution S "S" { advances O status "x highlighted map-viewport" }
ticket T-1 "T" { serves O implements S kind "a view-title" status "b\\"c" }
canvas C "C" { kind product outcomes O solutions S plan { step "s" tickets T-1 } }`
        });
        for (const view of [previewView(modelOf(ws), 'C')!, previewView(modelOf(ws))!]) {
            for (const format of ['fragment', 'svg'] as const) {
                // The map's card expanded, as the preview gets it: its whole card lists the solution with its badge.
                const output = await renderView(view, format, new Set(['objective:O']));
                const what = `${view.view} ${format}`;
                // The map's export summarises: solutions counted by status in words, listed only in the preview's whole cards.
                if (view.view === 'map' && format === 'svg') {
                    assert.match(output, />1 solution: 1 x highlighted<\/tspan><tspan [^>]*>map-viewport</, `${what}: the status in words`);
                    continue;
                }
                assert.ok(output.includes('badge-status-x_highlighted_map-viewport"'), `${what}: the status as one class`);
                assert.doesNotMatch(output, /class="[^"]*(\bhighlighted\b|\smap-viewport)/, `${what}: no class of the preview's from the status`);
                if (view.view === 'map') continue; // the map shows a ticket's kind and status in its text, not as badges
                assert.ok(output.includes('badge-kind-a_view-title"') && output.includes('badge-status-b_c"'), `${what}: the kind and status as one class each`);
                assert.doesNotMatch(output, /class="[^"]*\sview-title/, `${what}: no class of the preview's from the kind`);
            }
        }
    });
});
