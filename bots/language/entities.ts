/**
 * Which entities each intent carries, and their extraction. Only the entities an intent uses are
 * returned, so a date inside a note's text does not become a leave date.
 */
import { findAddressee, type Addressee } from './addressee.ts';
import { amount, diaryNumbers, employeeCode, fileNumbers, otpCode } from './codes.ts';
import { extractDates } from './dates.ts';
import type { Analysis, Token } from './normalize.ts';
import { decisionRemark, forwardRemark, messageRemark, noteRemark } from './remarks.ts';
import { audience, purpose, QUERY_WORDS, reportKind, stripEdges, SUBJECT_WORDS } from './residual.ts';
import { destinations, leaveTypes, travelModes, unknownDestinations } from './travel.ts';

export interface Entities {
  employeeCode?: string; otp?: string; fileNumber?: string; diaryNumber?: string;
  addressee?: Addressee; leaveType?: string;
  startDate?: string; endDate?: string; days?: number; halfDay?: 'first' | 'second';
  destinations?: string[]; purpose?: string; travelMode?: string; amount?: number;
  remark?: string; query?: string; subject?: string; audience?: string;
}

const ID_INTENTS = new Set(['status', 'attach', 'verify', 'ack', 'approve', 'return', 'refuse', 'park', 'close_file',
  'reopen', 'forward', 'note']);
const DECISION_REMARK = new Set(['approve', 'return', 'refuse', 'park', 'close_file', 'reopen']);
const STATED_DATES = new Set(['cancel', 'who_is_out', 'tour_diary', 'ta_claim']);
const RETROSPECTIVE = new Set(['tour_diary', 'ta_claim', 'sent']);

export function extractEntities(intent: string, analysis: Analysis, today: string): Entities {
  const { tokens, source } = analysis;
  const e: Entities = {};
  if (ID_INTENTS.has(intent)) {
    const file = fileNumbers(tokens)[0];
    const diary = diaryNumbers(tokens)[0];
    if (file) e.fileNumber = file;
    if (diary) e.diaryNumber = diary;
  }
  if (DECISION_REMARK.has(intent)) setIf(e, 'remark', decisionRemark(intent, tokens, source));
  switch (intent) {
    case 'link': setIf(e, 'employeeCode', employeeCode(tokens)); break;
    case 'otp': setIf(e, 'otp', otpCode(tokens)); break;
    case 'note': setIf(e, 'remark', noteRemark(tokens, source)); break;
    case 'forward':
    case 'message': {
      const found = findAddressee(tokens, source);
      if (found) e.addressee = found.addressee;
      const end = found?.to ?? 0;
      setIf(e, 'remark', intent === 'forward' ? forwardRemark(tokens, source, end) : messageRemark(tokens, source, end));
      break;
    }
    case 'circular': {
      setIf(e, 'audience', audience(tokens, source));
      const colon = tokens.findIndex((t) => t.kind === 'punct' && t.text === ':');
      setIf(e, 'remark', colon >= 0 ? messageRemark(tokens, source, colon) : undefined);
      break;
    }
    case 'search': setIf(e, 'query', stripEdges(tokens, source, QUERY_WORDS)); break;
    case 'create_file': setIf(e, 'subject', stripEdges(tokens, source, SUBJECT_WORDS)); break;
    case 'report': setIf(e, 'query', reportKind(tokens)); break;
    case 'my_leave': setIf(e, 'leaveType', leaveTypes(tokens)[0]?.value); break;
    case 'apply_leave':
    case 'apply_tour':
      Object.assign(e, travelRequest(intent, tokens, source, today));
      break;
    default:
      if (STATED_DATES.has(intent)) Object.assign(e, statedDates(intent, tokens, source, today));
  }
  return e;
}

function travelRequest(intent: string, tokens: Token[], source: string, today: string): Entities {
  const e: Entities = {};
  const dates = extractDates(tokens, { today, fillSpan: true });
  const used = new Set(dates.used);
  const mark = (s: { from: number; to: number }): void => { for (let i = s.from; i < s.to; i++) used.add(i); };
  const types = leaveTypes(tokens);
  const modes = travelModes(tokens);
  const places = destinations(tokens);
  [...types, ...modes, ...places].forEach(mark);
  if (intent === 'apply_tour' && places.length === 0) {
    const unknown = unknownDestinations(tokens, source, used);
    unknown.forEach(mark);
    places.push(...unknown);
  }
  if (intent === 'apply_leave') setIf(e, 'leaveType', types[0]?.value);
  copyDates(e, dates);
  if (places.length) e.destinations = places.map((p) => p.value);
  if (intent === 'apply_tour') setIf(e, 'travelMode', modes[0]?.value);
  setIf(e, 'purpose', purpose(tokens, source, used));
  return e;
}

function statedDates(intent: string, tokens: Token[], _source: string, today: string): Entities {
  const e: Entities = {};
  const dates = extractDates(tokens, { today, kalIsPast: RETROSPECTIVE.has(intent) });
  copyDates(e, dates);
  if (intent === 'cancel') setIf(e, 'leaveType', leaveTypes(tokens)[0]?.value);
  if (intent === 'cancel' || intent === 'ta_claim') {
    const places = destinations(tokens);
    if (places.length) e.destinations = places.map((p) => p.value);
  }
  if (intent === 'ta_claim') {
    setIf(e, 'travelMode', travelModes(tokens)[0]?.value);
    setIf(e, 'amount', amount(tokens, dates.used));
  }
  return e;
}

function copyDates(e: Entities, d: ReturnType<typeof extractDates>): void {
  setIf(e, 'startDate', d.startDate);
  setIf(e, 'endDate', d.endDate);
  setIf(e, 'days', d.days);
  setIf(e, 'halfDay', d.halfDay);
}

function setIf<K extends keyof Entities>(e: Entities, key: K, value: Entities[K] | undefined): void {
  if (value !== undefined && value !== '') e[key] = value;
}
