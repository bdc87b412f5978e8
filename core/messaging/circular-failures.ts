// Failure codes of circulars and notices (said in bots/messages/circular-failures.ts).
export const CIRCULAR_FAILURES = [
  'CIRCULAR.NOT_FOUND',
  /** The sender's post is not in circulars.senderPosts (CIRCULAR_POSTS). */
  'CIRCULAR.NOT_ALLOWED',
  'CIRCULAR.EMPTY',
  'CIRCULAR.TOO_LONG',
  /** "circular: …" without saying to whom. */
  'CIRCULAR.NO_AUDIENCE',
  /** The audience named no active employee besides the sender. */
  'CIRCULAR.NO_RECIPIENTS',
  'CIRCULAR.UNKNOWN_SECTION',
  'CIRCULAR.UNKNOWN_POST',
  /** An "ack by" that could not be read. */
  'CIRCULAR.BAD_DEADLINE',
  /** An "ack by" that has already passed. */
  'CIRCULAR.PAST_DEADLINE',
  /** A circular may carry one PDF and nothing else. */
  'CIRCULAR.ONLY_ONE_PDF',
  'CIRCULAR.NOT_A_RECIPIENT',
  /** {number} The recipient's copy is acknowledged: the circular table has no step from there. */
  'CIRCULAR.ALREADY_ACKNOWLEDGED',
  /** Status is for the sender, the Collector and the DDC. */
  'CIRCULAR.NOT_YOURS',
  /** A bare "circular status" from someone who has sent none. */
  'CIRCULAR.NONE_SENT',
] as const;
