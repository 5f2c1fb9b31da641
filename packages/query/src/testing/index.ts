export { contractMappings } from './contractMappings.js';
export { names, SEED_DOCUMENTS, T0 } from './seedDocuments.js';
export { bulkCreate, createTestDataStream, type TestDataStream } from './testDataStream.js';
