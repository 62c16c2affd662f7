import { api } from '../../../lib/api-client';
import type { Attachment } from './types';

export function uploadAttachment(file: File) {
  const form = new FormData();
  form.append('file', file);
  return api.upload<Attachment>('/api/attachments', form);
}
