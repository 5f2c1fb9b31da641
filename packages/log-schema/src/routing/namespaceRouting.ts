/**
 * Routing of container logs to data streams by Kubernetes namespace: the one definition of the
 * rule. The chart renders the same rule as Fluent Bit rewrite_tag rules (a chart test runs the
 * cases of `routingCases` against the rendered configuration), the transport path uses this
 * function, and the bootstrap creates one data stream per distinct stream.
 */

/** One group of namespaces with its own data stream (`<dataStream>-<stream>`). */
export interface NamespaceGroup {
  /** Group name: lowercase letters, digits and `-`, starting with a letter. */
  readonly name: string;
  /** Namespace names or globs (`*` any run of characters, `?` one character). */
  readonly namespaces: readonly string[];
  /** Stream suffix; groups with the same one share a data stream. Default: the group name. */
  readonly stream?: string;
}

export interface NamespaceRouting {
  /** The default data stream, which unmatched namespaces go to. */
  readonly dataStream: string;
  readonly groups: readonly NamespaceGroup[];
}

export interface Route {
  /** The group the namespace belongs to; undefined for the default stream. */
  readonly group: string | undefined;
  readonly dataStream: string;
}

/** The data stream of a group: `<dataStream>-<stream or group name>`. */
export function groupDataStream(dataStream: string, group: Pick<NamespaceGroup, 'name' | 'stream'>): string {
  return `${dataStream}-${group.stream ?? group.name}`;
}

export function isNamespaceGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * Regular expression body of a namespace glob. Namespace names are DNS labels, so the only
 * characters to translate are the glob's own `*` and `?`; the result suits JavaScript and
 * Fluent Bit's Onigmo alike.
 */
export function namespaceGlobSource(pattern: string): string {
  return pattern.replaceAll('*', '.*').replaceAll('?', '.');
}

/** Groups in the order their globs are tried: by name, as Helm iterates a map's keys. */
export function orderedGroups<T extends NamespaceGroup>(groups: readonly T[]): T[] {
  return [...groups].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The stream of a namespace: a group listing it by exact name wins; else the first group (by
 * name) with a matching glob; else the default stream. A document without a namespace goes to
 * the default stream.
 */
export function routeNamespace(namespace: string | undefined, routing: NamespaceRouting): Route {
  const fallback: Route = { group: undefined, dataStream: routing.dataStream };
  if (namespace === undefined || namespace === '') return fallback;
  const groups = orderedGroups(routing.groups);
  const exact = groups.find((group) => group.namespaces.includes(namespace));
  const glob =
    exact ??
    groups.find((group) =>
      group.namespaces.some(
        (pattern) => isNamespaceGlob(pattern) && new RegExp(`^(?:${namespaceGlobSource(pattern)})$`).test(namespace),
      ),
    );
  return glob ? { group: glob.name, dataStream: groupDataStream(routing.dataStream, glob) } : fallback;
}
