import { describe, expect, it } from 'vitest';
import { findManifest, parseManifests, podFromTemplate } from './manifests.js';

const text = `---
# Source: a.yaml
apiVersion: batch/v1
kind: Job
metadata:
  name: demo-loglift-bootstrap
spec:
  template:
    metadata:
      labels: { app: boot }
    spec:
      restartPolicy: Never
      containers: [{ name: c, image: i }]
---
# Source: empty.yaml
`;

describe('manifests', () => {
  it('turns a pod template into the Pod its controller would create', () => {
    const job = findManifest(parseManifests(text), 'Job', '-bootstrap');
    expect(podFromTemplate(job, 'boot-1')).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { labels: { app: 'boot' }, name: 'boot-1' },
      spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] },
    });
  });

  it('names what was rendered when the wanted manifest is missing', () => {
    expect(() => findManifest(parseManifests(text), 'Deployment')).toThrow(/found 0 in: Job\/demo-loglift-bootstrap/);
  });
});
