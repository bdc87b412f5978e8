import type { DeadlineRules } from '../core/deadlines/rules.ts';
import type { BlobStore, Clock, DocumentRenderer, DocumentSigner, OtpSender, Store } from '../core/ports.ts';
import type { SignPolicy } from '../core/signing/sign-policy.ts';
import type { LeavePolicy } from '../core/leave/common.ts';
import type { TourRules } from '../core/tour/ta-rates.ts';
import type { EfileTx } from '../core/efile/efile-tx.ts';
import type { NumberFormats } from '../core/efile/numbering.ts';
import type { ChatAccount, Employee, UiLanguage } from '../core/types.ts';
import type { OtpPolicy } from '../core/otp/otp-policy.ts';
import { officeProfile, type OfficeProfile } from '../core/office/profile.ts';
import type { LanguageModel, Parse } from './language/index.ts';
import type { Inbound, Reply } from './reply.ts';

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

export interface AssistantDeps {
  store: Store;
  clock: Clock;
  language: LanguageModel;
  otpSender: OtpSender;
  otpPolicy: OtpPolicy;
  log: Logger;
  /** Called after a transaction that queued notifications commits, so delivery starts at once. */
  onNotificationsQueued?: () => void;
  renderer: DocumentRenderer;
  blobs: BlobStore;
  formats: NumberFormats;
  /** The office's name, head and number parsers (default: the demo office's, with `formats`). */
  office?: OfficeProfile;
  uploads: UploadLimits;
  /** A longer text is refused before it is parsed (MAX_TEXT_CHARS; default DEFAULT_INTAKE_LIMITS). */
  maxTextChars?: number;
  /** Below this confidence a decision (approve, return…) is asked back, never taken. */
  decisionConfidence: number;
  signer: DocumentSigner;
  signPolicy: SignPolicy;
  leavePolicy: LeavePolicy;
  /** Employee codes who may ask for the pendency report besides the Collector (REPORT_RECIPIENTS). */
  reportRecipients?: readonly string[];
  tourRules: TourRules;
  /** Who may send circulars and how long recipients have to acknowledge (CIRCULAR_POSTS, CIRCULAR_ACK_HOURS). */
  circulars?: { senderPosts: string[]; ackHours: number };
  /** Whether scans get OCR text (set once the background reader found tesseract); `find` says so when off. */
  scanSearch?: { available: boolean };
  /** The statutory deadline kinds and periods (DEADLINE_RULES_FILE; default DEFAULT_DEADLINE_RULES). */
  deadlineRules?: DeadlineRules;
  /**
   * OTPs are printed on the server console (OTP_CONSOLE: development with the demo office), so the
   * chat says "see the server console" instead of "sent to ••••0002".
   */
  otpOnConsole?: boolean;
}

export interface UploadLimits {
  /** Largest single upload accepted. */
  maxBytes: number;
  /** An album (pages sent as several messages) becomes receipts once no page has come for this long. */
  albumWindowMs: number;
  /** Largest image accepted, by the size its header declares (default DEFAULT_INTAKE_LIMITS). */
  maxImageMegapixels?: number;
}

/** Everything a command needs about the message it answers, inside the message's transaction. */
export interface CommandContext {
  tx: EfileTx;
  deps: AssistantDeps;
  inbound: Inbound;
  account: ChatAccount;
  employee: Employee | null;
  lang: UiLanguage;
  parse: Parse;
  today: string;
}

/**
 * A command's answer. `afterCommit` runs once the transaction has committed, for work that must
 * not hold the database (sending an OTP); its replies replace `replies`.
 */
export interface Outcome {
  replies: Reply[];
  afterCommit?: () => Promise<Reply[]>;
  queuedNotifications?: boolean;
  /** A page of an album was stored: its album is closed when quiet (see commands/receipt.ts). */
  albumPageStored?: boolean;
}

const profiles = new WeakMap<AssistantDeps, OfficeProfile>();

/** The office the assistant serves: as configured, or made once from the number formats. */
export function officeOf(deps: AssistantDeps): OfficeProfile {
  if (deps.office !== undefined) return deps.office;
  let profile = profiles.get(deps);
  if (profile === undefined) {
    profile = officeProfile({ formats: deps.formats });
    profiles.set(deps, profile);
  }
  return profile;
}
