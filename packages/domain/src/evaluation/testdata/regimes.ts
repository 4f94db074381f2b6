/**
 * The regimes of the reference data (`regimes.json`, a copy of the server's
 * `reference-data/evaluation/regimes.json`) for the tests: the rules take a regime as an argument
 * and hold none of its numbers.
 */
import type { Regime } from '../regime';
import file from './regimes.json';

const regimes = file.regimes as unknown as Regime[];

function regime(code: string): Regime {
  const found = regimes.find((candidate) => candidate.code === code);
  if (!found) throw new Error(`regimes.json has no regime ${code}`);
  return found;
}

export const REGIME_26_2026 = regime('26/2026');
export const REGIME_148_2023 = regime('148/2023');
export const REGIME_1048_2019 = regime('1048/2019');
