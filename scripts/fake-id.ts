/** Made-up ID numbers with valid check characters (GB 11643), for synthetic rosters. Never real people. */
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
export function makeId(region: string, birth: string, seq: number): string {
  const body = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * W[i]!, 0);
  return body + '10X98765432'[sum % 11];
}
