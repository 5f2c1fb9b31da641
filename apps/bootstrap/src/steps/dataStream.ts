import { LOG_SCHEMA_VERSION } from '@loglift/log-schema';
import type { LogStream } from '../config/logStreams.js';
import type { StepContext } from './context.js';
import type { Step, StepPlan } from './step.js';
import { upgradeAliases } from './upgradeAliases.js';

interface LiveDataStreams {
  data_streams?: { name: string; template?: string; indices?: { index_name: string }[] }[];
}

type Mappings = Record<
  string,
  { mappings?: { _meta?: { loglift_schema?: unknown }; properties?: Record<string, unknown> } }
>;

/**
 * The data stream Fluent Bit writes to; created once, its backing indices follow the template.
 * When its write index was created with an older document model (no or another
 * `_meta.loglift_schema`), it is rolled over so new documents get the template's mappings now,
 * and the older backing indices get alias fields (`level` -> `app.level`, ...) where they hold the
 * same value, so queries on the typed names also find documents of the retention window before.
 */
export function dataStreamStep(
  ctx: StepContext,
  target: Pick<LogStream, 'dataStream' | 'template'>,
  // Streams typed by another document shape (Events, node logs) have no log-schema upgrade.
  { upgrade = true }: { upgrade?: boolean } = {},
): Step {
  const name = target.dataStream;
  const path = `/_data_stream/${encodeURIComponent(name)}`;
  return {
    kind: 'data-stream',
    name,
    async plan(): Promise<StepPlan> {
      const live = await ctx.os.get<LiveDataStreams>(path, { allow: [404] });
      const stream = live.status === 200 ? live.body.data_streams?.find((s) => s.name === name) : undefined;
      if (stream && !upgrade) return { kind: 'data-stream', name, action: 'unchanged', changes: [] };
      if (stream) return planUpgrade(ctx, name, stream.indices?.map((index) => index.index_name) ?? []);
      const index = await ctx.os.request('HEAD', `/${encodeURIComponent(name)}`, { allow: [404] });
      if (index.status === 200) {
        throw new Error(
          `an index or alias named ${name} exists and is not a data stream; remove it or choose another data stream name`,
        );
      }
      return {
        kind: 'data-stream',
        name,
        action: 'create',
        changes: [{ path: '', op: 'add', to: { name, template: target.template } }],
        write: async () => {
          await ctx.os.request('PUT', path);
        },
      };
    },
  };
}

async function planUpgrade(ctx: StepContext, name: string, indices: readonly string[]): Promise<StepPlan> {
  const unchanged: StepPlan = { kind: 'data-stream', name, action: 'unchanged', changes: [] };
  const writeIndex = indices[indices.length - 1];
  if (writeIndex === undefined) return unchanged;
  const mappings = (await ctx.os.get<Mappings>(`/${encodeURIComponent(name)}/_mapping`)).body;
  const version = mappings[writeIndex]?.mappings?._meta?.loglift_schema;
  const rollover = version !== LOG_SCHEMA_VERSION;
  // The write index joins the older ones when it is rolled over, so it gets its aliases now.
  const aliases = upgradeAliases(mappings, rollover ? indices : indices.slice(0, -1));
  if (!rollover && aliases.length === 0) return unchanged;
  return {
    kind: 'data-stream',
    name,
    action: 'update',
    changes: [
      ...(rollover
        ? [
            {
              path: 'write index schema (rollover)',
              op: 'change' as const,
              from: typeof version === 'number' ? version : null,
              to: LOG_SCHEMA_VERSION,
            },
          ]
        : []),
      ...aliases.map((alias) => ({
        path: `${alias.index} ${alias.field}`,
        op: 'add' as const,
        to: { type: 'alias', path: alias.path },
      })),
    ],
    write: async () => {
      for (const alias of aliases) {
        await ctx.os.request('PUT', `/${encodeURIComponent(alias.index)}/_mapping`, {
          body: { properties: alias.mapping },
        });
      }
      if (rollover) await ctx.os.request('POST', `/${encodeURIComponent(name)}/_rollover`);
    },
  };
}
