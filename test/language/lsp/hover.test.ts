import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { expectHover } from 'langium/test';
import { escapeMarkdown } from '../../../src/language/lsp/hover.js';
import { workspace, type Workspace } from '../../helpers.js';

const shopAppFolder = new URL('../../../examples/shop-app/', import.meta.url);
const shopApp = Object.fromEntries(readdirSync(shopAppFolder).map(file => [file, readFileSync(new URL(file, shopAppFolder), 'utf8')]));

/** The hover's Markdown with the cursor on the last character of the `nth` occurrence of `needle` in `file`. */
async function hoverAt(ws: Workspace, file: string, needle: string, nth = 0): Promise<string | undefined> {
    const document = ws.documents.get(file)!;
    const text = document.textDocument.getText();
    let index = -1;
    for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
    assert.ok(index >= 0, `${needle} not in ${file}`);
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(index + needle.length - 1)
    });
    return (hover?.contents as { value: string } | undefined)?.value;
}

const engagementHover = `**Objective Engagement: Increase monthly usage frequency of the app**

Parent chain: Engagement → Revenue

focus retention · horizon short · owner Growth team

Metrics:
- MonthlyRepeatUsers: 20% → 22.5% → 30% by 2027-06-30 (25% of the way, on track: at this pace 32.3% by 2027-06-30, 123% of the way)`;

const ticketHover = `**Ticket APP-123: Prototype personalized notifications**

serves Engagement → Revenue
- Engagement · MonthlyRepeatUsers: 20% → 22.5% → 30% by 2027-06-30 (25% of the way, on track: at this pace 32.3% by 2027-06-30, 123% of the way)
- Revenue · PurchaseRecurrence: 41% → 43% → 50% by 2027-12-31 (22% of the way, at risk: at this pace 47.8% by 2027-12-31, 75% of the way)

implements PersonalizedNotifications · kind experiment · status doing · priority high · milestone NotificationsBeta

link <https://tracker.example.com/browse/APP-123>`;

