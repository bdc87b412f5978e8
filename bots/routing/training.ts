// Training: a walkthrough with practice files. Its steps answer only while a walkthrough is on
// (routeTraining costs no storage call otherwise); real work done meanwhile sets it aside, and the
// answer to that work says so.
import { routeTraining, trainingAction, trainingOtp, trainingPausedNote } from '../commands/training.ts';
import type { Reply } from '../reply.ts';
import type { CommandFamily } from './family.ts';

export const trainingFamily: CommandFamily = {
  name: 'training',
  takes: 'start/stop training words; while a walkthrough is on, its practice steps and practice OTP; /training.* buttons',
  otp: (ctx, me, raw) => trainingOtp(ctx, me, ctx.parse.entities.otp ?? raw),
  walkthrough: routeTraining,
  buttons: { '/training.': (ctx, me, args, verb) => trainingAction(ctx, me, verb, args) },
  decorate: (ctx, outcome) => {
    const note = trainingPausedNote(ctx);
    if (note === null) return outcome;
    const withNote = (replies: Reply[]): Reply[] => [...replies, { text: note }];
    return outcome.afterCommit === undefined
      ? { ...outcome, replies: withNote(outcome.replies) }
      : { ...outcome, afterCommit: async () => withNote(await outcome.afterCommit!()) };
  },
};
