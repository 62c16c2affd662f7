import { Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { GenerateReport } from '../components/GenerateReport';
import { VersionsTable } from '../components/VersionsTable';

/** 报告: render a template for a period and unit into an official-paper report; the saved versions. */
export default function ReportsPage() {
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'versions' ? 'versions' : 'generate';
  const setTab = (key: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'versions') next.set('tab', key);
        else next.delete('tab');
        return next;
      },
      { replace: true },
    );
  return (
    <>
      <PageHeader title="报告" subTitle="按模板从台账和指标取数，生成公文格式的工作汇报，可导出Word、打印和保存版本" />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'generate', label: '生成报告', children: <GenerateReport /> },
          { key: 'versions', label: '已存版本', children: <VersionsTable /> },
        ]}
      />
    </>
  );
}
