// Failure codes of the limits put on what users send in (said in bots/messages/intake-failures.ts):
// input that is too big or may carry something active is refused before it costs anything or is kept.
export const INTAKE_FAILURES = [
  /** {length, max} a text longer than MAX_TEXT_CHARS, refused before it is parsed */
  'INBOUND.TOO_LONG',
  /** {name, width, height, megapixels, max} an image whose header declares more than MAX_IMAGE_MEGAPIXELS */
  'UPLOAD.TOO_MANY_PIXELS',
  /** {name, found: javascript | launch | embedded_file} a PDF that could run or carry something */
  'UPLOAD.ACTIVE_CONTENT',
] as const;
