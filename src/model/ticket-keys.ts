/** A mention of a known ticket ID in any text, as offsets into that text. */
export interface TicketMention {
    id: string;
    start: number;
    end: number;
}

/** Longer texts are not scanned: a generated or minified file is no place for ticket links, and the editor must stay quick. */
export const maxScannedLength = 5_000_000;

// One maximal run of ID characters per match: a run is a mention only when the whole run is an ID, which is what
// "bounded by non-ID characters" means (so `XAPP-123` and `APP-123-fix` do not contain `APP-123`). A single
// character class with `+` cannot backtrack, so the scan stays linear on any input.
const idCharacters = /[A-Za-z0-9_-]+/g;
const idStart = /[A-Za-z_]/;

/**
 * The mentions of the given ticket IDs in a text, in order, with one pass of a regular expression and a set
 * look-up per word. IDs are case-sensitive, as the language's are.
 */
export function findTicketMentions(text: string, known: ReadonlySet<string>): TicketMention[] {
    const mentions: TicketMention[] = [];
    if (known.size === 0 || text.length > maxScannedLength) return mentions;
    idCharacters.lastIndex = 0;
    for (let match = idCharacters.exec(text); match; match = idCharacters.exec(text)) {
        const word = match[0];
        if (idStart.test(word[0]) && known.has(word)) {
            mentions.push({ id: word, start: match.index, end: match.index + word.length });
        }
    }
    return mentions;
}

/** The mention that covers an offset (a hover position), if any; scans only the given line. */
export function ticketMentionAt(line: string, offset: number, known: ReadonlySet<string>): TicketMention | undefined {
    return findTicketMentions(line, known).find(mention => mention.start <= offset && offset < mention.end);
}