describe('hover', () => {
    let ws: Workspace;
    before(async () => { ws = await workspace(shopApp); });

    it('shows an objective\'s parent chain, fields and metric progress, at its definition and at references in other files', async () => {
        assert.equal(await hoverAt(ws, 'objectives.strategy', 'objective Engagement'), engagementHover);
        assert.equal(await hoverAt(ws, 'backlog.strategy', 'serves Engagement'), engagementHover);
        assert.equal(await hoverAt(ws, 'canvas.strategy', 'outcomes Engagement'), engagementHover);
    });

    it('shows the doc comment of a top objective under its title', async () => {
        assert.equal(await hoverAt(ws, 'objectives.strategy', 'parent Revenue'), `**Objective Revenue: Grow recurring revenue**

The business result that every request in this product must serve.

horizon long · owner Leadership team

Metrics:
- PurchaseRecurrence: 41% → 43% → 50% by 2027-12-31 (22% of the way, at risk: at this pace 47.8% by 2027-12-31, 75% of the way)`);
    });

    it('shows a ticket\'s chain to the top objective with each objective\'s metric progress', async () => {
        assert.equal(await hoverAt(ws, 'backlog.strategy', 'ticket APP-123'), ticketHover);
        assert.equal(await hoverAt(ws, 'canvas.strategy', 'tickets APP-123'), ticketHover);
    });

    it('shows a metric\'s figures and the objectives it measures; no progress without a current reading', async () => {
        assert.equal(await hoverAt(ws, 'canvas.strategy', 'MonthlyRepeatUsers'), `**Metric MonthlyRepeatUsers: Active users who open the app more than once a month**

20% → 22.5% → 30% by 2027-06-30 (25% of the way, on track: at this pace 32.3% by 2027-06-30, 123% of the way)

Readings:
- 2026-09-01: 20% (baseline)
- 2026-10-01: 21%
- 2026-11-01: 22.5%

Measures Engagement`);
        assert.equal(await hoverAt(ws, 'objectives.strategy', 'metric SecondPurchaseRate'), `**Metric SecondPurchaseRate: New users who place a second order within 14 days**

12% → 18% by 2027-09-30 (no reading)

Readings:
- 2026-10-01: 12% (baseline)

Measures Activation`);
    });

    it('shows a solution\'s users, needs, objectives, status, hypothesis and ticket count', async () => {
        assert.equal(await hoverAt(ws, 'backlog.strategy', 'implements PersonalizedNotifications'), `**Solution PersonalizedNotifications: Personalized notifications**

for FrequentBuyer · addresses Recommendations · advances Engagement · status testing

Hypothesis:
- Frequent buyers who get a relevant reminder open the app twice as often

1 ticket implements it

Evidence: 1 insight for

for NotificationTest`);
        assert.match((await hoverAt(ws, 'solutions.strategy', 'solution FasterNavigation'))!, /advances Engagement, Activation · status idea\n\n2 tickets implement it$/);
    });

    it('counts a solution\'s tickets without the dropped ones, and says how many were dropped', async () => {
        const history = await workspace({
            'a.strategy': 'objective O "o"\nsolution S "s" { advances O }\n'
                + 'ticket T-1 "t" { serves O implements S status done }\nticket T-2 "t" { serves O implements S status dropped }\n'
                + 'ticket T-3 "t" { serves O implements S status dropped }\n'
        });
        assert.match((await hoverAt(history, 'a.strategy', 'solution S'))!, /\n\n1 ticket implements it \(2 dropped\)$/);
    });

    it('shows a need\'s user type, and a user type\'s needs', async () => {
        assert.equal(await hoverAt(ws, 'solutions.strategy', 'Trust'), `**Need Trust: Gaining trust in the app**

Need of user type NewUser (New users who do not return)`);
        assert.equal(await hoverAt(ws, 'solutions.strategy', 'for FrequentBuyer'), `**User type FrequentBuyer: Frequent buyers**

Needs:
- SaveTime: Saving time on purchases
- Recommendations: Receiving personalized recommendations`);
    });

    it('says when a ticket serves nothing, serves a missing objective, or when nothing on its chain is measured', async () => {
        const small = await workspace({
            'a.strategy': `objective Top "Top" { metric M }
objective Sub "Sub" { parent Top }
objective Bare "Bare"
metric M "m" { baseline 1 target 2 by 2027-01-01 }
ticket T-1 "Orphan" { kind bug }
ticket T-2 "Missing" { serves Nowhere }
ticket T-3 "Bare" { serves Bare status todo }`
        });
        assert.equal(await hoverAt(small, 'a.strategy', 'T-1'), '**Ticket T-1: Orphan**\n\nserves no objective\n\nkind bug');
        assert.equal(await hoverAt(small, 'a.strategy', 'T-2'), '**Ticket T-2: Missing**\n\nserves Nowhere (not found)');
        assert.equal(await hoverAt(small, 'a.strategy', 'T-3'), '**Ticket T-3: Bare**\n\nserves Bare\n\nNo objective on the chain has a metric\n\nstatus todo');
        assert.match((await hoverAt(small, 'a.strategy', 'objective Bare'))!, /\n\nNo metric$/);
        assert.match((await hoverAt(small, 'a.strategy', 'objective Top'))!, /\n\nMetrics:\n- M: 1 → 2 by 2027-01-01 \(no reading\)$/);
        assert.match((await hoverAt(small, 'a.strategy', 'objective Sub'))!, /Parent chain: Sub → Top\n\nNo metric$/);
        const measuredBelow = await workspace({ 'a.strategy': 'objective Top "t"\nobjective Sub "s" { parent Top metric M }\nmetric M "m"' });
        assert.match((await hoverAt(measuredBelow, 'a.strategy', 'objective Top'))!, /No metric of its own; measured through its sub-objectives$/);
    });

    it('says overdue, not at risk, for a metric past its date that has not reached its target', async () => {
        const late = await workspace({
            'a.strategy': 'objective G "g" { metric Late }\nmetric Late "l" { baseline 0 target 10 by 2026-06-30 current 4 }\n'
                + 'metric Soon "s" { baseline 0 target 10 by 2027-06-30 current 4 }\nticket T-1 "t" { serves G }'
        });
        assert.match((await hoverAt(late, 'a.strategy', 'metric Late'))!, /^0 → 4 → 10 by 2026-06-30 \(40% of the way, overdue\)$/m);
        assert.match((await hoverAt(late, 'a.strategy', 'metric Soon'))!, /^0 → 4 → 10 by 2027-06-30 \(40% of the way, at risk\)$/m);
        assert.match((await hoverAt(late, 'a.strategy', 'serves G'))!, /^- Late: 0 → 4 → 10 by 2026-06-30 \(40% of the way, overdue\)$/m);
    });

    it('lists a metric\'s latest five dated points with their dates, the baseline marked, after its forecast and grade', async () => {
        const readings = ['2026-05-01 22', '2026-06-01 23', '2026-07-01 24', '2026-08-01 25', '2026-09-01 26', '2026-10-01 27']
            .map(line => `reading ${line.split(' ')[1]} on ${line.split(' ')[0]}`).join('\n  ');
        const timed = await workspace({
            'a.strategy': `metric Repeat "Repeat users" {\n  unit "%"\n  baseline 20 on 2026-04-01\n  target 30 by 2027-06-30\n  ${readings}\n}\n`
                + 'metric Short "Few readings" { baseline 1 on 2026-09-01 target 2 by 2027-06-30 reading 1.2 on 2026-10-01 }\n'
                + 'metric Nps "Net promoter score" { range 30 to 60 reading 41 on 2026-11-01 }'
        });
        assert.equal(await hoverAt(timed, 'a.strategy', 'metric Repeat'), '**Metric Repeat: Repeat users**\n\n'
            + '20% → 27% → 30% by 2027-06-30 (70% of the way, on track: at this pace 37% by 2027-06-30, 170% of the way)\n\n'
            + 'Readings:\n- … 2 earlier\n- 2026-06-01: 23%\n- 2026-07-01: 24%\n- 2026-08-01: 25%\n- 2026-09-01: 26%\n- 2026-10-01: 27%\n\n'
            + 'Measures no objective');
        assert.match((await hoverAt(timed, 'a.strategy', 'metric Short'))!, /\n\nReadings:\n- 2026-09-01: 1 \(baseline\)\n- 2026-10-01: 1\.2\n\n/);
        assert.equal(await hoverAt(timed, 'a.strategy', 'metric Nps'), '**Metric Nps: Net promoter score**\n\n41 (range 30 to 60) (healthy)\n\n'
            + 'Readings:\n- 2026-11-01: 41\n\nHealth metric: watched inside its range, measures no objective');
    });

    it('shows a milestone\'s date and days left, its tickets by status and the objectives it advances with their first metric', async () => {
        const hover = `**Milestone RepeatBasket: Repeat buying in one tap**

by 2026-12-18 · due in 25 days

2 tickets: 1 todo, 1 doing

Advances:
- Engagement · MonthlyRepeatUsers: 20% → 22.5% → 30% by 2027-06-30 (25% of the way, on track: at this pace 32.3% by 2027-06-30, 123% of the way)`;
        assert.equal(await hoverAt(ws, 'roadmap.strategy', 'milestone RepeatBasket'), hover);
        assert.equal(await hoverAt(ws, 'backlog.strategy', 'milestone RepeatBasket'), hover);
        assert.match(await hoverAt(ws, 'roadmap.strategy', 'milestone NotificationsBeta') ?? '', /\n\nMoves, through its tickets:\n- Engagement · MonthlyRepeatUsers: /);
    });

    it('says OVERDUE in words, due today, a missing date, and a milestone no ticket names', async () => {
        const goal = 'objective Goal "Goal" { metric M }\nmetric M "M" { baseline 1 target 2 by 2027-06-30 current 1 }\nobjective Bare "Bare"\n';
        const other = await workspace({
            'main.strategy': `${goal}milestone Late "Late" { by 2026-11-11 advances Goal, Bare }\nmilestone Today "Today" { by 2026-11-23 }\n`
                + 'milestone Undated "Undated"\nmilestone Odd "Odd" { by soon }\n'
                + 'ticket T-1 "a" { serves Goal milestone Late status doing }\nticket T-2 "b" { serves Goal milestone Late }\n'
                + 'ticket T-3 "c" { serves Goal milestone Late status done }\nticket T-4 "d" { serves Goal milestone Late status dropped }\n'
                + 'ticket T-5 "e" { serves Goal milestone Today status todo priority critical }\n'
        });
        assert.equal(await hoverAt(other, 'main.strategy', 'milestone Late'), `**Milestone Late: Late**

by 2026-11-11 · 12 days late · OVERDUE: 2 tickets still live

4 tickets: 1 todo, 1 doing, 1 done, 1 dropped

Advances:
- Goal · M: 1 → 1 → 2 by 2027-06-30 (0% of the way, off track)
- Bare · no metric`);
        assert.match(await hoverAt(other, 'main.strategy', 'milestone Today') ?? '', /\n\nby 2026-11-23 · due today\n\n1 ticket: 1 todo\n\n/);
        assert.match(await hoverAt(other, 'main.strategy', 'milestone Undated') ?? '', /\n\nNo date: add `by YYYY-MM-DD`\n\nNo ticket names it$/);
        assert.match(await hoverAt(other, 'main.strategy', 'milestone Odd') ?? '', /\n\nby soon \(not a date\)\n\nNo ticket names it$/);
        assert.match(await hoverAt(other, 'main.strategy', 'ticket T-5') ?? '', /\n\nstatus todo · priority critical · milestone Today$/);
    });

    it('shows the cycle of an objective that is its own ancestor', async () => {
        const cyclic = await workspace({ 'a.strategy': 'objective A "a" { parent B }\nobjective B "b" { parent A }' });
        assert.equal(await hoverAt(cyclic, 'a.strategy', 'objective A'), '**Objective A: a**\n\nParent chain: A → B\n\nParent cycle: A → B → A\n\nNo metric');
    });

    it('escapes Markdown in text from the file and keeps a title over several lines on one line', async () => {
        const tricky = await workspace({
            'a.strategy': `/** Keeps *its own* Markdown. */
objective _Draft_ "Grow **fast** [now](http://x) <b>hi</b> & #1 | ~x~
    second line" { owner "\`team\`" }
ticket T-1 "t" { serves _Draft_ link "javascript:alert(1)" }
ticket T-2 "t" { serves _Draft_ link "https://tracker.example.com/a_b" }`
        });
        assert.equal(await hoverAt(tricky, 'a.strategy', 'objective _Draft_'),
            '**Objective \\_Draft\\_: Grow \\*\\*fast\\*\\* \\[now\\](http://x) \\<b\\>hi\\</b\\> \\& \\#1 \\| \\~x\\~ second line**\n\n'
            + 'Keeps *its own* Markdown.\n\nowner \\`team\\`\n\nNo metric');
        assert.match((await hoverAt(tricky, 'a.strategy', 'T-1'))!, /\n\nlink javascript:alert\(1\)$/);
        assert.match((await hoverAt(tricky, 'a.strategy', 'T-2'))!, /\n\nlink <https:\/\/tracker\.example\.com\/a_b>$/);
        assert.equal(escapeMarkdown('a\\b'), 'a\\\\b');
    });

    it('shows nothing on a keyword, a value or white space (checked with Langium\'s expectHover)', async () => {
        const text = 'objective A "a" {\n  <|>horizon sh<|>ort\n<|>}\nticket T-1 "t" { serves <|>A }';
        const check = expectHover(ws.services);
        await check({ text, index: 0, hover: undefined, disposeAfterCheck: true });
        await check({ text, index: 1, hover: undefined, disposeAfterCheck: true });
        await check({ text, index: 2, hover: undefined, disposeAfterCheck: true });
        await check({ text, index: 3, hover: /^\*\*Objective A: a\*\*/, disposeAfterCheck: true });
    });
});
