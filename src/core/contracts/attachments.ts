// What uploading an attachment answers; reading one answers its bytes, which no JSON schema describes.
import { z } from 'zod';

export const attachment = z.object({
  /** A random UUID: the value a photos/files field of a record holds. */
  id: z.uuid(),
  fileName: z.string(),
  /** Sniffed from the content, never taken from the upload. */
  mimeType: z.string(),
  size: z.number().int(),
});
export type Attachment = z.infer<typeof attachment>;
