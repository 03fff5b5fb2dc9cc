// What a status says about the work it is on (spec section 2). Ticket and solution statuses share no word, so one
// reading serves both, on the AST (`ticket.status[0]`) and on the nodes the views receive (`node.status`).

/** A `dropped` ticket or a `rejected` solution: history, not work. No check asks it to be aligned and no count takes it. */
export function isHistory(status: string | undefined): boolean {
    return status === 'dropped' || status === 'rejected';
}

/** Live work: tickets `todo` or `doing`, solutions `idea`, `testing` or `building`. A missing status is not live. */
export function isLive(status: string | undefined): boolean {
    return status === 'todo' || status === 'doing' || status === 'idea' || status === 'testing' || status === 'building';
}

/** The items that count as work: all but history. */
export function workOnly<I extends { status?: string | readonly string[] }>(items: readonly I[]): I[] {
    return items.filter(item => !isHistory(statusOf(item)));
}

/** The status an AST element (a list of values, the first counts) or a view node (a string) states. */
export function statusOf(item: { status?: string | readonly string[] }): string | undefined {
    return typeof item.status === 'string' ? item.status : item.status?.[0];
}
