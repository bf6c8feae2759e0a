/**
 * The checks on an uploaded file before its rows are read: one file, not empty, not too big,
 * a CSV (by name and type, and text rather than bytes). Each problem in words for the page.
 */
/** The parsed form: shared/http's MultipartBody, by shape. */
export interface UploadedForm {
  files: readonly { field: string; filename: string; mimeType: string; data: Buffer; truncated: boolean }[];
}

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'application/vnd.ms-excel', 'text/plain', 'application/octet-stream', '']);

export function uploadProblems(body: UploadedForm): { problems: string[]; text?: string } {
  const file = body.files.find((f) => f.field === 'file');
  if (!file || (file.filename === '' && file.data.length === 0)) return { problems: ['Select a CSV file to upload'] };
  if (file.truncated) return { problems: ['The selected file must be smaller than 6 MB'] };
  if (file.data.length === 0) return { problems: ['The selected file is empty'] };
  const named = /\.csv$/i.test(file.filename);
  if (!named || !CSV_TYPES.has(file.mimeType.toLowerCase())) return { problems: ['The selected file must be a CSV'] };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(file.data).replace(/^\uFEFF/, '');
  // A spreadsheet saved as .xlsx and renamed is zip bytes: NULs and replacement characters.
  if (text.includes('\u0000') || (text.match(/\uFFFD/g)?.length ?? 0) > 0)
    return { problems: ['The selected file must be a CSV saved as UTF-8 text'] };
  return { problems: [], text };
}
