import { CopyOutlined, DownloadOutlined, FileTextOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { documentText, type ReportDocument } from '../../../../core/report-document';
import { errorDetail } from '../../../lib/api-client';
import { downloadReportFile, openReportPrintView, type ReportFileRequest } from '../api/report-files';

/** 导出Word, 打印/PDF and 纯文本 of one report (rendered, stored version or daily notice). */
export function ReportExportButtons({
  request,
  document: doc,
  fileName,
  disabled,
}: {
  request: ReportFileRequest;
  /** The document shown: its text is the same as the server's text file (one function in core). */
  document: ReportDocument;
  /** Without extension; the server's name wins when it sends one. */
  fileName: string;
  disabled?: boolean;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'docx' | 'html' | 'text'>();
  const [textOpen, setTextOpen] = useState(false);
  const text = textOpen ? documentText(doc) : '';

  const run = async (kind: 'docx' | 'html' | 'text', action: () => Promise<void>) => {
    setBusy(kind);
    try {
      await action();
    } catch (error) {
      message.error(errorDetail(error) || '导出失败，请稍后重试');
    } finally {
      setBusy(undefined);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      message.success('已复制到剪贴板');
    } catch {
      message.warning('浏览器不允许复制，请在文本框中全选后复制');
    }
  };

  return (
    <>
      <Button
        icon={<FileWordOutlined />}
        loading={busy === 'docx'}
        disabled={disabled}
        onClick={() => run('docx', () => downloadReportFile(request, 'docx', `${fileName}.docx`))}
      >
        导出Word
      </Button>
      <Button
        icon={<PrinterOutlined />}
        loading={busy === 'html'}
        disabled={disabled}
        onClick={() => run('html', () => openReportPrintView(request))}
      >
        打印/PDF
      </Button>
      <Button icon={<FileTextOutlined />} disabled={disabled} onClick={() => setTextOpen(true)}>
        纯文本
      </Button>
      <Modal
        open={textOpen}
        title="纯文本"
        width={760}
        onCancel={() => setTextOpen(false)}
        footer={
          <Space wrap>
            <Button icon={<CopyOutlined />} onClick={copy}>
              复制全文
            </Button>
            <Button
              icon={<DownloadOutlined />}
              loading={busy === 'text'}
              onClick={() => run('text', () => downloadReportFile(request, 'text', `${fileName}.txt`))}
            >
              下载 .txt
            </Button>
            <Button type="primary" onClick={() => setTextOpen(false)}>
              关闭
            </Button>
          </Space>
        }
      >
        <Input.TextArea aria-label="报告纯文本" value={text} readOnly autoSize={{ minRows: 12, maxRows: 24 }} />
      </Modal>
    </>
  );
}
