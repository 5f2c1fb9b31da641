import type { KubeClient } from '../kubeClient.js';

export interface Access {
  verb: string;
  resource: string;
  /** API group; "" is the core group. */
  group?: string;
  subresource?: string;
  name?: string;
  /** Omitted: cluster-wide (every namespace). */
  namespace?: string;
}

/** "get serviceaccounts/loglift-fluent-bit in logging", for test names and failure messages. */
export function describeAccess(a: Access): string {
  const what = `${a.group ? `${a.group}/` : ''}${a.resource}${a.subresource ? `/${a.subresource}` : ''}`;
  return `${a.verb} ${what}${a.name ? ` ${a.name}` : ''} ${a.namespace ? `in ${a.namespace}` : 'cluster-wide'}`;
}

function attributes(a: Access): Record<string, string> {
  return {
    verb: a.verb,
    resource: a.resource,
    group: a.group ?? '',
    subresource: a.subresource ?? '',
    name: a.name ?? '',
    namespace: a.namespace ?? '',
  };
}

/** SelfSubjectAccessReview, asked with the subject's own token: may I? */
export async function selfAllowed(asSubject: KubeClient, access: Access): Promise<boolean> {
  const review = await asSubject.create<{ status: { allowed: boolean } }>(
    '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: attributes(access) },
    },
  );
  return review.body.status.allowed;
}

/** SubjectAccessReview, asked by an admin about a ServiceAccount: may it? */
export async function serviceAccountAllowed(
  admin: KubeClient,
  account: { namespace: string; name: string },
  access: Access,
): Promise<boolean> {
  const review = await admin.create<{ status: { allowed: boolean } }>(
    '/apis/authorization.k8s.io/v1/subjectaccessreviews',
    {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SubjectAccessReview',
      spec: {
        user: `system:serviceaccount:${account.namespace}:${account.name}`,
        groups: ['system:serviceaccounts', `system:serviceaccounts:${account.namespace}`, 'system:authenticated'],
        resourceAttributes: attributes(access),
      },
    },
  );
  return review.body.status.allowed;
}
