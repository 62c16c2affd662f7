import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The centred frame of the login and change-password screens; `wide` for the two-factor enrolment. */
export function AuthScreen({ children, wide }: { children: ReactNode; wide?: boolean }) {
  return (
    <Flex
      vertical
      align="center"
      style={{ minHeight: '100vh', padding: '72px 16px 32px', background: 'linear-gradient(180deg, #0f2a4a 0, #1f4e8c 300px, #f3f5f8 300px)' }}
    >
      <div style={{ width: '100%', maxWidth: wide ? 520 : 400 }}>
        <div style={{ textAlign: 'center', color: '#fff', marginBottom: 36 }}>
          <div style={{ fontSize: 34, fontWeight: 600, letterSpacing: 8 }}>镇务</div>
          <div style={{ fontSize: 15, opacity: 0.85, letterSpacing: 2 }}>乡镇工作系统</div>
        </div>
        {children}
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 20, fontSize: 12 }}>
          一次填报，多处使用 · 减轻基层负担
        </Typography.Paragraph>
      </div>
    </Flex>
  );
}
