import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Card, List, Typography } from 'antd';
import type { RenderWarning } from '../../../../core/report-document';
import { scrollToFigure } from './ReportSheet';

function where(w: RenderWarning): string {
  if (w.line === undefined) return '';
  return w.column === undefined ? `第${w.line}行` : `第${w.line}行第${w.column}列`;
}

/** The figures a report could not fill ("—"): clicking one scrolls the sheet to it. */
export function ReportWarnings({ warnings, title = '缺少的数据' }: { warnings: RenderWarning[]; title?: string }) {
  return (
    <Card
      size="small"
      title={
        <span>
          {warnings.length ? (
            <WarningOutlined style={{ color: '#fa8c16', marginRight: 6 }} />
          ) : (
            <CheckCircleOutlined style={{ color: '#52c41a', marginRight: 6 }} />
          )}
          {title}
          {warnings.length ? `（${warnings.length}）` : ''}
        </span>
      }
      styles={{ body: { padding: warnings.length ? 0 : 12, maxHeight: 480, overflowY: 'auto' } }}
    >
      {warnings.length === 0 ? (
        <Typography.Text type="secondary">所有数据均已取到。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={warnings}
          renderItem={(w, i) => {
            const clickable = w.index !== undefined;
            return (
              <List.Item
                key={i}
                onClick={clickable ? () => scrollToFigure(w.index!) : undefined}
                style={{ cursor: clickable ? 'pointer' : undefined, display: 'block' }}
                aria-label={clickable ? `定位：${w.message}` : undefined}
              >
                <Typography.Text>{w.message}</Typography.Text>
                {(w.line !== undefined || w.placeholder) && (
                  <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)', wordBreak: 'break-all' }}>
                    {where(w)}
                    {w.placeholder ? ` ${w.placeholder}` : ''}
                  </div>
                )}
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
