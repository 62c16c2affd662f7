import { DeleteOutlined, EditOutlined, EnvironmentOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, Flex, Popconfirm, Row, Space, Tag, Typography } from 'antd';
import type { CadreGroup } from '../api/types';

export interface GroupActions {
  addSmall: (big: CadreGroup) => void;
  rename: (group: CadreGroup) => void;
  remove: (group: CadreGroup) => void;
  editMembers: (group: CadreGroup) => void;
  editVillages: (group: CadreGroup) => void;
}

function leaderText(group: CadreGroup): string {
  if (!group.leader) return '未设组长';
  return group.leader.position ? `${group.leader.name}（${group.leader.position}）` : group.leader.name;
}

function DeleteButton({ group, onConfirm }: { group: CadreGroup; onConfirm: () => void }) {
  return (
    <Popconfirm
      title={`删除“${group.name}”？`}
      description={group.kind === 'big' ? '其下的小组也将一并删除。' : '成员与包村安排将一并删除。'}
      okText="删除"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      onConfirm={onConfirm}
    >
      <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除${group.name}`} />
    </Popconfirm>
  );
}

function SmallGroup({ group, actions }: { group: CadreGroup; actions?: GroupActions }) {
  const others = group.members.filter((m) => !m.isLeader);
  return (
    <Card
      size="small"
      type="inner"
      style={{ height: '100%' }}
      title={
        <Space>
          <TeamOutlined />
          {group.name}
        </Space>
      }
      extra={
        actions && (
          <Space size={0}>
            <Button size="small" type="link" onClick={() => actions.editMembers(group)}>
              成员
            </Button>
            <Button size="small" type="link" onClick={() => actions.editVillages(group)}>
              包村
            </Button>
            <Button size="small" type="text" icon={<EditOutlined />} onClick={() => actions.rename(group)} aria-label={`重命名${group.name}`} />
            <DeleteButton group={group} onConfirm={() => actions.remove(group)} />
          </Space>
        )
      }
    >
      <Flex vertical gap={6}>
        <div>
          <Typography.Text type="secondary">组长：</Typography.Text>
          {leaderText(group)}
        </div>
        <div>
          <Typography.Text type="secondary">成员：</Typography.Text>
          {others.length ? others.map((m) => m.name).join('、') : '—'}
        </div>
        <div>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> 包村：
          </Typography.Text>
          {group.villages.length
            ? group.villages.map((v) => (
                <Tag key={v.code} color="green" style={{ marginBottom: 4 }}>
                  {v.name}
                </Tag>
              ))
            : '未安排'}
        </div>
      </Flex>
    </Card>
  );
}

export function CadreTreeView({ groups, actions }: { groups: CadreGroup[]; actions?: GroupActions }) {
  if (!groups.length) return <Empty description="尚未建立组线包村安排" />;
  return (
    <Flex vertical gap={16}>
      {groups.map((big) => (
        <Card
          key={big.id}
          title={
            <Space wrap>
              <span>{big.name}</span>
              {big.leader && <Tag color="blue">{leaderText(big)}</Tag>}
            </Space>
          }
          extra={
            actions && (
              <Space size={0} wrap>
                <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => actions.addSmall(big)}>
                  小组
                </Button>
                <Button size="small" type="link" onClick={() => actions.editMembers(big)}>
                  成员
                </Button>
                <Button size="small" type="text" icon={<EditOutlined />} onClick={() => actions.rename(big)} aria-label={`重命名${big.name}`} />
                <DeleteButton group={big} onConfirm={() => actions.remove(big)} />
              </Space>
            )
          }
        >
          {big.children.length ? (
            <Row gutter={[12, 12]}>
              {big.children.map((small) => (
                <Col key={small.id} xs={24} md={12} xxl={8}>
                  <SmallGroup group={small} actions={actions} />
                </Col>
              ))}
            </Row>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无小组" />
          )}
        </Card>
      ))}
    </Flex>
  );
}
