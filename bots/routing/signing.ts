// Signing a decision: consent, then the OTP bound to what is signed.
import { cancelSigning, completeSigning, consentToSign } from '../commands/sign.ts';
import type { CommandFamily } from './family.ts';

export const signingFamily: CommandFamily = {
  name: 'signing',
  takes: 'the OTP that signs a decision; consent / cancel (buttons or words) while a signature is asked for',
  otp: (ctx, me, raw) => completeSigning(ctx, me, ctx.parse.entities.otp ?? raw),
  buttons: {
    '/sign.consent': (ctx, me) => consentToSign(ctx, me),
    '/sign.cancel': (ctx) => cancelSigning(ctx),
  },
  answers: {
    'sign.consent': async (ctx, me) => {
      const { intent } = ctx.parse;
      if (intent === 'cancel' || intent === 'deny') return cancelSigning(ctx);
      if (intent === 'confirm' || intent === 'approve') return consentToSign(ctx, me);
      return null;
    },
    'sign.otp': async (ctx) => {
      const { intent } = ctx.parse;
      return intent === 'cancel' || intent === 'deny' ? cancelSigning(ctx) : null;
    },
  },
};
