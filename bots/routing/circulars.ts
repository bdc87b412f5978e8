// Circulars and notices: sent to many with their PDF, acknowledged by each.
import { answerCircular, circularAction, routeCircular } from '../commands/circular.ts';
import type { CommandFamily } from './family.ts';

export const circularsFamily: CommandFamily = {
  name: 'circulars',
  // Before uploads: a circular may come with its PDF.
  takes: '"circular …: text" (with or without its PDF), acknowledgements, /circular.* buttons and the circular\'s questions',
  upload: routeCircular,
  buttons: { '/circular.': (ctx, me, args, verb) => circularAction(ctx, me, verb, args) },
  answers: { circular: answerCircular },
};
