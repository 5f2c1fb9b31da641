import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

export interface ServiceAccountKey {
  /** PKCS#8 private key: kube-apiserver signs ServiceAccount tokens with it. */
  privateKeyFile: string;
  /** SPKI public key: kube-apiserver verifies ServiceAccount tokens with it. */
  publicKeyFile: string;
}

/** A fresh RSA key pair for ServiceAccount tokens (RS256, as real clusters issue them). */
export function writeServiceAccountKey(dir: string): ServiceAccountKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const privateKeyFile = path.join(dir, 'sa.key');
  const publicKeyFile = path.join(dir, 'sa.pub');
  writeFileSync(privateKeyFile, privateKey, { mode: 0o600 });
  writeFileSync(publicKeyFile, publicKey);
  return { privateKeyFile, publicKeyFile };
}
