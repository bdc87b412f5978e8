// Which letters an album's pages make. A chat sends a letter's pages together (one Telegram album,
// or a run of photos on WhatsApp); the first caption names the letter, and a page that carries a
// caption of its own after that starts the next letter (a clerk who captions each photo is sending
// separate letters). Pages keep the order they came in.

export interface AlbumPage {
  caption: string | null;
}

export interface Letter<P extends AlbumPage> {
  pages: P[];
  /** The caption naming the letter; null when none of its pages had one. */
  subject: string | null;
}

export function lettersOf<P extends AlbumPage>(pages: readonly P[]): Letter<P>[] {
  const letters: Letter<P>[] = [];
  let current: Letter<P> | null = null;
  for (const page of pages) {
    const caption = page.caption?.trim() || null;
    if (current === null || (caption !== null && current.subject !== null)) {
      current = { pages: [page], subject: caption };
      letters.push(current);
      continue;
    }
    current.pages.push(page);
    current.subject ??= caption;
  }
  return letters;
}

/** The album key of a message's pages (see Inbound.albumId and looseAlbums in bots/reply.ts). */
export const albumKeys = {
  /** An album the channel names. */
  named: (albumId: string) => `album:${albumId}`,
  /** Pages that start an album of their own (one message's, or a captioned page on WhatsApp). */
  ofMessage: (messageId: string) => `message:${messageId}`,
};
