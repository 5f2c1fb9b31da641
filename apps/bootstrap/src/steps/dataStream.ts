import type { StepContext } from './context.js';
import type { Step, StepPlan } from './step.js';

interface LiveDataStreams {
  data_streams?: { name: string; template?: string }[];
}

/** The data stream Fluent Bit writes to; created once, its backing indices follow the template. */
export function dataStreamStep(ctx: StepContext): Step {
  const name = ctx.config.logs.dataStream;
  const path = `/_data_stream/${encodeURIComponent(name)}`;
  return {
    kind: 'data-stream',
    name,
    async plan(): Promise<StepPlan> {
      const live = await ctx.os.get<LiveDataStreams>(path, { allow: [404] });
      if (live.status === 200 && live.body.data_streams?.some((stream) => stream.name === name)) {
        return { kind: 'data-stream', name, action: 'unchanged', changes: [] };
      }
      const index = await ctx.os.request('HEAD', `/${encodeURIComponent(name)}`, { allow: [404] });
      if (index.status === 200) {
        throw new Error(
          `an index or alias named ${name} exists and is not a data stream; remove it or set logs.dataStream`,
        );
      }
      return {
        kind: 'data-stream',
        name,
        action: 'create',
        changes: [{ path: '', op: 'add', to: { name, template: ctx.config.logs.template } }],
        write: async () => {
          await ctx.os.request('PUT', path);
        },
      };
    },
  };
}
