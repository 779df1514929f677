/**
 * A short name for an attachment's type: "PDF", "DOCX", "JPEG", not
 * "application/vnd.openxmlformats-officedocument.wordprocessingml.document".
 * Format names are the same in every language, so they need no translation.
 */
const known: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
  'application/zip': 'ZIP',
  'text/plain': 'TXT',
  'text/csv': 'CSV',
};

export function fileTypeLabel(type: string, url: string): string {
  const mime = type.toLowerCase().split(';')[0]!.trim();
  if (known[mime]) return known[mime];
  const extension = /\.([a-z0-9]{1,5})$/i.exec(new URL(url).pathname)?.[1];
  if (extension) return extension.toUpperCase();
  const subtype = mime.split('/')[1];
  return subtype && subtype.length <= 10 ? subtype.toUpperCase() : '';
}
