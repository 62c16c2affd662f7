import { Alert, App, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PERIOD_TYPE_NAMES } from '../../../../core/periods';
import { useIsMobile } from '../../../components/use-is-mobile';
import { errorDetail } from '../../../lib/api-client';
import { useInstallLibrary, useLedgerLibrary, type LibraryLedger } from '../api/ledger-library';
import { LEDGER_KIND_NAMES } from '../api/types';

/** The built-in ledger library: pick the ones the township lacks and add them in one step. */
export function LibraryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const { data, isPending, error } = useLedgerLibrary(open);
  const install = useInstallLibrary();
  const [keys, setKeys] = useState<string[]>([]);
  const onOk = () =>
    install.mutate(keys, {
      onSuccess: (r) => {
        message.success(`已添加 ${r.added.length} 本台账`);
        setKeys([]);
        onClose();
      },
    });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title="内置台账库"
      width={isMobile ? '100%' : 860}
      okText={`添加所选（${keys.length}）`}
      okButtonProps={{ disabled: !keys.length }}
      confirmLoading={install.isPending}
      onOk={onOk}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">常用台账的标准定义，添加后可按本镇需要修改字段。已添加的不再列为可选。</Typography.Paragraph>
      {(error || install.error) && <Alert type="error" showIcon title={errorDetail(error ?? install.error)} style={{ marginBottom: 12 }} />}
      <Table<LibraryLedger>
        rowKey="key"
        size="small"
        loading={isPending}
        dataSource={data?.items}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 本` }}
        scroll={{ x: 640 }}
        rowSelection={{ selectedRowKeys: keys, onChange: (k) => setKeys(k as string[]), getCheckboxProps: (l) => ({ disabled: l.installed }) }}
        columns={[
          {
            title: '台账',
            dataIndex: 'name',
            render: (name: string, l) => (
              <>
                {name}
                {l.installed && <Tag style={{ marginInlineStart: 6 }}>已添加</Tag>}
              </>
            ),
          },
          { title: '条线', key: 'line', width: 110, render: (_, l) => l.workLine },
          {
            title: '类型',
            key: 'kind',
            width: 120,
            render: (_, l) => LEDGER_KIND_NAMES[l.kind] + (l.periodType ? `·按${PERIOD_TYPE_NAMES[l.periodType]}` : ''),
          },
          { title: '字段', dataIndex: 'fieldCount', width: 60 },
        ]}
      />
    </Modal>
  );
}
