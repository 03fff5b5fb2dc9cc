// Seeded mutations of `.strategy` texts for the fuzzer. Everything here is a pure function of the random source,
// so a seed and a variant index always give the same text.

/** mulberry32: small, fast and good enough to pick mutations; the same seed gives the same sequence everywhere. */
export class Random {
    private state: number;
    constructor(seed: number) { this.state = seed >>> 0; }
    next(): number {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    /** An integer in [0, n). */
    int(n: number): number { return Math.floor(this.next() * n); }
    chance(p: number): boolean { return this.next() < p; }
    pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
}

/** The random source of variant `index` of a run: independent of every other variant, so one can be replayed alone. */
export function variantRandom(seed: number, index: number): Random {
    return new Random(Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));
}

export interface Token { text: string; kind: 'ws' | 'comment' | 'string' | 'word' | 'punct' }

const tokenPattern = /\/\*[\s\S]*?(?:\*\/|$)|\/\/[^\r\n]*|"(?:\\[\s\S]|[^"\\])*"?|[A-Za-z0-9_][A-Za-z0-9_.-]*|\s+|[\s\S]/gu;

/** A rough lexer: enough to mutate at token boundaries (the language's own lexer is what the fuzzer tests). */
export function tokenize(text: string): Token[] {
    return [...text.matchAll(tokenPattern)].map(([token]) => ({
        text: token,
        kind: /^\s/.test(token) ? 'ws'
            : token.startsWith('//') || token.startsWith('/*') ? 'comment'
            : token.startsWith('"') ? 'string'
            : /^[A-Za-z0-9_]/.test(token) ? 'word' : 'punct'
    }));
}

export const keywords = [
    'about', 'addresses', 'advances', 'baseline', 'by', 'canvas', 'current', 'focus', 'for', 'goal', 'horizon',
    'hypothesis', 'implements', 'kind', 'link', 'metric', 'need', 'objective', 'obstacle', 'on', 'outcomes', 'owner',
    'parent', 'plan', 'play', 'problem', 'question', 'questions', 'range', 'reading', 'serves', 'solution', 'solutions',
    'status', 'step', 'success', 'target', 'ticket', 'tickets', 'to', 'unit', 'users', 'usertype', 'vision', 'win'
];

/** Values of the metrics over time and of status: relative targets (well- and ill-formed) and the v2 statuses. */
const valuesOverTime = ['+20%', '-15%', '+abc%', '+%', '-0%', '+1.5%', '+99999999999999999999%', '%', 'building', 'shipped', 'dropped', 'rejected'];
/** Dates that are, or look like but are not, calendar dates. */
const dates = ['2027-06-30', '2027-02-30', '2027-2-3', '0000-00-00', '9999-99-99', '2026-11-23', '2026-13-01', '2024-02-29', '2026-02-29', '30/06/2027', '2026-11-24'];

const punctuation = ['{', '}', ',', '.', '"', '/*', '*/', '//', '-', '\\', '{}', '}}'];

/** Astral characters (surrogate pairs), combining marks, zero-width and bidi controls. */
export const oddCharacters = [
    '😀', '𝔘', '𠜎', '🏳️‍🌈', 'e\u0301', '\u0301', '\u0300\u0301\u0302\u0303', '\u200b', '\u200d', '\u202e', '\u2066',
    '\ufeff', '\u0000', '\u0007', '\u2028', '\u2029', '\ud800', '\udfff', 'Ω', 'ß', 'İ', '\t', '\u00a0'
];

const hostileStrings = [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '</style><style>*{}',
    ']]><!--', '${x}', '{{x}}', '| a | b |', '# h', '&amp;&lt;', '\\', '\\"', '\\n'
];

/** A value that could stand in a `.strategy` file: keyword, ID, number, date, string, punctuation. */
function randomToken(random: Random, words: readonly string[]): string {
    switch (random.int(8)) {
        case 0: case 1: return random.pick(keywords);
        case 2: return words.length > 0 ? random.pick(words) : 'X';
        case 3: return random.pick(['0', '-1', '1.5', '99999999999999999999', '1e9', '-', '0.', ...valuesOverTime]);
        case 4: return random.pick(dates);
        case 5: return `"${random.pick(hostileStrings)}"`;
        case 6: return random.pick(punctuation);
        default: return `Id${random.int(50)}${random.chance(0.3) ? random.pick(oddCharacters) : ''}`;
    }
}

function join(tokens: readonly Token[]): string {
    return tokens.map(token => token.text).join('');
}

/** The index of a random non-whitespace token, or -1. */
function solidIndex(random: Random, tokens: readonly Token[]): number {
    const solid = tokens.flatMap((token, index) => token.kind === 'ws' ? [] : [index]);
    return solid.length === 0 ? -1 : random.pick(solid);
}

