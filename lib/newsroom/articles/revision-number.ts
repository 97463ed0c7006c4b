/** A revision number from an address: a positive integer, or null. */
export function parseRevisionNumber(value: string): number | null {
  if (!/^\d{1,9}$/.test(value)) return null;
  const number = Number(value);
  return number >= 1 ? number : null;
}
