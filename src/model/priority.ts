import { allowedValues } from './values.js';
import { statusOf } from './status.js';

// The order work is listed in everywhere (trace, map, Strategy view, roadmap): by priority, critical first; then by
// status, work under way before work waiting and history last; then as written. Ticket and solution statuses share
// no word, so one rank serves both.

const priorityRank = new Map<string, number>(allowedValues.priority.map((priority, index) => [priority, index]));
const statusRank = new Map<string, number>(
    ['doing', 'building', 'testing', 'todo', 'idea', 'done', 'shipped', 'validated', 'dropped', 'rejected'].map((status, index) => [status, index])
);

/** The rank of a priority (0 for critical); no priority, or one not allowed, after `low`. */
export function priorityOf(item: { priority?: string | readonly string[] }): number {
    const priority = typeof item.priority === 'string' ? item.priority : item.priority?.[0];
    return (priority !== undefined ? priorityRank.get(priority) : undefined) ?? priorityRank.size;
}

/** A stable sort's comparison: by priority, then by status; equal items keep the order they came in. */
export function byPriority<I extends { priority?: string | readonly string[]; status?: string | readonly string[] }>(a: I, b: I): number {
    const status = (item: I) => statusRank.get(statusOf(item) ?? 'todo') ?? statusRank.size;
    return priorityOf(a) - priorityOf(b) || status(a) - status(b);
}
