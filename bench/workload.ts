// The mixed message workload, drawn from the generated office with a seeded generator:
// 40% status and my-files queries, 20% notes, 20% approvals by reply, 10% receipts (a ~200 KB page
// image), 10% leave applications (the application, then its confirmation button). Each receipt's
// page is a different letter (its bytes differ, so each is stored anew) unless `samePage`.
import fs from 'node:fs';
import { crc32 } from 'node:zlib';
import Database from 'better-sqlite3';
import type { Inbound } from '../bots/reply.ts';
import { BENCH_CHANNEL, prng, sentMessageId } from './generate.ts';
import { pageImage, pageJpeg } from './image.ts';

export type Kind = 'status' | 'my_files' | 'note' | 'approve' | 'receipt' | 'leave.apply' | 'leave.submit';
export const KINDS: Kind[] = ['status', 'my_files', 'note', 'approve', 'receipt', 'leave.apply', 'leave.submit'];

export interface Message {
  kind: Kind;
  inbound: Inbound;
  /** Which seeded rows the message touches, for the floor (the same reads and writes in raw SQL). */
  ref: { employeeId: number; fileId?: number; fileNumber?: string };
}

/** One user action: a leave application is two messages from the same chat, in order. */
export interface Operation {
  messages: Message[];
}

interface OpenFile { id: number; fileNumber: string; holderId: number; holderCode: string; sectionId: number }
interface Person { id: number; code: string; language: string; sectionId: number }

export interface WorkloadOptions {
  /**
   * Every receipt sends the very same page (the bench before issue 16 did: the page blob is then
   * stored once and found again after that). By default each page differs by a few bytes, as every
   * letter does, so each is written and synced anew.
   */
  samePage?: boolean;
  /**
   * When every open file has been noted or approved once, start over (a soak runs longer than the
   * office has files): a file met again may have moved, and then its approval is refused, which is
   * still a message answered.
   */
  reuseFiles?: boolean;
}

export class Workload {
  private readonly rnd: () => number;
  private readonly files: OpenFile[];
  private readonly staff: Person[];
  private readonly bySection = new Map<number, Person[]>();
  private readonly leaveCount = new Map<number, number>();
  private nextFile = 0;
  private serial = 0;
  private readonly image: Uint8Array;
  readonly imageKind: 'jpeg' | 'png';
  private readonly options: WorkloadOptions;

  /** `image`: a padded real JPEG scan (what phones send), or a noise PNG. */
  constructor(dbFile: string, seed: number, image: 'jpeg' | 'png' = 'jpeg', options: WorkloadOptions = {}) {
    this.imageKind = image;
    this.options = options;
    this.image = image === 'png'
      ? pageImage(200 * 1024)
      : pageJpeg(fs.readFileSync(new URL('../test/fixtures/images/scan-portrait.jpg', import.meta.url)), 200 * 1024);
    this.rnd = prng(seed ^ 0x5eed);
    const db = new Database(dbFile, { readonly: true });
    // Open files whose holder got a notification: the pool for notes and for approvals by reply.
    this.files = db.prepare(`SELECT f.id, f.fileNumber, f.holderId, e.code AS holderCode, f.sectionId FROM "EFile" f JOIN "Employee" e ON e.id = f.holderId
      WHERE f.status = 'open' ORDER BY f.id`).all() as OpenFile[];
    this.staff = db.prepare(`SELECT id, code, language, sectionId FROM "Employee" WHERE reportingOfficerId IS NOT NULL ORDER BY id`).all() as Person[];
    db.close();
    for (const p of this.staff) this.bySection.set(p.sectionId, [...(this.bySection.get(p.sectionId) ?? []), p]);
    // Shuffle once, seeded, so that notes and approvals spread over the office.
    for (let i = this.files.length - 1; i > 0; i--) {
      const j = Math.floor(this.rnd() * (i + 1));
      [this.files[i], this.files[j]] = [this.files[j] as OpenFile, this.files[i] as OpenFile];
    }
  }

  get imageBytes(): number {
    return this.image.length;
  }

  private pick<T>(list: T[]): T {
    return list[Math.floor(this.rnd() * list.length)] as T;
  }

  /** Each file is noted or approved at most once, so an approval always finds it in the holder's hands. */
  private takeFile(): OpenFile {
    if (this.nextFile >= this.files.length && this.options.reuseFiles === true) this.nextFile = 0;
    const file = this.files[this.nextFile];
    if (file === undefined) throw new Error('the generated office ran out of open files: use a bigger scale or fewer messages');
    this.nextFile += 1;
    return file;
  }

