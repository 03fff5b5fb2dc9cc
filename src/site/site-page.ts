import { createHash } from 'node:crypto';
import { escapeHtml } from '../render/escape.js';
import { siteCss } from './site-styles.js';

// The frame of every page: the header with the site's pages and the search box, the content, the footer. A page
// opened from disk may load nothing from anywhere: its Content Security Policy allows its own stylesheet and
// script by hash, and nothing else (no image, font, frame or connection), whatever a .strategy file holds.

export interface NavEntry {
    page: string;
    label: string;
}

export interface SitePage {
    /** The file name in the site's folder (`index.html`). */
    page: string;
    title: string;
    body: string;
    /** A script of the page's own, inlined and allowed by its hash (the search's, the front page's anchors). */
    script?: string;
    /** Views (canvases, the map) take the window's width; text pages keep a line short enough to read. */
    wide?: boolean;
}

export interface SiteFrame {
    /** The workspace's name in the header and every title: the vision's first words, or "Strategy". */
    name: string;
    nav: NavEntry[];
    /** Said at the bottom of every page: what was built from, and the day it was graded on. */
    footer: string;
}

function hashOf(text: string): string {
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

const styleHash = hashOf(siteCss);

function navHtml(nav: readonly NavEntry[], current: string): string {
    const items = nav.map(entry => {
        const currentPage = entry.page === current ? ' aria-current="page"' : '';
        return `<li><a href="${escapeHtml(entry.page)}"${currentPage}>${escapeHtml(entry.label)}</a></li>`;
    });
    return `<nav class="site-nav" aria-label="Site"><ul>${items.join('')}</ul></nav>`;
}

// A plain form, so that searching works with scripts off on every page; the search page reads `q` itself.
const searchForm = '<form class="site-search" role="search" action="search.html" method="get">'
    + '<input type="search" name="q" aria-label="Search by ID or title" placeholder="Search by ID or title">'
    + '<button type="submit">Search</button></form>';

export function pageHtml(page: SitePage, frame: SiteFrame): string {
    const scriptSource = page.script === undefined ? '' : ` script-src ${hashOf(page.script)};`;
    const csp = `default-src 'none'; style-src ${styleHash};${scriptSource} base-uri 'none'`;
    const title = page.page === 'index.html' ? frame.name : `${page.title} · ${frame.name}`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>${siteCss}</style>
</head>
<body class="strategy-export strategy-site">
<a class="site-skip" href="#site-content">Skip to content</a>
<header class="site-header"><a class="site-name" href="index.html">${escapeHtml(frame.name)}</a>${navHtml(frame.nav, page.page)}${searchForm}</header>
<main id="site-content" class="site-main${page.wide ? ' site-wide' : ''}">
${page.body}
</main>
<footer class="site-footer">${frame.footer}</footer>
${page.script === undefined ? '' : `<script>${page.script}</script>\n`}</body>
</html>
`;
}
