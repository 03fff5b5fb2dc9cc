import { GrammarUtils, type AstNode, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { StrategyAstType, Target } from '../../generated/ast.js';
import { dateWrittenOtherwise, isCalendarDate, numberOf, relativeOf } from '../../../model/values.js';
import { elementKind, elementKinds } from '../../element-kinds.js';
import { closestName, orList } from '../../link/suggest.js';
import { report } from './codes.js';

/**
 * `duplicate-field`: every repeat after the first of a field the registry marks single-valued, at its keyword,
 * with the whole repeated field for the quick fix. A single-valued field's property is also its keyword.
 */
function checkDuplicateFields(node: AstNode, accept: ValidationAcceptor): void {
    const record = node as unknown as Record<string, unknown[]>;
    for (const field of elementKind(node.$type)?.singleValued ?? []) {
        const values = record[field] ?? [];
        for (let index = 1; index < values.length; index++) {
            const keyword = GrammarUtils.findNodeForKeyword(node.$cstNode, field, index);
            const value = GrammarUtils.findNodeForProperty(node.$cstNode, field, index);
            const removeRange = keyword && value ? { start: keyword.range.start, end: value.range.end } : undefined;
            report(accept, 'duplicate-field', `'${field}' is given more than once in ${node.$type.toLowerCase()} '${record.name ?? ''}'; keep one and remove the others`, {
                node, keyword: field, index, data: { field, removeRange }
            });
        }
    }
}

function checkKeywordValue(node: AstNode, accept: ValidationAcceptor, property: string, label: string, allowed: readonly string[]): void {
    const values = (node as unknown as Record<string, string[]>)[property] ?? [];
    values.forEach((value, index) => {
        if ((allowed as readonly string[]).includes(value)) return;
        const guess = closestName(value, allowed);
        const hint = guess ? `did you mean '${guess}'? ` : '';
        report(accept, 'invalid-value', `Unknown ${label} '${value}'; ${hint}use ${orList(allowed)}`, {
            node, property, index, data: { allowed, guess }
        });
    });
}

function checkNumber(node: AstNode, accept: ValidationAcceptor, property: string, raw: string | undefined, field: string): void {
    if (raw === undefined || numberOf(raw) !== undefined) return;
    report(accept, 'invalid-value', `'${raw}' is not a number; write the ${field} as a plain number such as 20 or 4.5 (the unit goes in 'unit')`, {
        node, property
    });
}

export function checkDate(node: AstNode, accept: ValidationAcceptor, property: string, raw: string | undefined): void {
    if (raw === undefined || isCalendarDate(raw)) return;
    if (/^[0-9]+([./-])[0-9]+\1[0-9]+$/.test(raw) && !/^[0-9]{4}-/.test(raw)) {
        const example = dateWrittenOtherwise(raw) ?? '2027-06-30';
        report(accept, 'invalid-value', `'${raw}' is not a date; write YYYY-MM-DD, such as ${example}`, { node, property });
        return;
    }
    const problem = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(raw) ? 'is not a calendar date'
        : /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(raw) ? 'needs two-digit months and days' : 'is not a date';
    report(accept, 'invalid-value', `'${raw}' ${problem}; write a real date as YYYY-MM-DD, such as 2027-06-30`, { node, property });
}

/** `invalid-value` on each field of the node's kind whose value is one of the registry's words. */
function checkKeywordValues(node: AstNode, accept: ValidationAcceptor): void {
    for (const [property, { label, allowed }] of Object.entries(elementKind(node.$type)?.values ?? {})) {
        checkKeywordValue(node, accept, property, label, allowed);
    }
}

/** Every kind of the registry gets the field checks its entry asks for; readings and targets are checked as values. */
export const fieldChecks: ValidationChecks<StrategyAstType> = {
    ...Object.fromEntries(Object.entries(elementKinds)
        .filter(([, kind]) => kind.singleValued || kind.values)
        .map(([type]) => [type, [checkDuplicateFields, checkKeywordValues]])),
    Reading: (reading, accept) => {
        const field = { current: 'current reading', readings: 'reading' }[reading.$containerProperty ?? ''] ?? 'baseline';
        checkNumber(reading, accept, 'value', reading.value, field);
        checkDate(reading, accept, 'date', reading.date);
        if (reading.$containerProperty === 'readings' && reading.date === undefined) {
            report(accept, 'invalid-value', `A reading needs its date; write 'reading ${reading.value ?? '<number>'} on <YYYY-MM-DD>'`, { node: reading, property: 'value' });
        }
    },
    Target: (target, accept) => {
        checkTargetValue(target, accept);
        checkDate(target, accept, 'date', target.date);
    },
    Range: (range, accept) => {
        checkNumber(range, accept, 'low', range.low, 'low end of the range');
        checkNumber(range, accept, 'high', range.high, 'high end of the range');
        const [low, high] = [numberOf(range.low), numberOf(range.high)];
        if (low !== undefined && high !== undefined && low >= high) {
            report(accept, 'invalid-value', `A range goes from low to high, and ${range.low} is not below ${range.high}; write 'range <low> to <high>'`, { node: range, property: 'low' });
        }
    }
};

/** A target is a number, or a change relative to the baseline (`+20%`, `-15%`) that only a metric with a baseline can resolve. */
function checkTargetValue(target: Target, accept: ValidationAcceptor): void {
    const raw = target.value;
    if (!/^[+-].*%$/.test(raw ?? '')) {
        checkNumber(target, accept, 'value', raw, 'target');
    } else if (relativeOf(raw) === undefined) {
        report(accept, 'invalid-value', `'${raw}' is not a relative target; write a signed percent such as +20% or -15%, or a plain number`, { node: target, property: 'value' });
    } else if (numberOf(target.$container.baseline[0]?.value) === undefined) {
        report(accept, 'invalid-value', `The target ${raw} is relative to the baseline, and ${target.$container.name} has no numeric baseline; add 'baseline <number>' or write the target as a number`, { node: target, property: 'value' });
    }
}
