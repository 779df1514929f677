/**
 * What a citizen types as a tracking number, and the spellings to look it up
 * by. Numbers are read out over the phone and copied by hand: full-width digits
 * from a Chinese input method (２０２６), spaces ("2026 000001"), another dash
 * (–, －), or no hyphen at all ("2026000001" for the reference server's
 * "2026-000001"). The first spelling the server knows wins.
 */
export function trackingNumberCandidates(typed: string): string[] {
  const plain = typed
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63]/g, '-')
    .trim();
  if (!plain) return [];
  const compact = plain.replace(/[\s-]+/g, '');
  const candidates = [plain.replace(/\s+/g, ''), plain.replace(/\s*[\s-]\s*/g, '-')];
  // "2026000001": a year and a serial, as the reference server writes them (2026-000001).
  const yearAndSerial = /^(\d{4})(\d+)$/.exec(compact);
  if (yearAndSerial) candidates.push(`${yearAndSerial[1]}-${yearAndSerial[2]}`);
  // "SR1", "sr 1": a prefix and a serial (SR-1).
  const prefixAndSerial = /^([A-Za-z]+)(\d+)$/.exec(compact);
  if (prefixAndSerial) candidates.push(`${prefixAndSerial[1]!.toUpperCase()}-${prefixAndSerial[2]}`);
  candidates.push(compact);
  return [...new Set(candidates)];
}
