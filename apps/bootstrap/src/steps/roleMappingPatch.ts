import { MANAGED_BY } from './context.js';

export interface MappingMembers {
  readonly backend_roles: readonly string[];
  readonly users: readonly string[];
}

export interface LiveMapping {
  backend_roles?: string[];
  users?: string[];
  hosts?: string[];
  and_backend_roles?: string[];
  description?: string;
  reserved?: boolean;
  hidden?: boolean;
  static?: boolean;
}

/** One JSON patch operation; the security plugin accepts only add, replace and remove. */
export interface PatchOperation {
  readonly op: 'add' | 'remove';
  readonly path: string;
  readonly value?: unknown;
}

const OWNED_MARKER = `${MANAGED_BY} owns: `;
const MEMBER_LISTS = ['backend_roles', 'users'] as const;

/** What this hook added earlier, recorded in the mapping's description. */
export function readOwned(description: string | undefined): MappingMembers {
  const at = description?.indexOf(OWNED_MARKER) ?? -1;
  if (description === undefined || at < 0) return { backend_roles: [], users: [] };
  try {
    const parsed = JSON.parse(description.slice(at + OWNED_MARKER.length)) as Partial<MappingMembers>;
    const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
    return { backend_roles: strings(parsed.backend_roles), users: strings(parsed.users) };
  } catch {
    return { backend_roles: [], users: [] };
  }
}

function ownedDescription(owned: MappingMembers): string {
  return `${OWNED_MARKER}${JSON.stringify({ backend_roles: [...owned.backend_roles].sort(), users: [...owned.users].sort() })}`;
}

interface ListChange {
  readonly add: string[];
  /** Indices into the live list of entries this hook added earlier and no longer wants. */
  readonly removeAt: number[];
  readonly owned: string[];
}

function listChange(
  live: readonly string[],
  previouslyOwned: readonly string[],
  wanted: readonly string[],
): ListChange {
  const removeAt: number[] = [];
  live.forEach((entry, index) => {
    if (previouslyOwned.includes(entry) && !wanted.includes(entry)) removeAt.push(index);
  });
  const add = [...new Set(wanted.filter((entry) => !live.includes(entry)))];
  // Entries someone else had put there before this hook wanted them stay theirs.
  const owned = wanted.filter((entry) => previouslyOwned.includes(entry) || !live.includes(entry));
  return { add, removeAt, owned: [...new Set(owned)] };
}

/**
 * The mapping as a whole when it does not exist yet (created with PUT: there is nothing of
 * anyone else's to keep).
 */
export function newRoleMapping(wanted: MappingMembers): Record<string, unknown> {
  const unique = (list: readonly string[]) => [...new Set(list)];
  return {
    backend_roles: unique(wanted.backend_roles),
    users: unique(wanted.users),
    hosts: [],
    and_backend_roles: [],
    description: ownedDescription({ backend_roles: unique(wanted.backend_roles), users: unique(wanted.users) }),
  };
}

/**
 * Single-entry JSON patch operations that add the wanted members and remove only those this hook
 * added earlier and no longer wants. Nothing is ever replaced as a whole, so entries someone else
 * adds between our read and our write are kept: the security plugin applies the patch to the
 * mapping as it is when the request arrives. Removals go from the highest index down so earlier
 * removals do not shift later ones; additions append (`/-`). Empty when the mapping is converged.
 * The security plugin accepts only add, replace and remove (no `test`), so a removal by index is
 * exact as long as nobody removes an entry between the read it was computed from (made right
 * before the PATCH) and the PATCH; additions by others are never affected.
 */
export function roleMappingPatch(live: LiveMapping, wanted: MappingMembers): PatchOperation[] {
  const previous = readOwned(live.description);
  const removals: PatchOperation[] = [];
  const additions: PatchOperation[] = [];
  const owned: Record<(typeof MEMBER_LISTS)[number], string[]> = { backend_roles: [], users: [] };
  for (const list of MEMBER_LISTS) {
    const current = live[list];
    const change = listChange(current ?? [], previous[list], wanted[list]);
    owned[list] = change.owned;
    for (const index of [...change.removeAt].sort((a, b) => b - a)) {
      removals.push({ op: 'remove', path: `/${list}/${index}` });
    }
    if (change.add.length === 0) continue;
    if (current === undefined) additions.push({ op: 'add', path: `/${list}`, value: change.add });
    else for (const entry of change.add) additions.push({ op: 'add', path: `/${list}/-`, value: entry });
  }
  const description = ownedDescription(owned);
  // The record of what we own changes only when our own entries change (or was never written).
  const describe: PatchOperation[] =
    live.description === description ? [] : [{ op: 'add', path: '/description', value: description }];
  return [...removals, ...additions, ...describe];
}

/** The mapping after the patch, for showing the difference in `plan`. */
export function patchedMapping(live: LiveMapping, operations: readonly PatchOperation[]): LiveMapping {
  const next: LiveMapping = {
    ...live,
    backend_roles: [...(live.backend_roles ?? [])],
    users: [...(live.users ?? [])],
  };
  for (const operation of operations) {
    const [, field, at] = operation.path.split('/');
    if (field === 'description') next.description = operation.value as string;
    else if (field === 'backend_roles' || field === 'users') {
      const list = next[field] as string[];
      if (operation.op === 'remove') list.splice(Number(at), 1);
      else if (at === '-') list.push(operation.value as string);
      else if (at === undefined) list.push(...(operation.value as string[]));
    }
  }
  return next;
}
