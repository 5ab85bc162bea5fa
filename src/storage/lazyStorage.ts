import { openStorage, type Storage } from './database.js';

/**
 * A database handle given as the open Storage, or as the data folder to open
 * it in on first use (so constructing a port never touches the disk).
 */
export type StorageLocation = string | Storage;

export function lazyStorage(location: StorageLocation): () => Storage {
  let storage = typeof location === 'string' ? undefined : location;
  return () => (storage ??= openStorage(location as string));
}
