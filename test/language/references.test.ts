import assert from 'node:assert/strict';
import type { Canvas, Question, Solution, Ticket } from '../../src/language/generated/ast.js';
import { workspace } from '../helpers.js';

describe('references', () => {
    const users = `usertype Buyer "Buyers" { need Trust "Trust the app", SaveTime "Save time" }
usertype Newcomer "Newcomers" { need Trust "Trust the shop" }
`;

    it('resolve needs qualified from any file, and unqualified among the solution\'s own user types first', async () => {
        const ws = await workspace({
            'users.strategy': users,
            'solutions.strategy': `solution Reviews "Reviews" { for Newcomer addresses Trust }
solution Fast "Fast" { for Buyer addresses Buyer.Trust, Newcomer.Trust, SaveTime }`
        });
        const [reviews, fast] = ws.documents.get('solutions.strategy')!.parseResult.value.elements as Solution[];
        const targets = (solution: Solution) => solution.needs.map(n => n.items.map(item => `${item.ref.$container.name}.${item.ref.name}`).join(' + '));
        assert.deepEqual(targets(reviews), ['Newcomer.Trust']);
        assert.deepEqual(targets(fast), ['Buyer.Trust', 'Newcomer.Trust', 'Buyer.SaveTime']);
        assert.ok(!ws.codes('solutions.strategy').some(c => c.includes('unresolved')));
    });

    it('link questions to objectives or solutions, and canvases to everything they list', async () => {
        const ws = await workspace({
            'model.strategy': `${users}objective Goal "g" { metric Rate }
metric Rate "r" { baseline 1 target 2 by 2027-01-01 }
solution Fast "f" { for Buyer advances Goal }
question Q1 "q" { about Fast, Goal }
ticket APP-1 "t" { serves Goal implements Fast }
canvas C "c" {
  kind product
  outcomes Goal
  users Buyer, Newcomer
  solutions Fast
  questions Q1
  plan { step "First" tickets APP-1 }
}
canvas S "s" { kind strategy goal Goal success Rate obstacle "a", "b" }`
        });
        const elements = ws.documents.get('model.strategy')!.parseResult.value.elements;
        const question = elements.find(e => e.$type === 'Question') as Question;
        assert.deepEqual(question.subjects.map(s => s.ref?.$type), ['Solution', 'Objective']);
        const [product, strategy] = elements.filter(e => e.$type === 'Canvas') as Canvas[];
        assert.equal(product.steps[0].tickets[0].ref?.name, 'APP-1');
        assert.deepEqual(product.users.map(u => u.ref?.name), ['Buyer', 'Newcomer']);
        assert.equal(strategy.goal[0].ref?.name, 'Goal');
        assert.deepEqual(strategy.obstacles, ['a', 'b']);
        assert.equal((elements.find(e => e.$type === 'Ticket') as Ticket).implements[0].ref?.name, 'Fast');
        assert.ok(!ws.codes('model.strategy').some(c => /unresolved|wrong-kind|syntax/.test(c)), ws.codes('model.strategy').join());
    });

    it('accept fields in any order, on one line, and titles over several lines with escapes', async () => {
        const ws = await workspace({
            'a.strategy': `objective A "A \\"quoted\\" and \\\\ back" { metric M parent B }
objective B "Spans
  two lines" { metric M }
metric M "m" { target 5 by 2027-01-01 baseline 1 unit "%" current 2.5 }
ticket T-1 "t" { status todo serves A kind bug }`
        });
        const [a, b] = ws.documents.get('a.strategy')!.parseResult.value.elements as Array<{ title: string }>;
        assert.equal(a.title, 'A "quoted" and \\ back');
        assert.equal(b.title, 'Spans\n  two lines');
        assert.deepEqual(ws.codes('a.strategy'), []);
    });
});
