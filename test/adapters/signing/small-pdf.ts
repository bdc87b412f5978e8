import PDFDocument from 'pdfkit';

/** A one-page PDF as pdfkit writes it (classic xref table), titled "Daftar signing test". */
export async function smallPdf(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', info: { Title: 'Daftar signing test' } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.fontSize(14).text('Approved. File EST-12/2026, note 7.');
  doc.end();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
