// Outgoing letters: drafted on a file, signed, given a dispatch number.
import { answerLetter, letterAction, routeLetter } from '../commands/letter.ts';
import type { CommandFamily } from './family.ts';

export const lettersFamily: CommandFamily = {
  name: 'letters',
  takes: '"letter …" commands, /letter.* buttons and the letter\'s questions',
  prefix: routeLetter,
  buttons: { '/letter.': (ctx, me, args, verb) => letterAction(ctx, me, verb, args) },
  answers: { letter: answerLetter },
};
