import { Breadcrumb, Card, Descriptions, Divider, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { ExportButton } from '../../../components/ExportButton';
import { PageLoading } from '../../../components/PageLoading';
import { formatDate, formatValidFrom } from '../../../lib/format';
import { useOrgUnit } from '../api/get-org-unit';
import type { OrgListFilters } from '../api/types';
import { OrgChildrenTable } from './OrgChildrenTable';
import { ClosedTag, OrgLevelTag } from './OrgLevelTag';
import { OrgUnitActions } from './OrgUnitActions';

export function OrgUnitDetail({ code, filters }: { code: string; filters: OrgListFilters }) {
  const me = useMe();
  const { data: unit, isPending, error, refetch } = useOrgUnit(code);
  if (isPending)
    return (
      <Card>
        <PageLoading />
      </Card>
    );
  if (error)
    return (
      <Card>
        <ApiErrorResult error={error} onRetry={() => refetch()} />
      </Card>
    );

  const { ancestors } = unit;
  return (
    <Card>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[...ancestors.map((a) => ({ title: <Link to={`/org/${a.code}`}>{a.name}</Link> })), { title: unit.name }]}
      />
      <Space size={8} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {unit.name}
        </Typography.Title>
        <OrgLevelTag level={unit.level} levelName={unit.levelName} />
        <ClosedTag validTo={unit.validTo} />
      </Space>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 2, xl: 3 }}>
        <Descriptions.Item label="代码">
          <span style={{ fontFamily: 'monospace' }}>{unit.code}</span>
        </Descriptions.Item>
        <Descriptions.Item label="层级">{unit.levelName}</Descriptions.Item>
        <Descriptions.Item label="上级">{ancestors.length ? ancestors[ancestors.length - 1].name : '—'}</Descriptions.Item>
        <Descriptions.Item label="生效日期">{formatValidFrom(unit.validFrom)}</Descriptions.Item>
        <Descriptions.Item label="撤销日期">{unit.validTo ? formatDate(unit.validTo) : '长期有效'}</Descriptions.Item>
        <Descriptions.Item label="合并至">
          {unit.mergedInto ? (
            <Link to={`/org/${unit.mergedInto}`} style={{ fontFamily: 'monospace' }}>
              {unit.mergedInto}
            </Link>
          ) : (
            '—'
          )}
        </Descriptions.Item>
      </Descriptions>
      {me.abilities.orgWrite && (
        <div style={{ marginTop: 16 }}>
          <OrgUnitActions unit={unit} />
        </div>
      )}
      <Divider titlePlacement="start" style={{ marginTop: 24 }}>
        下级单位（{unit.childCount}）
      </Divider>
      <div style={{ display: 'flex', justifyContent: 'flex-end', marginBottom: 8 }}>
        <ExportButton
          path="/api/org-units/export"
          fileName={`${unit.name}下级单位.xlsx`}
          query={{ parent: unit.code, asOf: filters.asOf, includeClosed: filters.includeClosed ? 'true' : undefined }}
        />
      </div>
      <OrgChildrenTable code={unit.code} filters={filters} />
    </Card>
  );
}
