import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { errorDetail } from '../../../lib/api-client';
import { useDeleteCadreGroup } from '../api/delete-cadre-group';
import { useExportCadreGroups } from '../api/export-cadre-groups';
import { useCadreGroups } from '../api/get-cadre-groups';
import type { CadreGroup } from '../api/types';
import { CadreTableView } from '../components/CadreTableView';
import { CadreTreeView, type GroupActions } from '../components/CadreTreeView';
import { GroupNameModal, type GroupNameTarget } from '../components/GroupNameModal';
import { MembersModal } from '../components/MembersModal';
import { VillagesModal } from '../components/VillagesModal';
import { WorkLinesTable } from '../components/WorkLinesTable';

export default function CadrePage() {
  const me = useMe();
  const canWrite = me.abilities.cadreWrite;
  const { message } = App.useApp();
  const groups = useCadreGroups();
  const exporting = useExportCadreGroups();
  const remove = useDeleteCadreGroup();
  const [nameTarget, setNameTarget] = useState<GroupNameTarget | null>(null);
  const [membersOf, setMembersOf] = useState<CadreGroup | null>(null);
  const [villagesOf, setVillagesOf] = useState<CadreGroup | null>(null);

  const actions: GroupActions | undefined = canWrite
    ? {
        addSmall: (big) => setNameTarget({ mode: 'create', kind: 'small', parent: big }),
        rename: (group) => setNameTarget({ mode: 'rename', group }),
        remove: (group) =>
          remove.mutate(group.id, { onSuccess: () => message.success(`已删除“${group.name}”`), onError: (e) => message.error(errorDetail(e)) }),
        editMembers: setMembersOf,
        editVillages: setVillagesOf,
      }
    : undefined;

  const onExport = () => exporting.mutate(undefined, { onError: (e) => message.error(errorDetail(e)) });
  const items = groups.data?.items ?? [];
  const body = (view: 'tree' | 'table') => {
    if (groups.isPending) return <PageLoading />;
    if (groups.error) return <ApiErrorResult error={groups.error} onRetry={() => groups.refetch()} />;
    return view === 'tree' ? <CadreTreeView groups={items} actions={actions} /> : <CadreTableView groups={items} />;
  };

  return (
    <>
      <PageHeader
        title="组线包村"
        subTitle="大组、小组的组长与成员，各小组包联的村，以及工作条线分工"
        extra={
          <>
            {canWrite && (
              <Button icon={<PlusOutlined />} onClick={() => setNameTarget({ mode: 'create', kind: 'big' })}>
                新增大组
              </Button>
            )}
            <Button type="primary" icon={<DownloadOutlined />} loading={exporting.isPending} onClick={onExport}>
              导出Excel
            </Button>
          </>
        }
      />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          items={[
            { key: 'tree', label: '树状视图', children: body('tree') },
            { key: 'table', label: '表格视图', children: body('table') },
            { key: 'lines', label: '工作条线', children: <WorkLinesTable canWrite={canWrite} /> },
          ]}
        />
      </Card>
      {canWrite && (
        <>
          <GroupNameModal target={nameTarget} onClose={() => setNameTarget(null)} />
          <MembersModal group={membersOf} onClose={() => setMembersOf(null)} />
          <VillagesModal group={villagesOf} onClose={() => setVillagesOf(null)} />
        </>
      )}
    </>
  );
}