  private message(kind: Kind, chatId: string, ref: Message['ref'], extra: Partial<Inbound>): Message {
    this.serial += 1;
    return { kind, ref, inbound: { channel: BENCH_CHANNEL, chatId, messageId: `bench-${process.pid}-${this.serial}`, ...extra } };
  }

  next(): Operation {
    const r = this.rnd();
    if (r < 0.2) {
      const file = this.files[Math.floor(this.rnd() * this.files.length)] as OpenFile;
      // Asked from the file's own section: an outsider is told only where it is (not the trail).
      const who = this.pick(this.bySection.get(file.sectionId) ?? this.staff);
      const text = who.language === 'en' ? `status of ${file.fileNumber}` : `${file.fileNumber} की स्थिति`;
      return { messages: [this.message('status', who.code, { employeeId: who.id, fileId: file.id, fileNumber: file.fileNumber }, { text })] };
    }
    if (r < 0.4) {
      // Officers hold most files: half the queries come from holders of open files.
      const who = this.rnd() < 0.5 ? this.pick(this.staff) : (() => {
        const f = this.files[Math.floor(this.rnd() * this.files.length)] as OpenFile;
        return { id: f.holderId, code: f.holderCode, language: 'hi', sectionId: f.sectionId };
      })();
      const text = who.language === 'en' ? 'pending with me' : 'मेरे पास कौन सी फाइलें हैं';
      return { messages: [this.message('my_files', who.code, { employeeId: who.id }, { text })] };
    }
    if (r < 0.6) {
      const file = this.takeFile();
      const text = `${file.fileNumber} पर टिप्पणी: प्रस्ताव उचित है, स्वीकृति हेतु प्रस्तुत`;
      return { messages: [this.message('note', file.holderCode, { employeeId: file.holderId, fileId: file.id, fileNumber: file.fileNumber }, { text })] };
    }
    if (r < 0.8) {
      const file = this.takeFile();
      return {
        messages: [this.message('approve', file.holderCode, { employeeId: file.holderId, fileId: file.id, fileNumber: file.fileNumber }, {
          text: this.rnd() < 0.5 ? 'स्वीकृत' : 'approved', replyToMessageId: sentMessageId(file.id),
        })],
      };
    }
    if (r < 0.9) {
      const who = this.pick(this.staff);
      return {
        messages: [this.message('receipt', who.code, { employeeId: who.id }, {
          text: 'Letter from Commissioner on flood relief',
          attachments: [{ filename: this.imageKind === 'png' ? 'page-1.png' : 'page-1.jpg', mime: this.imageKind === 'png' ? 'image/png' : 'image/jpeg', bytes: this.page() }],
        })],
      };
    }
    // Leave: at most three applications per person (one week apart), so none overlaps another.
    let who = this.pick(this.staff);
    for (let tries = 0; (this.leaveCount.get(who.id) ?? 0) >= 3 && tries < 50; tries++) who = this.pick(this.staff);
    const n = this.leaveCount.get(who.id) ?? 0;
    this.leaveCount.set(who.id, n + 1);
    const start = new Date(Date.UTC(2026, 11, 1 + n * 7));
    const end = new Date(start.getTime() + 86_400_000);
    const dmy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
    const text = `casual leave from ${dmy(start)} to ${dmy(end)} for family function`;
    return {
      messages: [
        this.message('leave.apply', who.code, { employeeId: who.id }, { text }),
        this.message('leave.submit', who.code, { employeeId: who.id }, { action: '/leave.submit' }),
      ],
    };
  }

  /**
   * This receipt's page: the image with the message's serial written into its first comment
   * segment (JPEG; the picture is unchanged), or into a text chunk of the PNG, so that no two
   * letters have the same bytes.
   */
  private page(): Uint8Array {
    if (this.options.samePage === true) return this.image;
    const serial = Buffer.from(`${process.pid}-${this.serial}`.padEnd(24, ' '), 'latin1');
    if (this.imageKind === 'jpeg') {
      const page = new Uint8Array(this.image);
      page.set(serial, 6); // the text of the first comment segment pageJpeg put after the SOI marker
      return page;
    }
    // A tEXt chunk before IEND (the last 12 bytes).
    const body = Buffer.concat([Buffer.from('tEXtpage\0', 'latin1'), serial]);
    const chunk = Buffer.alloc(body.length + 8);
    chunk.writeUInt32BE(body.length - 4, 0);
    body.copy(chunk, 4);
    chunk.writeUInt32BE(crc32(body) >>> 0, 4 + body.length);
    return new Uint8Array(Buffer.concat([this.image.subarray(0, this.image.length - 12), chunk, this.image.subarray(this.image.length - 12)]));
  }

  take(count: number): Operation[] {
    return Array.from({ length: count }, () => this.next());
  }
}
