import { Card, Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { PageHeader } from '../../../components/PageHeader';

/** A capability that later issues will build; says so plainly instead of showing an empty screen. */
export function ComingSoonPage({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Result
          icon={<ClockCircleOutlined style={{ color: '#8c9bb0' }} />}
          title={`${title}功能正在建设中`}
          subTitle={`${what}将在后续版本中提供，敬请期待。`}
        />
      </Card>
    </>
  );
}
