/**
 * exports: spreadsheets (XLSX) for the residents' committee and the property office — a decision's
 * roll and ballots with its tally, the money (each unit's charge and payments, and the whole
 * ledger), and the last-mile contact list with phone numbers (admins only). Each action writes the
 * file to cloud storage and answers where it is; the mini program downloads and opens it.
 */

export interface ExportFileView {
  /** Cloud storage fileID of the workbook. */
  fileId: string;
  /** A download address valid for a while (two hours on WeChat Cloud); '' if storage gave none. */
  tempUrl: string;
  /** What to call the file when saving or forwarding it (`表决名册-….xlsx`). */
  fileName: string;
  /** Data rows on the main sheet (units, or contacts). */
  rows: number;
  /** Names as written in the file: in full (admins) or masked (孙**). */
  names: 'full' | 'masked';
}

export interface ExportsApi {
  decision: { request: { decisionId: string }; response: ExportFileView };
  ledger: { request: Record<string, never>; response: ExportFileView };
  contacts: { request: Record<string, never>; response: ExportFileView };
}
