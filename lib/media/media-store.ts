// Where the media library's files live: the data folder by default (the
// embedded set-up needs nothing), S3-compatible object storage when
// S3_BUCKET is set (lib/media/s3-media-store.ts).
import { env } from "@/lib/config/env";
import { LocalMediaStore } from "./local-media-store";
import type { MediaStore } from "./media-store-interface";
import { S3MediaStore } from "./s3-media-store";

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
