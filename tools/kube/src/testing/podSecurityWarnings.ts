/**
 * What PodSecurity says about the Fluent Bit DaemonSet in a namespace that warns at
 * `restricted`: its hostPath volumes (logs and state; the journal too when node logs are on) and
 * its root user, which the node's log files need.
 * Every other warning an install produces is a defect.
 */
export function isFluentBitRestrictedWarning(warning: string): boolean {
  return (
    warning.startsWith('would violate PodSecurity "restricted:latest":') &&
    /restricted volume types \(volumes "[^"]+"(, "[^"]+")+ use restricted volume type "hostPath"\)/.test(warning) &&
    warning.includes('container "fluent-bit"')
  );
}
