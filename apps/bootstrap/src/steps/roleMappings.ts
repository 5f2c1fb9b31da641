import { PRIVILEGED_ROLES } from '../config/schema.js';
import { diffJson } from '../json/diffJson.js';
import { OpenSearchError } from '../opensearch/openSearchError.js';
import type { StepContext } from './context.js';
import { groupReaderRole } from './groupReaders.js';
import {
  type LiveMapping,
  type MappingMembers,
  newRoleMapping,
  patchedMapping,
  roleMappingPatch,
} from './roleMappingPatch.js';
import { readSecurityEntry, securityPath } from './securityApi.js';
import type { Step, StepPlan } from './step.js';

export { type MappingMembers, readOwned } from './roleMappingPatch.js';

const RESOURCE = 'rolesmapping';

/**
 * To anyone but a security admin a hidden entry does not exist: a GET answers 404 "not found" (so
 * `plan` says create), a PUT or PATCH 404 "Resource '<name>' is not available."
 * (EndpointValidator.entityHidden, AbstractApiAction.loadConfiguration in opensearch-project/security).
 */
function hiddenError(role: string): Error {
  return new Error(
    `rolesmapping ${role} is hidden: OpenSearch answers 404 for hidden security entries (reads say "not found", writes "is not available") unless the caller is a security admin (admin certificate, or restapi:admin/rolesmapping with plugins.security.restapi.admin.enabled), so the bootstrap can neither read nor change it; choose another role name (security.writerRole / security.readerRole) or map the identity in the cluster's own roles_mapping.yml`,
  );
}

/** 403 "Resource '<name>' is reserved." / "is static." (EndpointValidator.entityReserved, entityStatic). */
function protectedError(role: string, flag: string): Error {
  return new Error(
    `rolesmapping ${role} is ${flag}: OpenSearch refuses changes to ${flag} security entries with 403 unless the caller is a security admin (admin certificate, or restapi:admin/rolesmapping with plugins.security.restapi.admin.enabled); choose another role name (security.writerRole / security.readerRole) or map the identity in the cluster's own roles_mapping.yml and apply it with securityadmin`,
  );
}

/** Turns the security plugin's 404/403 on a write into what they mean for a mapping. */
function explainWriteError(role: string, error: unknown): unknown {
  if (!(error instanceof OpenSearchError)) return error;
  const message = String((error.body as { message?: unknown } | undefined)?.message ?? '');
  if (error.status === 404 && /is not available/.test(message)) return hiddenError(role);
  if (error.status === 403) {
    const flag = /is (reserved|static)\./.exec(message)?.[1];
    if (flag) return protectedError(role, flag);
  }
  return error;
}

async function readMapping(ctx: StepContext, role: string): Promise<LiveMapping | undefined> {
  const live = (await readSecurityEntry(ctx.os, RESOURCE, role)) as LiveMapping | undefined;
  if (live?.hidden) throw hiddenError(role);
  const flag = live?.reserved ? 'reserved' : live?.static ? 'static' : undefined;
  if (flag) throw protectedError(role, flag);
  return live;
}

/**
 * Merge-safe mapping: adds our members and removes only those this hook added earlier and no
 * longer wants, as single-entry JSON patch operations computed from a read made right before the
 * PATCH, so a concurrent edit by someone else is never dropped. A missing mapping is created
 * with PUT. A converged mapping gets no write.
 */
function mappingStep(ctx: StepContext, role: string, wanted: MappingMembers): Step {
  const path = securityPath(RESOURCE, role);
  const write = async () => {
    try {
      const live = await readMapping(ctx, role);
      if (live === undefined) {
        await ctx.os.request('PUT', path, { body: newRoleMapping(wanted) });
        return;
      }
      const operations = roleMappingPatch(live, wanted);
      if (operations.length > 0) await ctx.os.request('PATCH', path, { body: operations });
    } catch (error) {
      throw explainWriteError(role, error);
    }
  };
  return {
    kind: 'role-mapping',
    name: role,
    async plan(): Promise<StepPlan> {
      if (PRIVILEGED_ROLES.includes(role) && !ctx.config.security.allowAllAccessMapping) {
        throw new Error(`refusing to change the ${role} mapping: set security.allowAllAccessMapping to allow it`);
      }
      const live = await readMapping(ctx, role);
      if (live === undefined) {
        return {
          kind: 'role-mapping',
          name: role,
          action: 'create',
          changes: diffJson(undefined, newRoleMapping(wanted)),
          write,
        };
      }
      const operations = roleMappingPatch(live, wanted);
      if (operations.length === 0) return { kind: 'role-mapping', name: role, action: 'unchanged', changes: [] };
      const shown = (mapping: LiveMapping) => ({
        backend_roles: mapping.backend_roles ?? [],
        users: mapping.users ?? [],
        description: mapping.description,
      });
      const changes = diffJson(shown(live), shown(patchedMapping(live, operations)));
      return { kind: 'role-mapping', name: role, action: 'update', changes, write };
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
