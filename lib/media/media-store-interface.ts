// What a media store does (media-store.ts chooses one): files named
// `<key>/<file>`, both checked by the callers (media-files.ts), so a name
// can never leave the store's folder or bucket prefix.

export type StoredObject = { body: Buffer; contentType: string };

export interface MediaStore {
  put(name: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or null when there is none. */
  get(name: string): Promise<StoredObject | null>;
  /** Every file of one image. */
  removeAll(key: string): Promise<void>;
}
