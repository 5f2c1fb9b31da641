import { PRIVILEGED_ROLES } from '../config/schema.js';
import { MANAGED_BY, type StepContext } from './context.js';
import { groupReaderRole } from './groupReaders.js';
import { readSecurityEntry, securityPath } from './securityApi.js';
import { comparePlan, type Step, type StepPlan } from './step.js';

export interface MappingMembers {
  readonly backend_roles: readonly string[];
  readonly users: readonly string[];
}

interface LiveMapping {
  backend_roles?: string[];
  users?: string[];
  hosts?: string[];
  and_backend_roles?: string[];
  description?: string;
}

const OWNED_MARKER = `${MANAGED_BY} owns: `;

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

function mergeList(live: readonly string[], previouslyOwned: readonly string[], wanted: readonly string[]) {
  const dropped = new Set(previouslyOwned.filter((entry) => !wanted.includes(entry)));
  const kept = live.filter((entry) => !dropped.has(entry));
  const merged = [...kept, ...wanted.filter((entry) => !kept.includes(entry))];
  // Entries someone else had put there before this hook wanted them stay theirs.
  const owned = wanted.filter((entry) => previouslyOwned.includes(entry) || !live.includes(entry));
  return { merged, owned };
}

/**
 * Merge-safe mapping: keeps every backend role, user and host someone else added, adds ours,
 * and removes only entries this hook added earlier and no longer wants.
 */
export function mergeRoleMapping(live: LiveMapping | undefined, wanted: MappingMembers): Record<string, unknown> {
  const previous = readOwned(live?.description);
  const backend = mergeList(live?.backend_roles ?? [], previous.backend_roles, wanted.backend_roles);
  const users = mergeList(live?.users ?? [], previous.users, wanted.users);
  const owned = { backend_roles: [...backend.owned].sort(), users: [...users.owned].sort() };
  return {
    backend_roles: backend.merged,
    users: users.merged,
    hosts: live?.hosts ?? [],
    and_backend_roles: live?.and_backend_roles ?? [],
    description: `${OWNED_MARKER}${JSON.stringify(owned)}`,
  };
}

function mappingStep(ctx: StepContext, role: string, wanted: MappingMembers): Step {
  const path = securityPath('rolesmapping', role);
  return {
    kind: 'role-mapping',
    name: role,
    async plan(): Promise<StepPlan> {
      if (PRIVILEGED_ROLES.includes(role) && !ctx.config.security.allowAllAccessMapping) {
        throw new Error(`refusing to change the ${role} mapping: set security.allowAllAccessMapping to allow it`);
      }
      const live = (await readSecurityEntry(ctx.os, 'rolesmapping', role)) as LiveMapping | undefined;
      if (live && (live as { hidden?: boolean }).hidden) throw new Error(`rolesmapping ${role} is hidden`);
      const desired = mergeRoleMapping(live, wanted);
      return comparePlan('role-mapping', role, live, desired, async () => {
        await ctx.os.request('PUT', path, { body: desired });
      });
    },
  };
}

export function roleMappingSteps(ctx: StepContext): Step[] {
  const { security } = ctx.config;
  const writer: MappingMembers = {
    backend_roles: [...new Set(ctx.writerBackendRoles)],
    users: [...new Set([...security.writer.users, ...(ctx.internalWriter ? [ctx.internalWriter.name] : [])])],
  };
  const reader: MappingMembers = { backend_roles: security.reader.backendRoles, users: security.reader.users };
  const groups = ctx.config.routing.groups.map((group) =>
    mappingStep(ctx, groupReaderRole(ctx.config, group), {
      backend_roles: group.readers.backendRoles,
      users: group.readers.users,
    }),
  );
  return [mappingStep(ctx, security.writerRole, writer), mappingStep(ctx, security.readerRole, reader), ...groups];
}
