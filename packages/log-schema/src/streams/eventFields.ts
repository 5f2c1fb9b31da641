import type { FieldSpec } from '../fieldTypes.js';

/** Data stream the chart's events collector writes Kubernetes Events to, unless configured otherwise. */
export const DEFAULT_EVENTS_DATA_STREAM = 'logs-loglift-events';

/**
 * A Kubernetes Event (core/v1, as `GET /api/v1/events` returns it) as stored: the object itself,
 * without `metadata.managedFields`, with the output's `@timestamp` (the Event's lastTimestamp, else
 * firstTimestamp, else its creation time). These fields are typed; the rest stays in `_source`.
 */
export const eventFields = [
  { path: '@timestamp', type: 'date', origin: 'fluent-bit', description: 'Last time the Event was seen.' },
  {
    path: 'reason',
    type: 'keyword',
    origin: 'kubernetes',
    description: 'Why: BackOff, FailedScheduling, Killing, ...',
  },
  { path: 'type', type: 'keyword', origin: 'kubernetes', description: 'Normal or Warning.' },
  { path: 'message', type: 'text', origin: 'kubernetes', description: 'What happened, in words.' },
  { path: 'count', type: 'long', origin: 'kubernetes', description: 'Times this Event occurred.' },
  { path: 'firstTimestamp', type: 'date', origin: 'kubernetes', description: 'First occurrence.' },
  { path: 'lastTimestamp', type: 'date', origin: 'kubernetes', description: 'Latest occurrence.' },
  { path: 'eventTime', type: 'date', origin: 'kubernetes', description: 'Time of a new-style (events.k8s.io) Event.' },
  { path: 'series.count', type: 'long', origin: 'kubernetes', description: 'Occurrences of a new-style Event series.' },
  {
    path: 'series.lastObservedTime',
    type: 'date',
    origin: 'kubernetes',
    description: 'Latest occurrence of a new-style Event series.',
  },
  { path: 'action', type: 'keyword', origin: 'kubernetes', description: 'What was done, e.g. Scheduling.' },
  { path: 'involvedObject.kind', type: 'keyword', origin: 'kubernetes', description: 'Kind of the object.' },
  { path: 'involvedObject.name', type: 'keyword', origin: 'kubernetes', description: 'Name of the object.' },
  { path: 'involvedObject.namespace', type: 'keyword', origin: 'kubernetes', description: 'Its namespace.' },
  { path: 'involvedObject.uid', type: 'keyword', origin: 'kubernetes', description: 'Its UID.' },
  {
    path: 'involvedObject.fieldPath',
    type: 'keyword',
    origin: 'kubernetes',
    description: 'e.g. spec.containers{api}.',
  },
  { path: 'metadata.namespace', type: 'keyword', origin: 'kubernetes', description: "The Event's namespace." },
  { path: 'metadata.name', type: 'keyword', origin: 'kubernetes', description: "The Event's name." },
  { path: 'metadata.uid', type: 'keyword', origin: 'kubernetes', description: "The Event's UID." },
  { path: 'metadata.creationTimestamp', type: 'date', origin: 'kubernetes', description: 'When it was created.' },
  { path: 'reportingComponent', type: 'keyword', origin: 'kubernetes', description: 'Controller that reported it.' },
  { path: 'reportingInstance', type: 'keyword', origin: 'kubernetes', description: 'Instance of that controller.' },
  { path: 'source.component', type: 'keyword', origin: 'kubernetes', description: 'Reporting component (old style).' },
  { path: 'source.host', type: 'keyword', origin: 'kubernetes', description: 'Node of the reporting kubelet.' },
] as const satisfies readonly FieldSpec[];
