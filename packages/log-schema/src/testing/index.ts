export { expectedDocument, type LiftCase, liftCases, RECORD_MILLIS } from './liftCases.js';
export { LOGGER_SAMPLES } from './loggerSamples.js';
export { ROUTING_CASE_MAP, ROUTING_CASES, routingCaseValues } from './routingCases.js';
