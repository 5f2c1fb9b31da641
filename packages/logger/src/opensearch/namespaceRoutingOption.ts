import { type NamespaceGroup, routeNamespace, routingProblems } from '@loglift/log-schema';
import { OpenSearchWriterOptionError } from './writerOptions.js';

/** The chart's routing.groups as a list: each group's namespaces go to `<index>-<stream or name>`. */
export interface NamespaceRoutingOption {
  readonly groups: readonly NamespaceGroup[];
}

/** Throws for a routing map the chart would refuse, with the chart's messages. */
export function checkRouting(routing: NamespaceRoutingOption | undefined): void {
  if (routing === undefined) return;
  if (routing === null || typeof routing !== 'object' || !Array.isArray(routing.groups)) {
    throw new OpenSearchWriterOptionError('routing', 'expected { groups: [{ name, namespaces, stream? }] }');
  }
  const problems = routingProblems(routing.groups);
  if (problems.length > 0) throw new OpenSearchWriterOptionError('routing', problems.join('; '));
}

/** The index a document of that namespace goes to: the group's stream, else the default index. */
export function routedIndex(
  index: string,
  namespace: string | undefined,
  routing: NamespaceRoutingOption | undefined,
): string {
  return routing ? routeNamespace(namespace, { dataStream: index, groups: routing.groups }).dataStream : index;
}
