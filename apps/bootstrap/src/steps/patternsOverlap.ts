/**
 * Whether two index patterns (literal characters and `*`, the only wildcard index and ISM
 * templates know) can match the same name. Walks both patterns at once: a state is a position in
 * each, and a name both match exists when the ends are reachable together.
 */
export function patternsOverlap(a: string, b: string): boolean {
  const seen = new Set<string>();
  const pending: [number, number][] = [[0, 0]];
  while (pending.length > 0) {
    const [i, j] = pending.pop() as [number, number];
    const key = `${i}:${j}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (i === a.length && j === b.length) return true;
    const starA = a[i] === '*';
    const starB = b[j] === '*';
    // A star may match nothing.
    if (starA) pending.push([i + 1, j]);
    if (starB) pending.push([i, j + 1]);
    // Or both consume one common character.
    if (i < a.length && j < b.length) {
      if (starA && starB) pending.push([i, j]);
      else if (starA) pending.push([i, j + 1]);
      else if (starB) pending.push([i + 1, j]);
      else if (a[i] === b[j]) pending.push([i + 1, j + 1]);
    }
  }
  return false;
}

/** Whether any pattern of one list can match a name some pattern of the other matches. */
export function patternListsOverlap(a: readonly string[], b: readonly string[]): boolean {
  return a.some((left) => b.some((right) => patternsOverlap(left, right)));
}
