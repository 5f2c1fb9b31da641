import type { Transport } from '@opensearch-project/opensearch';
import type { WriteCounter } from './writeCounter.js';

type TransportClass = typeof Transport;

/** Subclasses the client's transport (plain or SigV4) so every request passes the counter. */
export function withWriteCounter(Base: TransportClass, counter: WriteCounter): TransportClass {
  class CountingTransport extends (Base as new (...args: never[]) => { request(...args: unknown[]): unknown }) {
    override request(...args: unknown[]): unknown {
      const params = args[0] as { method?: string; path?: string } | undefined;
      counter.observe(params?.method ?? 'GET', params?.path ?? '/');
      return super.request(...args);
    }
  }
  return CountingTransport as unknown as TransportClass;
}
