export { expectedDocument, type LiftCase, liftCases, RECORD_MILLIS } from './liftCases.js';
export { LOGGER_SAMPLES } from './loggerSamples.js';
