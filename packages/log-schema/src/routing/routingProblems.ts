import { groupDataStream, type NamespaceGroup, orderedGroups } from './namespaceRouting.js';

/** Group names and stream suffixes: they end data stream, role and tenant names. */
export const GROUP_NAME_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
/** A namespace name (DNS label) or a glob of one. */
export const NAMESPACE_PATTERN = /^[a-z0-9*?][-a-z0-9*?]{0,62}$/;

/**
 * Every problem of a routing map, each naming what is wrong; the chart's template fails with the
 * same messages. A namespace (name or glob, as written) in two groups is refused because the
 * documents could only go to one of them.
 */
export function routingProblems(groups: readonly NamespaceGroup[]): string[] {
  const problems: string[] = [];
  const owner = new Map<string, string>();
  for (const group of orderedGroups(groups)) {
    if (!GROUP_NAME_PATTERN.test(group.name)) {
      problems.push(
        `routing.groups: group name "${group.name}" must be lowercase letters, digits and "-", start with a letter and be at most 40 characters (it ends the data stream name)`,
      );
    }
    if (group.stream !== undefined && !GROUP_NAME_PATTERN.test(group.stream)) {
      problems.push(
        `routing.groups.${group.name}.stream: "${group.stream}" must be lowercase letters, digits and "-", start with a letter and be at most 40 characters`,
      );
    }
    if (group.namespaces.length === 0) {
      problems.push(`routing.groups.${group.name}.namespaces: list at least one namespace name or glob`);
    }
    for (const namespace of group.namespaces) {
      if (!NAMESPACE_PATTERN.test(namespace)) {
        problems.push(
          `routing.groups.${group.name}.namespaces: "${namespace}" is not a namespace name or glob (lowercase letters, digits, "-", "*", "?")`,
        );
      }
      const first = owner.get(namespace);
      if (first !== undefined && first !== group.name) {
        problems.push(
          `routing.groups: namespace "${namespace}" is in groups "${first}" and "${group.name}"; a namespace belongs to one group`,
        );
      } else owner.set(namespace, group.name);
    }
  }
  return problems;
}

/** The distinct data streams of the groups, each with the groups that share it, in group order. */
export function groupStreams<T extends NamespaceGroup>(
  dataStream: string,
  groups: readonly T[],
): { dataStream: string; groups: T[] }[] {
  const streams = new Map<string, T[]>();
  for (const group of orderedGroups(groups)) {
    const name = groupDataStream(dataStream, group);
    streams.set(name, [...(streams.get(name) ?? []), group]);
  }
  return [...streams].map(([name, members]) => ({ dataStream: name, groups: members }));
}
