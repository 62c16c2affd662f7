import { UploadOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Row } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useMe } from '../../../app/auth';
import { PageHeader } from '../../../components/PageHeader';
import { useOrgChildren } from '../api/get-org-children';
import { useOrgUnit } from '../api/get-org-unit';
import type { OrgListFilters } from '../api/types';
import { ImportDivisionsModal } from '../components/ImportDivisionsModal';
import { OrgTreePanel } from '../components/OrgTreePanel';
import { OrgUnitDetail } from '../components/OrgUnitDetail';

export default function OrgPage() {
  const me = useMe();
  const navigate = useNavigate();
  const params = useParams<{ code?: string }>();
  const [filters, setFilters] = useState<OrgListFilters>({});
  const [importOpen, setImportOpen] = useState(false);
  const canImport = me.abilities.orgImport;
  const roots = useOrgChildren(null, filters);
  // Without a code in the URL, show the first unit of the user's scope (usually the township).
  const code = params.code ?? roots.data?.items[0]?.code;
  const unit = useOrgUnit(code);
  const expandTo = useMemo(
    () => [...(unit.data?.ancestors ?? []).map((a) => a.code), ...(unit.data && !params.code ? [unit.data.code] : [])],
    [unit.data, params.code],
  );

  return (
    <>
      <PageHeader
        title="组织树"
        subTitle="镇、村（社区）、村民小组与网格，含历次调整记录"
        extra={
          canImport && (
            <Button icon={<UploadOutlined />} onClick={() => setImportOpen(true)}>
              导入区划
            </Button>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} md={9} xl={7}>
          <OrgTreePanel
            filters={filters}
            onFiltersChange={setFilters}
            selected={code}
            expandTo={expandTo}
            onOpen={(target) => navigate(`/org/${target}`)}
          />
        </Col>
        <Col xs={24} md={15} xl={17}>
          {code ? (
            <OrgUnitDetail code={code} filters={filters} />
          ) : (
            <Card>
              <Empty description={roots.isPending ? '正在加载…' : '请在左侧选择一个单位'} />
            </Card>
          )}
        </Col>
      </Row>
      {canImport && <ImportDivisionsModal open={importOpen} onClose={() => setImportOpen(false)} />}
    </>
  );
}
