import { MoreOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Space } from 'antd';
import { errorDetail } from '../../../lib/api-client';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';
import { useResetPassword } from '../api/reset-password';
import { useResetTwoFactor } from '../api/reset-two-factor';
import { useRevokeSessions } from '../api/revoke-sessions';
import type { User } from '../api/types';

/** Edit plus the account actions, each confirmed first. */
export function UserRowActions({
  user,
  onEdit,
  onPassword,
}: {
  user: User;
  onEdit: () => void;
  onPassword: (username: string, password: string) => void;
}) {
  const { modal, message } = App.useApp();
  const reset = useResetPassword();
  const disable = useDisableUser();
  const enable = useEnableUser();
  const revoke = useRevokeSessions();
  const resetTwoFactor = useResetTwoFactor();
  const fail = (e: unknown) => message.error(errorDetail(e));

  const confirm = (title: string, content: string, run: () => Promise<unknown>, danger = false) =>
    modal.confirm({ title, content, okText: '确定', cancelText: '取消', okButtonProps: { danger }, onOk: () => run().catch(fail) });

  const items = [
    {
      key: 'reset',
      label: '重置密码',
      onClick: () =>
        confirm(`重置 ${user.displayName} 的密码？`, '将生成新的初始密码，原密码立即失效，用户下次登录须修改密码。', () =>
          reset.mutateAsync(user.id).then((r) => onPassword(user.username, r.initialPassword)),
        ),
    },
    user.disabled
      ? {
          key: 'enable',
          label: '启用',
          onClick: () =>
            confirm(`启用 ${user.displayName}？`, '启用后该账号可以重新登录。', () =>
              enable.mutateAsync(user.id).then(() => message.success('已启用')),
            ),
        }
      : {
          key: 'disable',
          label: '停用',
          danger: true,
          onClick: () =>
            confirm(
              `停用 ${user.displayName}？`,
              '停用后该账号无法登录，已登录的会话将立即失效。',
              () => disable.mutateAsync(user.id).then(() => message.success('已停用')),
              true,
            ),
        },
    // a lost phone: the user signs in with his password again and must enrol anew (administrators at once)
    ...(user.twoFactorEnabled
      ? [
          {
            key: 'reset-two-factor',
            label: '重置两步验证',
            onClick: () =>
              confirm(
                `重置 ${user.displayName} 的两步验证？`,
                '用于手机丢失或更换：其验证器和恢复码立即作废，已登录的会话将失效。该用户下次登录只需密码，须重新开启两步验证（管理员登录后必须立即开启）。',
                () => resetTwoFactor.mutateAsync(user.id).then(() => message.success('已重置两步验证')),
                true,
              ),
          },
        ]
      : []),
    {
      key: 'revoke',
      label: '强制下线',
      onClick: () =>
        confirm(`强制 ${user.displayName} 下线？`, '该用户所有已登录的会话将立即失效，需要重新登录。', () =>
          revoke.mutateAsync(user.id).then(() => message.success('已强制下线')),
        ),
    },
  ];

  return (
    <Space size={0}>
      <Button type="link" size="small" onClick={onEdit}>
        编辑
      </Button>
      <Dropdown menu={{ items }} trigger={['click']}>
        <Button type="link" size="small" icon={<MoreOutlined />} aria-label={`更多操作 ${user.username}`}>
          更多
        </Button>
      </Dropdown>
    </Space>
  );
}
