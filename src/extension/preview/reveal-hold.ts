import type { RevealMessage } from '../../protocol/webview-messages.js';

// A click in the preview opens the element's file without the preview following it, even unlocked (as a link
// clicked in the Markdown preview): the editor's events until it lands, and the cursor where it landed, are the
// reveal's own and only highlight. The next cursor the user moves is followed. A locked preview needs no hold.

export interface Position {
    line: number;
    character: number;
}

/**
 * The reveal under way. Until the editor has landed (`landed` unset), every editor event is the reveal's own;
 * afterwards, only a cursor still where it landed is. Any other cursor is the user's.
 */
interface Hold {
    uri: string;
    landed?: Position;
}

export class RevealHold {
    private hold: Hold | undefined;

    /** The preview was locked or unlocked: a reveal under way holds nothing any more. */
    clear(): void {
        this.hold = undefined;
    }

    /** Whether this cursor is the reveal's own (the preview keeps what it shows); any other cursor ends the hold. */
    owns(uri: string, position: Position): boolean {
        const hold = this.hold;
        const reveals = hold !== undefined && hold.uri === uri
            && (hold.landed === undefined || (hold.landed.line === position.line && hold.landed.character === position.character));
        if (!reveals) this.hold = undefined;
        return reveals;
    }

    /**
     * Opens the clicked position with `open`, which resolves to where the cursor landed (undefined: the file did
     * not open, and nothing is held). `hold` false (a locked preview) opens it and holds nothing.
     */
    async reveal(message: RevealMessage, hold: boolean, open: (message: RevealMessage) => Promise<Position | undefined>): Promise<void> {
        const started: Hold | undefined = hold ? { uri: message.uri } : undefined;
        this.hold = started;
        const landed = await open(message);
        if (!started || this.hold !== started) return;
        if (landed) started.landed = { line: landed.line, character: landed.character };
        else this.hold = undefined;
    }
}
