// Files sent to the bot: scans become receipts; a signed copy sent with "verify" is checked.
import { receiveUpload } from '../commands/receipt.ts';
import { verifyUploads, VERIFY_WORD } from '../commands/verify.ts';
import type { CommandFamily } from './family.ts';

export const uploadsFamily: CommandFamily = {
  name: 'uploads',
  takes: 'any message with files: "verify" + a signed PDF is checked, anything else is a scan that becomes a receipt',
  upload: async (ctx, _me, raw) => {
    if ((ctx.inbound.attachments?.length ?? 0) === 0) return null;
    return VERIFY_WORD.test(raw) ? verifyUploads(ctx) : receiveUpload(ctx);
  },
};
