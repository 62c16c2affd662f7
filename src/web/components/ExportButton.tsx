import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadFile } from '../lib/download';
import type { QueryValue } from '../lib/api-client';

/** 导出Excel for a table: downloads the server's export with the table's own filters. */
export function ExportButton({
  path,
  query,
  fileName,
  label = '导出Excel',
}: {
  path: string;
  query?: Record<string, QueryValue>;
  fileName: string;
  label?: string;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadFile(path, query, fileName);
    } catch (error) {
      message.error((error as Error).message || '导出失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={onClick}>
      {label}
    </Button>
  );
}
