import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { downloadSheet, type SheetColumn } from '../lib/xlsx-export';

/** 导出Excel for a table computed in the page (no server export exists for it): the rows as shown. */
export function SheetExportButton({
  fileName,
  sheetName,
  columns,
  rows,
  disabled,
}: {
  fileName: string;
  sheetName: string;
  columns: SheetColumn[];
  rows: () => (string | number | null)[][] | Promise<(string | number | null)[][]>;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await downloadSheet(fileName, sheetName, columns, await rows());
    } catch {
      message.error('导出失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} disabled={disabled} onClick={onClick}>
      导出Excel
    </Button>
  );
}
