/** How a client reaches the test node as admin (what `start` prints and the global setup provides). */
export interface OpenSearchConnection {
  /** e.g. https://127.0.0.1:PORT */
  url: string;
  username: string;
  password: string;
  /** PEM file of the CA for `url`; empty when the system CAs (or plain http) are used */
  caFile: string;
  /** e.g. "2.19.4" */
  version: string;
}
