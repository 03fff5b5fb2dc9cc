// Generates a large, realistic and valid `.strategy` workspace for the benchmarks.
//
//   node scripts/bench/generate-workspace.mjs DIR [--files N] [--elements N] [--seed N] [--readings N] [--today YYYY-MM-DD] [--team]
//
// The output is deterministic for a given (files, elements, seed, readings, today): a seeded PRNG drives every choice.
// --readings N gives each metric a dated baseline and N dated readings up to `today` (default 2026-11-23, the
// bench's), on a trend with noise, so that grades vary as in real life: reached, on track, at risk, off track,
// overdue, stale, never measured, and KPIs (a `range`) inside and outside their band. Without it (0) the workspace
// is the one the benchmark generated before metrics had a history, byte for byte. --team writes a product team's
// workspace (about 20 objectives, 40 metrics, 60 solutions, 300 tickets in 30 files, 12 readings per metric unless
// --readings says otherwise) instead of --elements. The
// workspace is valid (`strategy check` reports 0 errors; some warnings and infos are expected, such as leaf
// objectives without work or needs no solution addresses) and most references point into other files, so the
// benchmark exercises cross-file linking the way a real product organisation's repository would.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { metricHistory } from './metric-history.mjs';

/** Share of each kind in the element total; canvases and the vision are taken out of the tickets' share. */
const mix = { objective: 0.12, metric: 0.12, usertype: 0.06, solution: 0.15, question: 0.05, ticket: 0.50 };
/** The order kinds appear in inside one file, as a person would lay a file out. */
const fileOrder = ['vision', 'objective', 'metric', 'usertype', 'solution', 'question', 'insight', 'ticket', 'canvas'];

const verbs = ['Grow', 'Increase', 'Reduce', 'Improve', 'Expand', 'Retain', 'Accelerate', 'Simplify', 'Raise', 'Cut'];
const subjects = ['Revenue', 'Engagement', 'Activation', 'Retention', 'Checkout', 'Onboarding', 'Basket', 'Search',
    'Delivery', 'Loyalty', 'Referrals', 'Support', 'Payments', 'Catalog', 'Pricing', 'Subscriptions', 'Returns',
    'Reviews', 'Notifications', 'Recommendations', 'Inventory', 'Partners', 'Marketplace', 'Mobile', 'Web'];
const qualifiers = ['Conversion', 'Frequency', 'Satisfaction', 'Speed', 'Reach', 'Quality', 'Margin', 'Adoption', 'Trust', 'Reliability'];
const teams = ['Growth team', 'Checkout squad', 'Platform team', 'Mobile guild', 'Search team', 'Payments tribe',
    'Leadership team', 'Logistics team', 'Data team', 'Customer care'];
const focuses = ['acquisition', 'retention', 'expansion', 'efficiency'];
const horizons = ['short', 'mid', 'long'];
const units = ['"%"', '"EUR"', '"ms"', '"orders"', '"users"', '"NPS"', '"days"', '"tickets"'];
const personas = ['FrequentBuyer', 'NewUser', 'Family', 'Student', 'SmallBusiness', 'Commuter', 'Senior', 'Gourmet',
    'BargainHunter', 'Traveller', 'Vendor', 'CourierPartner', 'StoreManager', 'SupportAgent', 'Marketer'];
const needNames = [['SaveTime', 'Saving time on purchases'], ['Trust', 'Trusting what they buy'],
    ['Recommendations', 'Receiving personalized recommendations'], ['LowPrices', 'Paying less for the same basket'],
    ['Reliability', 'Getting orders on time, every time'], ['Clarity', 'Understanding fees and delivery windows'],
    ['Control', 'Changing an order after placing it'], ['Discovery', 'Finding new products they will like'],
    ['Support', 'Getting help quickly when something goes wrong'], ['Insight', 'Seeing how their spending evolves']];
const features = ['one-tap reorder', 'saved baskets', 'smart reminders', 'delivery slot picker', 'price alerts',
    'loyalty points', 'live order tracking', 'instant refunds', 'bundle deals', 'voice search', 'shared lists',
    'subscription boxes', 'in-app chat', 'store pickup', 'personalised home page', 'express checkout'];
