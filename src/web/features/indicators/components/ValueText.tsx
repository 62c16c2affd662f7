import { Tooltip, Typography } from 'antd';
import { useState, type CSSProperties } from 'react';
import { formatValue, type IndicatorFormat } from '../../../../core/indicators';
import { ExplainDrawer, type ExplainTarget } from './ExplainDrawer';

/**
 * A value as Chinese readers write it (7,912.5 亩, 123.46 万元, —). With `explain`, the figure opens
 * “这个数怎么来的”: the ledger rows, entered figures or formula parts behind it.
 */
export function ValueText({
  value,
  format,
  explain,
  style,
  strong,
}: {
  value: number | null | undefined;
  format: IndicatorFormat;
  explain?: ExplainTarget;
  style?: CSSProperties;
  strong?: boolean;
}) {
  const [open, setOpen] = useState(false);
  const text = formatValue(value, format);
  if (!explain)
    return (
      <Typography.Text strong={strong} style={style}>
        {text}
      </Typography.Text>
    );
  return (
    <>
      <Tooltip title="这个数怎么来的">
        <a
          role="button"
          aria-label={`${text}，查看这个数怎么来的`}
          onClick={(e) => {
            e.stopPropagation();
            setOpen(true);
          }}
          style={{ fontWeight: strong ? 600 : undefined, borderBottom: '1px dashed currentColor', whiteSpace: 'nowrap', ...style }}
        >
          {text}
        </a>
      </Tooltip>
      {open && <ExplainDrawer target={explain} onClose={() => setOpen(false)} />}
    </>
  );
}
