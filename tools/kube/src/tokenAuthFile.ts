export interface StaticTokenUser {
  token: string;
  name: string;
  groups: readonly string[];
}

const PLAIN = /^[A-Za-z0-9._:@-]+$/;

/**
 * The --token-auth-file CSV: `token,user,uid,"group1,group2"` per line. Values are checked
 * instead of quoted, because kube-apiserver's reader knows no escape for a quote inside a field.
 */
export function tokenAuthFile(users: readonly StaticTokenUser[]): string {
  return users
    .map((user) => {
      for (const [what, value] of [
        ['token', user.token],
        ['user name', user.name],
        ...user.groups.map((g) => ['group', g]),
      ]) {
        if (value === undefined || !PLAIN.test(value)) {
          throw new Error(`static token ${what} ${JSON.stringify(value)} must match ${PLAIN.source}`);
        }
      }
      return `${user.token},${user.name},${user.name},"${user.groups.join(',')}"\n`;
    })
    .join('');
}
