import { PlusOutlined } from '@ant-design/icons';
import { App, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useRef, useState } from 'react';
import { errorDetail } from '../../../lib/api-client';
import { uploadAttachment } from '../api/upload-attachment';
import { attachmentUrl } from '../api/types';

const MAX_BYTES = 10 * 1024 * 1024;

const toFile = (id: string): UploadFile => ({ uid: id, name: '照片', status: 'done', url: attachmentUrl(id), thumbUrl: attachmentUrl(id) });

/** Photos or PDFs uploaded to /api/attachments; the value is the list of attachment ids. */
export function PhotosInput({
  value,
  onChange,
  maxFiles = 9,
  id,
}: {
  value?: string[];
  onChange?: (ids: string[]) => void;
  maxFiles?: number;
  id?: string;
}) {
  const { message } = App.useApp();
  const [uploading, setUploading] = useState<UploadFile[]>([]);
  const ids = value ?? [];
  // the freshest list: several files may finish in any order
  const latest = useRef(ids);
  latest.current = ids;
  const fileList = [...ids.map(toFile), ...uploading];
  return (
    <Upload
      id={id}
      listType="picture-card"
      accept="image/jpeg,image/png,image/gif,image/webp,application/pdf"
      multiple
      fileList={fileList}
      beforeUpload={(file) => {
        if (file.size > MAX_BYTES) {
          message.error(`“${file.name}”超过 10 MB`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      customRequest={async ({ file, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        setUploading((list) => [...list, { uid: f.uid, name: f.name, status: 'uploading' }]);
        try {
          const attachment = await uploadAttachment(f);
          onSuccess?.(attachment);
          onChange?.([...latest.current, attachment.id]);
        } catch (error) {
          message.error(`“${f.name}”上传失败：${errorDetail(error)}`);
          onError?.(error as Error);
        } finally {
          setUploading((list) => list.filter((u) => u.uid !== f.uid));
        }
      }}
      onRemove={(file) => {
        onChange?.(ids.filter((i) => i !== file.uid));
        return true;
      }}
      onPreview={(file) => {
        if (file.url) window.open(file.url, '_blank', 'noopener');
      }}
    >
      {fileList.length >= maxFiles ? null : (
        <div>
          <PlusOutlined />
          <div style={{ marginTop: 6 }}>拍照/上传</div>
        </div>
      )}
    </Upload>
  );
}
