import { groupDataStream } from '@loglift/log-schema';
import type { BootstrapConfig } from '../config/schema.js';
import { tenantName } from '../dashboards/verifyTenant.js';

type DashboardsSettings = NonNullable<BootstrapConfig['dashboards']>;

export interface TenantIndexPattern {
  readonly id: string;
  readonly title: string;
  readonly timeFieldName: string;
}

/** What one Dashboards tenant gets. */
export interface TenantContent {
  readonly tenant: string;
  readonly indexPatterns: readonly TenantIndexPattern[];
  /** The tenant's `defaultIndex`, when one is set. */
  readonly defaultIndex: string | undefined;
  /** Defaults an earlier run may have set here that are replaced even without forceDefault. */
  readonly replaceDefaults: readonly string[];
  /** The index pattern the shipped saved search and dashboard are bound to; none without builtinContent. */
  readonly contentIndex: string | undefined;
  /** Whether the users' `savedObjectsFiles` are imported here. */
  readonly userFiles: boolean;
  /** The setting that asks for the tenant, named in the tenant check's errors. */
  readonly listedIn: string;
}

/** The id of a group stream's index pattern, as the chart names it for the shared tenants too. */
function groupIndexPatternId(config: BootstrapConfig, dataStream: string): string {
  return `loglift-logs-${dataStream.slice(config.logs.dataStream.length + 1)}`;
}

function sharedContent(settings: DashboardsSettings, tenant: string): TenantContent {
  const chosen = settings.indexPatterns.find((pattern) => pattern.default);
  const preferred = chosen ?? settings.indexPatterns[0];
  return {
    tenant,
    indexPatterns: settings.indexPatterns,
    defaultIndex: chosen?.id,
    replaceDefaults: [],
    contentIndex: settings.builtinContent ? preferred?.id : undefined,
    userFiles: true,
    listedIn: 'dashboards.tenants',
  };
}

/**
 * A group's tenant: its readers' role reads only the group's stream, so a pattern on any other
 * stream (the default `logs-loglift*` included) would open Discover and the shipped content on an
 * error there. It gets the stream's pattern as default and the shipped content on it; the users'
 * files stay in the shared tenants, since they may reference patterns that tenant does not have.
 */
function groupContent(config: BootstrapConfig, settings: DashboardsSettings, tenant: string): TenantContent {
  const patterns: TenantIndexPattern[] = [];
  const groups = config.routing.groups.filter((group) => group.tenant === tenant);
  for (const group of groups) {
    const dataStream = groupDataStream(config.logs.dataStream, group);
    const id = groupIndexPatternId(config, dataStream);
    if (patterns.some((pattern) => pattern.id === id)) continue;
    // The shared tenants' entry for the stream, when configured, so both tenants show it alike.
    const listed = settings.indexPatterns.find((pattern) => pattern.id === id && pattern.title === dataStream);
    patterns.push({ id, title: dataStream, timeFieldName: listed?.timeFieldName ?? '@timestamp' });
  }
  const first = patterns[0]?.id;
  return {
    tenant,
    indexPatterns: patterns,
    defaultIndex: first,
    // Before group tenants had content of their own, they got every pattern and the shared default.
    replaceDefaults: settings.indexPatterns.map((pattern) => pattern.id).filter((id) => id !== first),
    contentIndex: settings.builtinContent ? first : undefined,
    userFiles: false,
    listedIn: `routing.groups[].tenant (${groups.map((group) => group.name).join(', ')})`,
  };
}

/**
 * Every tenant the Dashboards steps fill: those of `dashboards.tenants` in order, then the group
 * tenants not listed there. A group's tenant gets the group's content even where it is listed
 * (the chart lists it), except the global tenant, which everyone shares: a group naming it only
 * lets its readers read there.
 */
export function tenantContents(config: BootstrapConfig): TenantContent[] {
  const settings = config.dashboards;
  if (!settings) return [];
  const groupTenants = new Set(
    config.routing.groups.flatMap((group) =>
      group.tenant && tenantName(group.tenant) !== 'global' ? [group.tenant] : [],
    ),
  );
  const tenants = [...new Set([...settings.tenants, ...groupTenants])];
  return tenants.map((tenant) =>
    groupTenants.has(tenant) ? groupContent(config, settings, tenant) : sharedContent(settings, tenant),
  );
}
