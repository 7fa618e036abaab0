/** A score kept to three decimals, as match scores and evidence are reported. */
export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
