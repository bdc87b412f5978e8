// Signed documents: "signed GOP-1/2026" sends the signed copy; "verify" on a reply checks one.
import { signedCopyCommand, verifyRepliedDocument, VERIFY_WORD } from '../commands/verify.ts';
import { officeOf } from '../context.ts';
import type { CommandFamily } from './family.ts';
import { numberCommands } from './numbers.ts';

export const verifyFamily: CommandFamily = {
  name: 'verify',
  takes: '"signed <number>" (the signed copy); "verify" alone or in reply to a signed document',
  prefix: async (ctx, _me, raw) => {
    const signedCopy = numberCommands(officeOf(ctx.deps).numbers).signedCopy.exec(raw)?.[1];
    if (signedCopy !== undefined) return signedCopyCommand(ctx, signedCopy);
    const asked = VERIFY_WORD.test(raw) || (ctx.parse.intent === 'verify' && ctx.parse.confidence >= 0.6 && ctx.inbound.replyToMessageId !== undefined);
    return asked ? verifyRepliedDocument(ctx) : null;
  },
};
