import { elementKinds } from '../language/element-kinds.js';
import { visibleText } from '../render/escape.js';
import type { ElementIndex } from './element-index.js';
import type { SitePage } from './site-page.js';
import { hrefOf } from './site-links.js';

// Search that works opened from disk: a page cannot fetch a file there, so the search page carries its index as
// a JSON data block (not run, so outside the script policy) and a script of its own, allowed by its hash. Every
// page's search box is a plain form to this page (`search.html?q=…`). Results are built as DOM nodes from text,
// never as markup, so an element's title cannot become markup here either; the titles are the visible text every
// other page shows (a bidi control as its code point), since a text node would otherwise reorder the line.

const script = `(function () {
  var data = JSON.parse(document.getElementById('search-data').textContent);
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var limit = 200;
  function show(query) {
    var words = query.toLowerCase().split(/\\s+/).filter(Boolean);
    var whole = words.join(' ');
    list.textContent = '';
    if (words.length === 0) { status.textContent = 'Type an ID or words of a title.'; return; }
    var exact = [], rest = [];
    for (var i = 0; i < data.length; i++) {
      var entry = data[i], id = entry[0].toLowerCase(), text = id + ' ' + entry[1].toLowerCase(), all = true;
      for (var w = 0; w < words.length && all; w++) all = text.indexOf(words[w]) >= 0;
      if (all) (id === whole ? exact : rest).push(entry);
    }
    var found = exact.concat(rest);
    status.textContent = found.length === 0 ? 'Nothing matches \\u201c' + query.trim() + '\\u201d.'
      : found.length + (found.length === 1 ? ' element matches' : ' elements match') + (found.length > limit ? '; the first ' + limit + ' are shown.' : '.');
    for (var j = 0; j < found.length && j < limit; j++) {
      var item = document.createElement('li'), link = document.createElement('a'), code = document.createElement('code'), kind = document.createElement('span');
      link.href = found[j][3];
      code.className = 'site-id';
      code.textContent = found[j][0];
      link.appendChild(code);
      item.appendChild(link);
      item.appendChild(document.createTextNode(' ' + found[j][1] + ' '));
      kind.className = 'site-kind';
      kind.textContent = found[j][2];
      item.appendChild(kind);
      list.appendChild(item);
    }
  }
  // search.html#Engagement (where index.html#Engagement leads) goes to the element with that anchor, if any.
  function goToAnchor() {
    var anchor = location.hash.slice(1);
    try { anchor = decodeURIComponent(anchor); } catch (malformed) { /* read as written */ }
    if (!anchor) return false;
    for (var k = 0; k < data.length; k++) {
      if (data[k][3].slice(data[k][3].indexOf('#') + 1) === anchor) { location.replace(data[k][3]); return true; }
    }
    input.value = anchor;
    show(anchor);
    status.textContent = 'No element has the ID \u201c' + anchor + '\u201d. ' + status.textContent;
    return true;
  }
  if (!goToAnchor()) {
    var query = new URLSearchParams(location.search).get('q') || '';
    input.value = query;
    show(query);
  }
  window.addEventListener('hashchange', goToAnchor);
  input.addEventListener('input', function () { show(input.value); });
})();`;

/**
 * The front page's script: `index.html#Engagement`, an element's ID after the site's address, leads to the
 * element's entry through the search page, which knows every anchor. An anchor of the front page itself stays.
 */
export const anchorScript = `(function () {
  function follow() {
    var anchor = location.hash.slice(1);
    try { anchor = decodeURIComponent(anchor); } catch (malformed) { /* read as written */ }
    if (anchor && !document.getElementById(anchor)) location.replace('search.html#' + encodeURIComponent(anchor));
  }
  follow();
  window.addEventListener('hashchange', follow);
})();`;

/** JSON inside <script>: `<` escaped, so no text can close the block or open a comment. */
function scriptJson(value: unknown): string {
    return JSON.stringify(value).replace(/</g, '\\u003c');
}

export function searchPage(index: ElementIndex): SitePage {
    const entries = index.elements.map(element => [
        visibleText(element.id), visibleText(element.title), elementKinds[element.type as keyof typeof elementKinds].noun, hrefOf(element)
    ]);
    return {
        page: 'search.html',
        title: 'Search',
        body: '<h1>Search</h1>'
            + '<form class="site-search site-search-page" role="search" action="search.html" method="get">'
            + '<input id="search-input" type="search" name="q" aria-label="Search by ID or title" placeholder="Search by ID or title" autofocus>'
            + '<button type="submit">Search</button></form>'
            + `<p id="search-status" class="site-lede" role="status">Search needs scripts on; the <a href="index.html">overview</a> lists every kind of element.</p>`
            + '<ul id="search-results" class="site-results"></ul>'
            + `<script type="application/json" id="search-data">${scriptJson(entries)}</script>`,
        script
    };
}
