// Where the media library's files live: one interface, two stores. The data
// folder by default (the embedded set-up needs nothing), S3-compatible object
// storage when S3_BUCKET is set (lib/media/s3-media-store.ts). Files are named
// `<key>/<file>`, both checked by the callers (media-files.ts), so a name can
// never leave the store's folder or bucket prefix.
import { env } from "@/lib/config/env";
import { LocalMediaStore } from "./local-media-store";
import { S3MediaStore } from "./s3-media-store";

export type StoredObject = { body: Buffer; contentType: string };

export interface MediaStore {
  put(name: string, body: Buffer, contentType: string): Promise<void>;
  /** The file, or null when there is none. */
  get(name: string): Promise<StoredObject | null>;
  /** Every file of one image. */
  removeAll(key: string): Promise<void>;
}

let store: MediaStore | undefined;

export function mediaStore(): MediaStore {
  const settings = env();
  store ??= settings.S3_BUCKET
    ? new S3MediaStore({
        bucket: settings.S3_BUCKET,
        region: settings.S3_REGION,
        endpoint: settings.S3_ENDPOINT,
        forcePathStyle: settings.S3_FORCE_PATH_STYLE === "on",
        credentials:
          settings.S3_ACCESS_KEY_ID && settings.S3_SECRET_ACCESS_KEY
            ? { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY }
            : undefined,
      })
    : new LocalMediaStore(settings.FOLIO_DATA_DIR);
  return store;
}