const ticketVerbs = ['Implement', 'Prototype', 'Refactor', 'Instrument', 'Fix', 'Design', 'Migrate', 'Spike on', 'Polish', 'Test'];
const solutionStatuses = ['idea', 'testing', 'validated', 'rejected'];
/** With readings the workspace is one written since metrics have a history, and so are its solutions' statuses. */
const solutionStatusesOverTime = ['idea', 'testing', 'building', 'shipped', 'validated', 'rejected'];
const ticketKinds = ['feature', 'refactor', 'platform', 'bug', 'experiment', 'research'];
const ticketStatuses = ['todo', 'doing', 'done', 'dropped'];

/** mulberry32: a small, fast, seeded PRNG with good enough statistics for test data. */
function prng(seed) {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

function makeTools(random) {
    const int = (min, max) => min + Math.floor(random() * (max - min + 1));
    const pick = list => list[Math.floor(random() * list.length)];
    const chance = p => random() < p;
    /** `count` distinct items of `list` (fewer if the list is shorter). */
    const sample = (list, count) => {
        const chosen = new Set();
        const wanted = Math.min(count, list.length);
        while (chosen.size < wanted) chosen.add(pick(list));
        return [...chosen];
    };
    const shuffle = list => {
        for (let i = list.length - 1; i > 0; i--) {
            const j = Math.floor(random() * (i + 1));
            [list[i], list[j]] = [list[j], list[i]];
        }
        return list;
    };
    const date = () => `${pick([2027, 2028])}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
    return { int, pick, chance, sample, shuffle, date, random };
}

/** A product team's workspace, as the issue describes one: about 20 objectives, 40 metrics, 60 solutions and 300 tickets. */
export const teamCounts = { vision: 1, objective: 20, metric: 40, usertype: 8, solution: 60, question: 10, ticket: 300, canvas: 2 };

/** How many elements of each kind make up `elements` in total. */
function kindCounts(elements) {
    const counts = {};
    for (const [kind, share] of Object.entries(mix)) counts[kind] = Math.max(1, Math.round(elements * share));
    counts.canvas = Math.max(2, Math.round(elements / 1000));
    counts.vision = 1;
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    counts.ticket = Math.max(1, counts.ticket + elements - total);
    return counts;
}

/**
 * Writes `files` `.strategy` files holding `elements` elements in total into `dir` (emptied of earlier
 * `.strategy` files first). Returns { files, elements, counts, references, crossFileReferences }.
 */
export function generateWorkspace(dir, { files, elements = 10000, seed = 1, readings: readingsWanted, today = '2026-11-23', team = false } = {}) {
    // A team's workspace is for looking at (views, grades), so its metrics have a year of history unless told otherwise.
    const readings = readingsWanted ?? (team ? 12 : 0);
    const random = prng(seed);
    const { int, pick, chance, sample, shuffle, date } = makeTools(random);
    const counts = team ? { ...teamCounts } : kindCounts(elements);
    /** Every element: { kind, name, render(fileOf) } with `refs` (names it references) for cross-file statistics. */
    const all = [];
    const used = new Set();
    const uniqueName = base => {
        let name = base;
        for (let n = 2; used.has(name); n++) name = `${base}${n}`;
        used.add(name);
        return name;
    };
    const doc = text => (chance(0.3) ? `/** ${text} */\n` : '');

    // Metrics first, so objectives can reference them. Their readings come from a stream of their own, so that a
    // workspace without readings is the one generated before readings existed, draw for draw.
    const history = readings > 0 ? metricHistory(makeTools(prng(seed * 7919 + 17)), today, readings) : undefined;
    const metrics = [];
    let readingCount = 0;
    for (let i = 0; i < counts.metric; i++) {
        const name = uniqueName(`${pick(subjects)}${pick(qualifiers)}`);
        const unit = pick(units);
        const baseline = unit === '"%"' ? int(5, 60) : int(10, 5000);
        const up = chance(0.75);
        const target = up ? baseline + int(1, Math.max(2, Math.round(baseline * 0.5))) : Math.max(0, baseline - int(1, Math.max(2, Math.round(baseline * 0.4))));
        const decimals = chance(0.2) ? '.5' : '';
        const current = chance(0.8) ? Math.round(baseline + (target - baseline) * random()) : undefined;
        const since = chance(0.2) ? ` on 2026-0${int(1, 9)}-1${int(0, 9)}` : '';
        const title = `${doc(`How we measure ${name}; reviewed every quarter.`)}metric ${name} "${pick(qualifiers)} of ${pick(subjects).toLowerCase()} (${unit.slice(1, -1)})" {\n`;
        const by = date();
        const metric = { kind: 'metric', name, refs: [] };
        if (history) {
            const story = history({ baseline, target: Number(`${target}${decimals}`), by });
            metric.text = `${title}  unit ${unit}\n${story.lines.map(line => `  ${line}\n`).join('')}}\n`;
            readingCount += story.readings;
        } else {
            metric.text = `${title}  unit ${unit}\n  baseline ${baseline}${since}\n  target ${target}${decimals} by ${by}\n`
                + (current === undefined ? '' : `  current ${current}\n`) + '}\n';
        }
        metrics.push(metric);
        all.push(metric);
    }

    // Objectives as a forest: each one's parent is an earlier objective, so there can be no cycle.
    const objectives = [];
    const roots = Math.max(1, Math.round(counts.objective / 40));
    for (let i = 0; i < counts.objective; i++) {
        const name = uniqueName(`${pick(verbs)}${pick(subjects)}${pick(qualifiers)}`);
        let parent;
        if (i >= roots) {
            // Prefer recent objectives (deeper trees) but never deeper than 6 levels.
            for (let attempt = 0; attempt < 8 && !parent; attempt++) {
                const candidate = chance(0.6) ? objectives[int(Math.max(0, i - 50), i - 1)] : objectives[int(0, i - 1)];
                if (candidate.depth < 5) parent = candidate;
            }
            parent ??= objectives[int(0, roots - 1)];
        }
        const objective = { kind: 'objective', name, parent, depth: parent ? parent.depth + 1 : 0, children: [], refs: [] };
        parent?.children.push(objective);
        const measuredBy = sample(metrics, chance(0.3) ? 2 : 1).map(m => m.name);
        objective.refs.push(...measuredBy, ...(parent ? [parent.name] : []));
        objective.text = `${doc(`Why ${name} matters: it moves the company goal one level up.`)}objective ${name} "${name.replace(/([a-z])([A-Z])/g, '$1 $2')}" {\n`
            + (parent ? `  parent ${parent.name}\n` : '')
            + `  focus ${pick(focuses)}\n  horizon ${parent ? pick(horizons) : 'long'}\n  owner "${pick(teams)}"\n`
            + `  metric ${measuredBy.join(', ')}\n}\n`;
        objectives.push(objective);
        all.push(objective);
    }
    /** An objective and all of its descendants. */
    const subtree = objective => [objective, ...objective.children.flatMap(subtree)];

    const userTypes = [];
    for (let i = 0; i < counts.usertype; i++) {
        const name = uniqueName(`${pick(personas)}${pick(subjects)}`);
        // Need names carry the user type's number so that unqualified `addresses X` is never ambiguous.
        const needs = sample(needNames, int(2, 3)).map(([need, title]) => ({ name: `${need}${i + 1}`, title }));
        const userType = { kind: 'usertype', name, needs, refs: [] };
        userType.text = `${doc(`Who ${name} is and what they expect from us.`)}usertype ${name} "${name.replace(/([a-z])([A-Z])/g, '$1 $2')}" {\n`
            + needs.map(need => `  need ${need.name} "${need.title}"\n`).join('') + '}\n';
        userTypes.push(userType);
        all.push(userType);
    }

    const solutions = [];
    for (let i = 0; i < counts.solution; i++) {
        const feature = pick(features);
        const name = uniqueName(feature.split(/[\s-]+/).map(w => w[0].toUpperCase() + w.slice(1)).join('') + pick(subjects));
        const users = sample(userTypes, chance(0.25) ? 2 : 1);
        const addressed = users.flatMap(user => sample(user.needs, int(1, 2)).map(need => (chance(0.3) ? `${user.name}.${need.name}` : need.name)));
        const advances = sample(objectives, chance(0.3) ? 2 : 1);
        const solution = { kind: 'solution', name, advances, refs: [...users.map(u => u.name), ...advances.map(o => o.name)] };
        solution.text = `${doc(`${feature} for ${users[0].name}.`)}solution ${name} "${feature[0].toUpperCase()}${feature.slice(1)} (${name})" {\n`
            + `  for ${users.map(u => u.name).join(', ')}\n  addresses ${addressed.join(', ')}\n`
            + `  advances ${advances.map(o => o.name).join(', ')}\n`
            + (chance(0.8) ? `  hypothesis "If we ship ${feature}, ${users[0].name} will come back ${int(10, 40)}% more often"\n` : '')
            + `  status ${pick(readings > 0 ? solutionStatusesOverTime : solutionStatuses)}\n}\n`;
        solutions.push(solution);
        all.push(solution);
    }

    const questions = [];
    for (let i = 0; i < counts.question; i++) {
        const name = uniqueName(`Question${pick(subjects)}${pick(qualifiers)}`);
        const about = [...sample(solutions, int(1, 2)), ...(chance(0.3) ? [pick(objectives)] : [])];
        const question = { kind: 'question', name, refs: about.map(s => s.name) };
        question.text = `${doc('What we must learn before investing further.')}question ${name} "Does ${about[0].name} change behaviour as expected?" {\n`
            + `  about ${about.map(s => s.name).join(', ')}\n}\n`;
        questions.push(question);
        all.push(question);
    }

    // Tickets: implement a solution and serve an objective the solution advances, or a descendant of one.
    const tickets = [];
    const ticketNumbers = shuffle(Array.from({ length: counts.ticket }, (_, i) => 1000 + i * 3 + int(0, 2)));
    for (let i = 0; i < counts.ticket; i++) {
        const name = uniqueName(`BEN-${ticketNumbers[i]}`);
        const solution = pick(solutions);
        const serves = pick(subtree(pick(solution.advances)));
        const kind = pick(ticketKinds);
        const ticket = { kind: 'ticket', name, refs: [serves.name, solution.name] };
        ticket.text = `${doc(`Acceptance criteria live in the tracker.`)}ticket ${name} "${pick(ticketVerbs)} ${pick(features)} for ${serves.name}" {\n`
            + `  serves ${serves.name}\n  implements ${solution.name}\n  kind ${kind}\n  status ${pick(ticketStatuses)}\n`
            + (chance(0.4) ? `  link "https://tracker.example.com/browse/${name}"\n` : '') + '}\n';
        tickets.push(ticket);
        all.push(ticket);
    }

    for (let i = 0; i < counts.canvas; i++) {
        const product = i % 2 === 0;
        const name = uniqueName(product ? `ProductCanvas${i + 1}` : `StrategyCanvas${i + 1}`);
        let text;
        let refs;
        if (product) {
            const outcomes = sample(objectives, 2);
            const users = sample(userTypes, 2);
            const chosen = sample(solutions, 3);
            const asked = sample(questions, 2);
            const steps = [sample(tickets, 2), sample(tickets, 1), []];
            refs = [...outcomes, ...users, ...chosen, ...asked, ...steps.flat()].map(e => e.name);
            text = `canvas ${name} "Lean Product Canvas: ${pick(subjects).toLowerCase()} ${i + 1}" {\n  kind product\n`
                + `  problem "Fewer than ${int(10, 40)}% of active users come back within a month; we must reach ${int(41, 60)}%\n`
                + `           within the next ${int(3, 12)} months."\n`
                + `  outcomes ${outcomes.map(o => o.name).join(', ')}\n  users ${users.map(u => u.name).join(', ')}\n`
                + `  solutions ${chosen.map(s => s.name).join(', ')}\n  questions ${asked.map(q => q.name).join(', ')}\n  plan {\n`
                + steps.map((step, n) => `    step "Step ${n + 1}"${step.length ? ` tickets ${step.map(t => t.name).join(', ')}` : ''}\n`).join('')
                + '  }\n}\n';
        } else {
            const goal = pick(objectives);
            const success = sample(metrics, 2);
            refs = [goal, ...success].map(e => e.name);
            text = `canvas ${name} "Lean Strategy Canvas: ${2027 + (i % 2)}" {\n  kind strategy\n  goal ${goal.name}\n`
                + `  obstacle "Users forget the app between purchases"\n  obstacle "Checkout is slow on mobile"\n`
                + `  play "${pick(personas)} households who shop every week"\n  win "The fastest ${pick(features)} in the market"\n`
                + `  success ${success.map(m => m.name).join(', ')}\n}\n`;
        }
        all.push({ kind: 'canvas', name, refs, text });
    }
    all.push({ kind: 'vision', name: undefined, refs: [], text: 'vision "Repeat grocery shopping without friction"\n' });

    // Spread the elements over the files at random, so that most references cross files.
    const fileCount = Math.max(1, Math.min(files ?? (team ? 30 : 1000), all.length));
    shuffle(all);
    const contents = Array.from({ length: fileCount }, () => []);
    const fileOf = new Map();
    all.forEach((element, index) => {
        const file = index % fileCount;
        contents[file].push(element);
        if (element.name) fileOf.set(element.name, file);
    });

    // A team that calls a solution validated has the evidence written down: an insight that supports it, in the
    // solution's file. Drawn from a stream of their own after the files are laid out, so every other element stays
    // where and as it was.
    if (team) {
        const evidence = makeTools(prng(seed * 104729 + 3));
        for (const solution of solutions.filter(candidate => /\n  status validated\n/.test(candidate.text))) {
            const name = uniqueName(`Evidence${solution.name}`);
            const people = evidence.int(40, 900);
            const insight = {
                kind: 'insight', name, refs: [solution.name],
                text: `insight ${name} "${evidence.pick(['Experiment', 'Interviews', 'A/B test', 'Usage data'])} backs ${solution.name}" {\n`
                    + `  source "${evidence.pick(['Experiment EXP-', 'Research round R-', 'Dashboard D-'])}${evidence.int(1, 99)}, ${people} users"\n`
                    + `  supports ${solution.name}\n}\n`
            };
            const file = fileOf.get(solution.name);
            contents[file].push(insight);
            fileOf.set(name, file);
            all.push(insight);
        }
    }

    mkdirSync(dir, { recursive: true });
    for (const entry of readdirSync(dir, { recursive: true })) {
        if (String(entry).endsWith('.strategy')) rmSync(join(dir, String(entry)));
    }
    const areas = ['growth', 'checkout', 'platform', 'mobile', 'search', 'payments', 'logistics', 'care'];
    const width = String(fileCount).length;
    contents.forEach((elementsOfFile, index) => {
        elementsOfFile.sort((a, b) => fileOrder.indexOf(a.kind) - fileOrder.indexOf(b.kind));
        const area = areas[index % areas.length];
        const folder = join(dir, area);
        mkdirSync(folder, { recursive: true });
        const header = `// ${area}: generated benchmark file ${index + 1} of ${fileCount} (seed ${seed}).\n\n`;
        writeFileSync(join(folder, `${area}-${String(index + 1).padStart(width, '0')}.strategy`), header + elementsOfFile.map(e => e.text).join('\n'));
    });

    const perKind = {};
    let references = 0;
    let crossFileReferences = 0;
    for (const element of all) {
        perKind[element.kind] = (perKind[element.kind] ?? 0) + 1;
        for (const ref of element.refs) {
            const target = ref.includes('.') ? ref.split('.')[0] : ref;
            references++;
            if (fileOf.get(target) !== fileOf.get(element.name)) crossFileReferences++;
        }
    }
    return { files: fileCount, elements: all.length, counts: perKind, references, crossFileReferences, readingsPerMetric: readings, readings: readingCount };
}

/** A one-paragraph description of a generated workspace, for people. */
export function describeWorkspace(result) {
    const kinds = fileOrder.filter(kind => result.counts[kind]).map(kind => `${result.counts[kind]} ${kind}`).join(', ');
    const share = result.references ? ((100 * result.crossFileReferences) / result.references).toFixed(1) : '0';
    const readings = result.readings ? `; ${result.readings} dated readings (up to ${result.readingsPerMetric} per metric)` : '';
    return `${result.files} files, ${result.elements} elements (${kinds}); ${result.references} references in the source, ${share}% across files${readings}`;
}

function parseArgs(argv) {
    const options = {};
    let dir;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const numeric = { '--files': 'files', '--elements': 'elements', '--seed': 'seed', '--readings': 'readings' }[arg];
        if (numeric) {
            const value = Number(argv[++i]);
            const least = numeric === 'readings' ? 0 : 1;
            if (!Number.isInteger(value) || value < least) throw new Error(`${arg} needs a whole number of at least ${least}`);
            options[numeric] = value;
        } else if (arg === '--today') {
            options.today = argv[++i] ?? '';
            if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(options.today)) throw new Error('--today needs a date written YYYY-MM-DD');
        } else if (arg === '--team') {
            options.team = true;
        } else if (arg.startsWith('-')) {
            throw new Error(`unknown option ${arg}`);
        } else if (dir === undefined) {
            dir = arg;
        } else {
            throw new Error(`unexpected argument ${arg}`);
        }
    }
    if (dir === undefined) throw new Error('missing the output folder');
    return { dir, options };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        const { dir, options } = parseArgs(process.argv.slice(2));
        const result = generateWorkspace(resolve(dir), options);
        console.log(`${dir}: ${describeWorkspace(result)}`);
    } catch (error) {
        console.error(`generate-workspace: ${error.message}\nusage: node scripts/bench/generate-workspace.mjs DIR [--files N] [--elements N] [--seed N] [--readings N] [--today YYYY-MM-DD] [--team]`);
        process.exit(2);
    }
}
