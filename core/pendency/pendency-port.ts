// Office-wide reads for the pendency digests and the Collector's report: aggregate queries instead
// of a few calls per employee, so that 50,000 staff and a million files stay within seconds.
// (Both stores implement it: core/store/memory-pendency.ts, adapters/storage/prisma-pendency.ts.)

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the pendency work
export interface PendencyRepo {}
