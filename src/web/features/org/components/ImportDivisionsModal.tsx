import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ApiError, errorDetail, type ApiFieldError } from '../../../lib/api-client';
import { useImportOrgUnits } from '../api/import-org-units';

/** Imports a statistical-divisions CSV; the server imports all rows or none. */
export function ImportDivisionsModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const importing = useImportOrgUnits();
  const rowErrors: ApiFieldError[] = importing.error instanceof ApiError ? importing.error.errors : [];

  const close = () => {
    setFile(null);
    importing.reset();
    onClose();
  };

  const footer = importing.isSuccess
    ? [
        <Button key="ok" type="primary" onClick={close}>
          完成
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={close}>
          取消
        </Button>,
        <Button key="go" type="primary" disabled={!file} loading={importing.isPending} onClick={() => file && importing.mutate(file)}>
          开始导入
        </Button>,
      ];

  return (
    <Modal title="导入区划" open={open} onCancel={close} footer={footer} width={640} destroyOnHidden>
      {importing.isSuccess ? (
        <Result
          status="success"
          title="导入完成"
          subTitle={`新增 ${importing.data.imported} 个单位，跳过 ${importing.data.skipped} 个已存在的单位。`}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            请上传统计用区划代码 CSV 文件（UTF-8 编码）。任一行有误时整个文件都不会导入，请按提示修改后重新上传。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".csv,text/csv"
            maxCount={1}
            beforeUpload={(f) => {
              setFile(f);
              importing.reset();
              return false;
            }}
            onRemove={() => setFile(null)}
            fileList={file ? [{ uid: 'csv', name: file.name, status: 'done' }] : []}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或将文件拖到此处</p>
            <p className="ant-upload-hint">仅支持 .csv 文件</p>
          </Upload.Dragger>
          {importing.error && (
            <Alert
              type="error"
              showIcon
              style={{ marginTop: 16 }}
              title={errorDetail(importing.error)}
              description={rowErrors.length ? `共 ${rowErrors.length} 处问题，未导入任何数据` : undefined}
            />
          )}
          {rowErrors.length > 0 && (
            <Table<ApiFieldError & { key: number }>
              style={{ marginTop: 12 }}
              size="small"
              rowKey="key"
              dataSource={rowErrors.map((e, key) => ({ ...e, key }))}
              pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
              scroll={{ x: 480 }}
              columns={[
                { title: '行号', dataIndex: 'row', width: 70 },
                { title: '字段', dataIndex: 'field', width: 120 },
                { title: '原因', dataIndex: 'message' },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
