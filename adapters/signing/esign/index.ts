// eSign (CCA eSign API 2.1), the ASP side: see asp.ts for the flow and docs/esign.md for going live.
export { EsignAsp, type EsignRequestInput } from './asp.ts';
export { defaultSignerUrl, esignResponseFromHttp, istTimestamp, parseIstTimestamp, readAcknowledgement } from './wire.ts';
export { embedEsignSignature, prepareForEsign, ESIGN_CONTENTS_BYTES, type EsignPdfSigner, type EsignSubFilter, type PreparedPdf } from './pdf.ts';
export { InMemoryEsignTransactions } from './transactions.ts';
export type {
  EmbedResult,
  EsignAcknowledgement,
  EsignFailure,
  EsignOutcome,
  EsignRequestResult,
  EsignResponseResult,
  EsignSettings,
  EsignSigned,
  EsignTransaction,
  EsignTransactions,
  EsignTransactionState,
} from './types.ts';
