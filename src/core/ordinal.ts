/** An English ordinal for a count in a detail: 2 → `2nd`, 3 → `3rd`, 4 → `4th`, 11 → `11th`, 21 → `21st`. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
