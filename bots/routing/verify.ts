// Signed documents: "signed GOP-1/2026" sends the signed copy; "verify" on a reply checks one.
import { signedCopyCommand, verifyRepliedDocument, VERIFY_WORD } from '../commands/verify.ts';
import type { CommandFamily } from './family.ts';

const SIGNED_COPY = /^(?:signed|हस्ताक्षरित)\s+([A-Z]{2,6}-\d{1,6}\/\d{4}|(?:LV|TR|TA)\/\d{4}\/\d{1,6})$/i;

export const verifyFamily: CommandFamily = {
  name: 'verify',
  takes: '"signed <number>" (the signed copy); "verify" alone or in reply to a signed document',
  prefix: async (ctx, _me, raw) => {
    const signedCopy = SIGNED_COPY.exec(raw)?.[1];
    if (signedCopy !== undefined) return signedCopyCommand(ctx, signedCopy);
    const asked = VERIFY_WORD.test(raw) || (ctx.parse.intent === 'verify' && ctx.parse.confidence >= 0.6 && ctx.inbound.replyToMessageId !== undefined);
    return asked ? verifyRepliedDocument(ctx) : null;
  },
};