function randomCharacter(random: Random): string {
    switch (random.int(4)) {
        case 0: return String.fromCharCode(random.int(0x80));
        case 1: return String.fromCharCode(random.int(0x10000));
        case 2: return String.fromCodePoint(0x10000 + random.int(0x100000 - 0x10000));
        default: return random.pick(oddCharacters);
    }
}

export interface Mutation {
    name: string;
    apply(random: Random, text: string, words: readonly string[]): string;
}

export const mutations: readonly Mutation[] = [
    {
        name: 'delete-token', apply(random, text) {
            const tokens = tokenize(text);
            const index = solidIndex(random, tokens);
            if (index >= 0) tokens.splice(index, 1 + (random.chance(0.2) ? random.int(6) : 0));
            return join(tokens);
        }
    },
    {
        name: 'duplicate-token', apply(random, text) {
            const tokens = tokenize(text);
            const index = solidIndex(random, tokens);
            if (index >= 0) {
                const span = tokens.slice(index, index + 1 + random.int(8));
                tokens.splice(index, 0, ...span, { text: ' ', kind: 'ws' });
            }
            return join(tokens);
        }
    },
    {
        name: 'swap-tokens', apply(random, text) {
            const tokens = tokenize(text);
            const a = solidIndex(random, tokens), b = solidIndex(random, tokens);
            if (a >= 0 && b >= 0) [tokens[a], tokens[b]] = [tokens[b], tokens[a]];
            return join(tokens);
        }
    },
    {
        name: 'insert-token', apply(random, text, words) {
            const tokens = tokenize(text);
            const at = random.int(tokens.length + 1);
            tokens.splice(at, 0, { text: ` ${randomToken(random, words)} `, kind: 'word' });
            return join(tokens);
        }
    },
    {
        name: 'replace-word', apply(random, text, words) {
            const tokens = tokenize(text);
            const index = solidIndex(random, tokens);
            if (index >= 0) tokens[index] = { text: randomToken(random, words), kind: 'word' };
            return join(tokens);
        }
    },
    {
        name: 'random-bytes', apply(random, text) {
            const characters = [...text];
            const count = 1 + random.int(random.chance(0.1) ? 200 : 8);
            for (let i = 0; i < count; i++) characters.splice(random.int(characters.length + 1), random.int(2), randomCharacter(random));
            return characters.join('');
        }
    },
    {
        name: 'truncate', apply(random, text) {
            return text.slice(0, random.int(text.length + 1));
        }
    },
    {
        name: 'deep-nesting', apply(random, text) {
            const depth = random.pick([100, 1_000, 10_000]);
            const open = random.pick(['{', '{ ', 'plan { ', '{ step "s" ', '/*', '"']);
            const at = random.int(text.length + 1);
            const closing = random.chance(0.5) ? '}'.repeat(depth) : '';
            return text.slice(0, at) + open.repeat(depth) + closing + text.slice(at);
        }
    },
    {
        name: 'parent-chain', apply(random, text) {
            // Objectives 1,000 deep through `parent`, sometimes closed into one long cycle, with a metric at the bottom.
            const depth = random.pick([200, 1_000]);
            const cycle = random.chance(0.3);
            const lines: string[] = [];
            for (let i = 0; i < depth; i++) {
                const parent = i > 0 ? `P${i - 1}` : cycle ? `P${depth - 1}` : '';
                lines.push(`objective P${i} "Level ${i}" {${parent ? ` parent ${parent}` : ''}${i === depth - 1 ? ' metric Deep' : ''} }`);
            }
            lines.push('metric Deep "d" { baseline 1 target 2 by 2027-01-01 current 1.5 }');
            lines.push(`ticket DEEP-1 "t" { serves P${depth - 1} }`);
            lines.push(`canvas DeepCanvas "c" { kind strategy goal P0 success Deep }`);
            return `${text}\n${lines.join('\n')}\n`;
        }
    },
    {
        name: 'huge-string', apply(random, text) {
            const tokens = tokenize(text);
            const strings = tokens.flatMap((token, index) => token.kind === 'string' ? [index] : []);
            const length = random.pick([10_000, 100_000, 1_000_000]);
            const huge = `"${random.pick(['x', 'word ', '<b>', '😀', 'e\u0301', '\\"']).repeat(length / 10)}"`;
            if (strings.length > 0) tokens[random.pick(strings)] = { text: huge, kind: 'string' };
            else tokens.push({ text: ` ${huge}`, kind: 'string' });
            return join(tokens);
        }
    },
    {
        name: 'line-ends', apply(random, text) {
            const end = random.pick(['\r\n', '\r', '\u2028', '\n\r']);
            return random.chance(0.5) ? text.replace(/\r?\n/g, end) : text.replace(/\r?\n/g, () => random.chance(0.5) ? end : '\n');
        }
    },
    {
        name: 'bom', apply(random, text) {
            return random.chance(0.8) ? `\ufeff${text}` : `${text}\ufeff`;
        }
    },
    {
        name: 'odd-unicode', apply(random, text) {
            // Into an ID or a string: astral characters, combining marks, bidi controls.
            const tokens = tokenize(text);
            const candidates = tokens.flatMap((token, index) => token.kind === 'word' || token.kind === 'string' ? [index] : []);
            if (candidates.length === 0) return text;
            const index = random.pick(candidates);
            const characters = [...tokens[index].text];
            const at = tokens[index].kind === 'string' ? 1 + random.int(Math.max(1, characters.length - 1)) : random.int(characters.length + 1);
            characters.splice(at, 0, random.pick(oddCharacters).repeat(1 + (random.chance(0.2) ? random.int(50) : 0)));
            tokens[index] = { text: characters.join(''), kind: tokens[index].kind };
            return join(tokens);
        }
    },
    {
        name: 'metric-history', apply(random, text, words) {
            // Metrics over time: readings (duplicate, unordered, undated, future, not dates), dated baseline and
            // current, relative targets, ranges (reversed too), inside an existing metric or in a new one.
            const count = random.pick([0, 1, 2, 3, 10, 50, 1_000, 10_000]);
            const value = () => random.pick([String(random.int(100)), `${random.int(100)}.${random.int(10)}`, '-3', '0', 'abc', '+20%', '"41"']);
            const date = () => random.chance(0.85) ? `2026-${String(1 + random.int(12)).padStart(2, '0')}-${String(1 + random.int(28)).padStart(2, '0')}` : random.pick(dates);
            const fields: string[] = [];
            for (let i = 0; i < count; i++) fields.push(random.chance(0.05) ? `reading ${value()}` : `reading ${value()} on ${date()}`);
            if (random.chance(0.5)) fields.push(`baseline ${value()}${random.chance(0.6) ? ` on ${date()}` : ''}`);
            if (random.chance(0.5)) fields.push(`target ${random.chance(0.5) ? random.pick(valuesOverTime.slice(0, 8)) : value()}${random.chance(0.8) ? ` by ${random.pick(dates)}` : ''}`);
            if (random.chance(0.3)) fields.push(`current ${value()}${random.chance(0.5) ? ` on ${date()}` : ''}`);
            if (random.chance(0.4)) fields.push(`range ${value()} to ${value()}`);
            const body = (random.chance(0.2) ? fields.reverse() : fields).join(random.pick(['\n  ', ' ']));
            const metrics = [...text.matchAll(/\bmetric\s+([A-Za-z_][\w-]*)\s+"[^"\n]*"\s*\{/g)];
            if (metrics.length > 0 && random.chance(0.6)) {
                const into = random.pick(metrics);
                const at = into.index! + into[0].length;
                return `${text.slice(0, at)}\n  ${body}\n${text.slice(at)}`;
            }
            const name = `History${random.int(5)}`;
            const objective = random.chance(0.5) ? `\nobjective Measured${random.int(5)} "m" { metric ${name}${words.length > 0 && random.chance(0.3) ? `, ${random.pick(words)}` : ''} }` : '';
            return `${text}\nmetric ${name} "History" {\n  ${body}\n}${objective}\n`;
        }
    },
    {
        name: 'splice-other', apply(random, text, words) {
            // A line from elsewhere in the corpus.
            const lines = text.split('\n');
            lines.splice(random.int(lines.length + 1), 0, words.length > 0 ? `${random.pick(keywords)} ${random.pick(words)} "${random.pick(words)}" {` : '{');
            return lines.join('\n');
        }
    }
];

const heavy = new Set(['parent-chain', 'huge-string', 'deep-nesting', 'metric-history']);

/** One to three mutations of `text`, with the names of those applied. */
export function mutate(random: Random, text: string, words: readonly string[]): { text: string; applied: string[] } {
    const applied: string[] = [];
    const count = 1 + random.int(3);
    for (let i = 0; i < count; i++) {
        let mutation = random.pick(mutations);
        // At most one that makes the file large (two 1,000-deep chains are a scale test, not a fuzz case).
        while (heavy.has(mutation.name) && applied.some(name => heavy.has(name))) mutation = random.pick(mutations);
        text = mutation.apply(random, text, words);
        applied.push(mutation.name);
    }
    return { text, applied };
}

/** The words (IDs and keywords) of a corpus, for mutations that insert names that resolve. */
export function wordsOf(texts: readonly string[]): string[] {
    const words = new Set<string>();
    for (const text of texts) for (const token of tokenize(text)) if (token.kind === 'word' && /^[A-Za-z_]/.test(token.text)) words.add(token.text);
    return [...words].sort();
}
