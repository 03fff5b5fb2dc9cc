import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { strategy } from './run-strategy.js';

// The learning trail of `strategy trace` (issue 16, item 3): per solution its hypothesis, status, the questions
// `about` it with their answers, and the insights for and against it, in text, JSON and Markdown.

const shopApp = resolve('examples/shop-app');

/** The lines of the text trail from a solution's head to the next solution's head. */
function block(text: string, id: string): string[] {
    const lines = text.split('\n');
    const start = lines.findIndex(line => line.startsWith(`${id} "`) && lines.indexOf('Learning trail') < lines.indexOf(line));
    assert.ok(start >= 0, `no trail for ${id} in:\n${text}`);
    const end = lines.findIndex((line, i) => i > start && !line.startsWith(' '));
    return lines.slice(start, end < 0 ? undefined : end);
}

describe('strategy trace: the learning trail of the bundled example', () => {
    const run = (...args: string[]) => {
        const result = strategy(['trace', '--today', '2026-11-26', ...args], shopApp);
        assert.equal(result.status, 0, result.stderr);
        return result.stdout;
    };

    it('text: the notification solution with its hypothesis, its answered question and the insight for it', () => {
        const text = run();
        assert.ok(text.indexOf('Learning trail') > text.indexOf('Coverage'), 'the trail follows the coverage');
        assert.deepEqual(block(text, 'PersonalizedNotifications'), [
            'PersonalizedNotifications "Personalized notifications" [testing]  solutions.strategy:2',
            '  hypothesis: Frequent buyers who get a relevant reminder open the app twice as often',
            '  question RespondToNotifications "Do users respond to personalized notifications?" [answered]  solutions.strategy:25',
            '    answer: Yes: 31% of the test group opened at least one notification in the two weeks',
            '  for NotificationTest "Two-week notification test, 2026-11" (Experiment EXP-12, 400 frequent buyers)  solutions.strategy:36'
        ]);
        assert.deepEqual(block(text, 'FasterNavigation').slice(1), ['  no insight yet']);
    });

    it('json: the trail as new fields beside tickets and coverage, which stay as they were', () => {
        const json = JSON.parse(run('--format', 'json'));
        assert.deepEqual(Object.keys(json), ['tickets', 'coverage', 'solutions']);
        assert.deepEqual(json.solutions.map((s: { id: string }) => s.id), ['PersonalizedNotifications', 'FasterNavigation', 'ExclusiveDeals'], 'by priority and status, as work is listed');
        assert.deepEqual(json.solutions[0], {
            id: 'PersonalizedNotifications',
            title: 'Personalized notifications',
            status: 'testing',
            hypotheses: ['Frequent buyers who get a relevant reminder open the app twice as often'],
            at: 'solutions.strategy:2',
            questions: [{
                id: 'RespondToNotifications', title: 'Do users respond to personalized notifications?', status: 'answered',
                answer: 'Yes: 31% of the test group opened at least one notification in the two weeks', at: 'solutions.strategy:25'
            }],
            insights: {
                for: [{ id: 'NotificationTest', title: 'Two-week notification test, 2026-11', source: 'Experiment EXP-12, 400 frequent buyers', at: 'solutions.strategy:36' }],
                against: []
            }
        });
    });

    it('--milestone: the trail of the solutions its tickets implement, in text and JSON', () => {
        const json = JSON.parse(run('--milestone', 'NotificationsBeta', '--format', 'json'));
        assert.deepEqual(json.solutions.map((s: { id: string }) => s.id), ['PersonalizedNotifications']);
        assert.match(run('--milestone', 'NotificationsBeta'), /\nLearning trail\nPersonalizedNotifications "Personalized notifications" \[testing\]/);
    });

    it('md: a section with a heading per solution and an item per hypothesis, question and insight', () => {
        const md = run('--format', 'md');
        const section = md.slice(md.indexOf('## Learning trail'));
        assert.ok(md.indexOf('## Learning trail') > md.indexOf('## Coverage'));
        assert.match(section, /### PersonalizedNotifications: Personalized notifications \*\(testing\)\*\n\n- Hypothesis: Frequent buyers who get a relevant reminder open the app twice as often\n- Question \*\*RespondToNotifications\*\* Do users respond to personalized notifications\? \*\(answered\)\*: Yes: 31% of the test group opened at least one notification in the two weeks\n- For: \*\*NotificationTest\*\* Two-week notification test, 2026-11 \(Experiment EXP-12, 400 frequent buyers\)\n/);
        assert.match(section, /### FasterNavigation: Navigation built for quick repeat purchases \*\(idea\)\*\n\n- \*No insight yet\*\n/);
    });
});

describe('strategy trace: a trail with contradicting insights, a long answer and many insights', () => {
    let dir: string;
    const longAnswer = `${'Most said no because the reminder came at the wrong time of the day '.repeat(30)}end`;
    before(() => {
        dir = mkdtempSync(join(tmpdir(), 'strategy-trail-'));
        const many = Array.from({ length: 200 }, (_, i) => `insight I${i + 1} "Finding ${i + 1}" { source "Survey" supports Crowded }`);
        writeFileSync(join(dir, 'a.strategy'), `objective G "Grow" { }
solution Risky "Risky bet" { advances G hypothesis "${longAnswer}" status idea }
solution Crowded "Crowded bet" { advances G status building }
question Q1 "Does it work?" { about Risky, G status answered answer "${longAnswer}" }
question Q2 "Who wants it?" { about Risky }
insight Against1 "Interviews said no" { source "Interview 3" contradicts Risky }
insight Both "Mixed test" { supports Crowded contradicts Risky }
ticket T-1 "Try the bet" { serves G implements Risky kind bug }
ticket T-2 "Build it" { serves G implements Crowded kind feature }
${many.join('\n')}
`);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));
    const run = (...args: string[]) => {
        const result = strategy(['trace', '--today', '2026-11-26', ...args], dir);
        assert.equal(result.status, 0, result.stderr);
        return result.stdout;
    };

    it('text: the insights against, a long answer cut with "…", 200 insights named up to 10 and counted', () => {
        const text = run();
        const risky = block(text, 'Risky');
        assert.equal(risky[0], 'Risky "Risky bet" [idea]  a.strategy:2');
        const answer = risky.find(line => line.startsWith('    answer: '))!;
        assert.ok(answer.endsWith('…') && answer.length < 330, answer);
        assert.ok(risky.find(line => line.startsWith('  hypothesis: '))!.endsWith('…'));
        assert.ok(risky.includes('  question Q2 "Who wants it?" [open]  a.strategy:5'), 'a question without status is open');
        assert.deepEqual(risky.filter(line => line.startsWith('  against')), [
            '  against Against1 "Interviews said no" (Interview 3)  a.strategy:6',
            '  against Both "Mixed test"  a.strategy:7'
        ]);
        const crowded = block(text, 'Crowded');
        assert.equal(crowded.filter(line => line.startsWith('  for ')).length, 10);
        assert.equal(crowded[1], '  for Both "Mixed test"  a.strategy:7');
        assert.equal(crowded.at(-1), '  … and 191 more for');
    });

    it('json: every insight and the whole answer', () => {
        const json = JSON.parse(run('--format', 'json'));
        const [crowded, risky] = json.solutions;
        assert.deepEqual([crowded.id, risky.id], ['Crowded', 'Risky'], 'building before idea');
        assert.equal(crowded.insights.for.length, 201);
        assert.equal(risky.questions[0].answer, longAnswer);
        assert.equal(risky.hypotheses[0], longAnswer);
        assert.deepEqual(risky.insights.against.map((i: { id: string }) => i.id), ['Against1', 'Both']);
        assert.deepEqual(risky.questions.map((q: { id: string; status: string }) => [q.id, q.status]), [['Q1', 'answered'], ['Q2', 'open']]);
    });

    it('md: the long answer cut, the insights against, the rest of 201 counted', () => {
        const md = run('--format', 'md');
        assert.match(md, /- Question \*\*Q1\*\* Does it work\? \*\(answered\)\*: Most said no .{200,300}…\n/);
        assert.match(md, /- Against: \*\*Against1\*\* Interviews said no \(Interview 3\)\n- Against: \*\*Both\*\* Mixed test\n/);
        assert.equal(md.split('\n').filter(line => line.startsWith('- For: ')).length, 10);
        assert.match(md, /\n- \*… and 191 more for\*\n/);
        assert.ok(md.length < 20_000, `the Markdown stays short: ${md.length} characters`);
    });

    it('filters keep the solutions of the tickets they keep', () => {
        const ids = (...args: string[]) => JSON.parse(run('--format', 'json', ...args)).solutions.map((s: { id: string }) => s.id);
        assert.deepEqual(ids('--kind', 'bug'), ['Risky']);
        assert.deepEqual(ids('--kind', 'feature'), ['Crowded']);
        assert.deepEqual(ids('--status', 'done'), []);
        assert.doesNotMatch(run('--status', 'done'), /Learning trail/, 'no section when the filter keeps no solution');
    });
});
