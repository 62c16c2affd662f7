import { Alert, App, Checkbox, Flex, Input, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { emptyText } from '../../../components/empty-text';
import { useIsMobile } from '../../../components/use-is-mobile';
import { ApiError, errorDetail } from '../../../lib/api-client';
import { useIndicatorLibrary, useInstallIndicatorLibrary } from '../api/indicator-library';
import type { LibraryIndicator } from '../api/types';

/** The built-in indicator library: common figures over the built-in ledgers, installed in one step. */
export function IndicatorLibraryModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const { data, isPending, error } = useIndicatorLibrary(open);
  const install = useInstallIndicatorLibrary();
  const [keys, setKeys] = useState<string[]>([]);
  const [q, setQ] = useState('');
  const [onlyNew, setOnlyNew] = useState(false);
  const shown = (data?.items ?? []).filter(
    (i) => (!q.trim() || i.name.includes(q.trim()) || (i.workLine ?? '').includes(q.trim())) && (!onlyNew || !i.installed),
  );
  const installable = (data?.items ?? []).filter((i) => !i.installed && i.ledgersInstalled);
  const onOk = () =>
    install.mutate(keys, {
      onSuccess: (r) => {
        message.success(`已安装 ${r.installed.length} 个指标`);
        setKeys([]);
        onClose();
      },
    });
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title="内置指标库"
      width={isMobile ? '100%' : 860}
      okText={`安装所选（${keys.length}）`}
      okButtonProps={{ disabled: !keys.length }}
      confirmLoading={install.isPending}
      onOk={onOk}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          <CancelBtn />
          {installable.length > 0 && (
            <a style={{ marginInline: 8 }} onClick={() => setKeys(installable.map((i) => i.key))}>
              全选可安装的（{installable.length}）
            </a>
          )}
          <OkBtn />
        </>
      )}
    >
      <Typography.Paragraph type="secondary">
        常用指标的标准口径，取自内置台账；安装后可按本镇需要修改。所用台账尚未添加的指标需先到“台账”中添加内置台账。
      </Typography.Paragraph>
      {error instanceof ApiError && error.status === 404 ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="内置指标库暂不可用"
          description="服务器尚未提供内置指标库，可先用“新建指标”定义所需指标。"
        />
      ) : (
        (error || install.error) && <Alert type="error" showIcon title={errorDetail(error ?? install.error)} style={{ marginBottom: 12 }} />
      )}
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Input.Search
          allowClear
          placeholder="搜索指标名称或条线"
          aria-label="搜索内置指标"
          style={{ width: isMobile ? '100%' : 260 }}
          onChange={(e) => setQ(e.target.value)}
          onSearch={setQ}
        />
        <Checkbox checked={onlyNew} onChange={(e) => setOnlyNew(e.target.checked)}>
          只看未安装
        </Checkbox>
      </Flex>
      <Table<LibraryIndicator>
        rowKey="key"
        size="small"
        loading={isPending}
        dataSource={shown}
        scroll={{ x: 560 }}
        locale={{ emptyText: emptyText('指标库是空的') }}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个指标` }}
        rowSelection={{
          selectedRowKeys: keys,
          preserveSelectedRowKeys: true,
          onChange: (k) => setKeys(k as string[]),
          getCheckboxProps: (i) => ({ disabled: i.installed || !i.ledgersInstalled }),
        }}
        columns={[
          {
            title: '指标',
            dataIndex: 'name',
            render: (name: string, i) => (
              <>
                {name}
                {i.installed && <Tag style={{ marginInlineStart: 6 }}>已安装</Tag>}
                {!i.installed && !i.ledgersInstalled && (
                  <Tag color="orange" style={{ marginInlineStart: 6 }}>
                    缺少台账
                  </Tag>
                )}
              </>
            ),
          },
          { title: '单位', dataIndex: 'unit', width: 70, render: (u: string) => u || '—' },
          ...(isMobile ? [] : [{ title: '条线', key: 'line', width: 100, render: (_: unknown, i: LibraryIndicator) => i.workLine ?? '—' }]),
        ]}
      />
    </Modal>
  );
}
