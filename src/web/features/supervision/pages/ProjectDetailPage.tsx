// One key project: its summary, the quarterly stage timeline, progress lines with photos, and its 督办 tasks;
// 报告进展 for its village or group, 编辑 for those who may edit projects.
import { ArrowLeftOutlined, EditOutlined, FormOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiErrorResult } from '../../../components/ApiErrorResult';
import { PageHeader } from '../../../components/PageHeader';
import { PageLoading } from '../../../components/PageLoading';
import { useIsMobile } from '../../../components/use-is-mobile';
import { useProject } from '../api/projects';
import { ProjectFormDrawer } from '../components/ProjectFormDrawer';
import { ProjectStatusTag } from '../components/ProjectParts';
import { ProjectProgressModal } from '../components/ProjectProgressModal';
import { ProjectStageTimeline } from '../components/ProjectStageTimeline';
import { ProjectSummaryCard } from '../components/ProjectSummaryCard';
import { ProjectTasksList } from '../components/ProjectTasksList';
import { ProjectUpdates } from '../components/ProjectUpdates';

export default function ProjectDetailPage() {
  const params = useParams();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const { data: project, isPending, error, refetch } = useProject(valid ? id : undefined);
  const [editing, setEditing] = useState(false);
  const [reporting, setReporting] = useState(false);

  if (!valid) return <ApiErrorResult error={new Error('项目编号不正确')} />;
  if (isPending) return <PageLoading />;
  if (error) return <ApiErrorResult error={error} onRetry={() => refetch()} />;

  return (
    <>
      <PageHeader
        title={project.name}
        subTitle={
          <>
            <ProjectStatusTag status={project.status} />
            {project.stagesOverdue > 0 && <Tag color="red">{project.stagesOverdue}项阶段任务逾期</Tag>}
            截至 {project.today}
          </>
        }
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/supervision/projects')}>
              项目列表
            </Button>
            {project.mayEdit && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
            )}
            {project.mayReport && (
              <Button type="primary" icon={<FormOutlined />} onClick={() => setReporting(true)}>
                报告进展
              </Button>
            )}
          </>
        }
      />
      <ProjectSummaryCard project={project} isMobile={isMobile} />
      <Card size="small" title="季度阶段任务" style={{ marginBottom: 16 }}>
        <ProjectStageTimeline stages={project.stages} today={project.today} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={`进展（${project.updates.length}）`}>
            <ProjectUpdates updates={project.updates} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={`督办任务（${project.tasks.length}）`}>
            <ProjectTasksList tasks={project.tasks} />
          </Card>
        </Col>
      </Row>
      {project.mayEdit && (
        <ProjectFormDrawer open={editing} project={project} year={Number(project.today.slice(0, 4))} onClose={() => setEditing(false)} />
      )}
      {project.mayReport && <ProjectProgressModal open={reporting} project={project} onClose={() => setReporting(false)} />}
    </>
  );
}
