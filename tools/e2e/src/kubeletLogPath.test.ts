import { describe, expect, it } from 'vitest';
import { kubeletLogFileName, newContainerId, parseKubeletLogFileName } from './kubeletLogPath.js';

describe('kubelet log file names', () => {
  it('names files <pod>_<namespace>_<container>-<id>.log and reads them back', () => {
    const ref = {
      pod: 'task-service-7d9f-abcde',
      namespace: 'apps',
      container: 'task-service',
      containerId: newContainerId(),
    };
    const name = kubeletLogFileName(ref);
    expect(name).toBe(`task-service-7d9f-abcde_apps_task-service-${ref.containerId}.log`);
    expect(parseKubeletLogFileName(name)).toEqual(ref);
  });

  it('refuses names Kubernetes would not produce', () => {
    const containerId = newContainerId();
    expect(() => kubeletLogFileName({ pod: 'Bad_Pod', namespace: 'a', container: 'c', containerId })).toThrow(
      /pod "Bad_Pod"/,
    );
    expect(() => kubeletLogFileName({ pod: 'p', namespace: 'a', container: 'c', containerId: 'abc' })).toThrow(
      /containerId/,
    );
    expect(parseKubeletLogFileName('random.log')).toBeUndefined();
  });
});
