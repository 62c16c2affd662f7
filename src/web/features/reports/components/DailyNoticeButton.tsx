// 生成每日通报: the daily notice of a daily indicator for one day, previewed as paper, with its Word/print/text.
import { NotificationOutlined } from '@ant-design/icons';
import { Button, Drawer, Flex, Space } from 'antd';
import { useState } from 'react';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useDailyNotice } from '../api/notices';
import { ReportExportButtons } from './ReportExportButtons';
import { ReportSheet } from './ReportSheet';
import { ReportWarnings } from './ReportWarnings';

function NoticeBody({ indicator, asOf }: { indicator: string; asOf: string }) {
  const isMobile = useIsMobile();
  const notice = useDailyNotice(indicator, asOf);
  if (notice.isPending) return <PageLoading tip="正在生成通报…" />;
  if (notice.error) return <ApiErrorResult error={notice.error} onRetry={() => notice.refetch()} compact />;
  const n = notice.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <ReportExportButtons
          request={{ method: 'POST', path: '/api/reports/notices', body: { indicator, asOf } }}
          document={n.document}
          fileName={`${n.indicator.name}-每日通报-${n.asOf}`}
        />
      </Space>
      <Flex vertical={isMobile} gap={12} align="flex-start">
        <div style={{ flex: 1, minWidth: 0, width: isMobile ? '100%' : undefined }}>
          <ReportSheet document={n.document} asOf={n.asOf} />
        </div>
        {n.document.warnings.length > 0 && (
          <div style={{ width: isMobile ? '100%' : 260, flex: 'none' }}>
            <ReportWarnings warnings={n.document.warnings} />
          </div>
        )}
      </Flex>
    </>
  );
}

/** The button on 每日调度 and the drawer it opens. */
export function DailyNoticeButton({ indicator, asOf, disabled }: { indicator?: string; asOf: string; disabled?: boolean }) {
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<NotificationOutlined />} disabled={disabled || !indicator} onClick={() => setOpen(true)}>
        生成每日通报
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title="每日通报" size={isMobile ? '100%' : 1080} destroyOnHidden>
        {indicator && open && <NoticeBody indicator={indicator} asOf={asOf} />}
      </Drawer>
    </>
  );
}
