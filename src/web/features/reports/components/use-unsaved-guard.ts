// Asks before leaving a page with unsaved changes: in-app navigation (the router's blocker) and closing or
// reloading the tab (beforeunload). `allow()` lets the next navigation through, after a save or a delete.
import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';
import { useBlocker } from 'react-router';

export function useUnsavedGuard(dirty: boolean, what = '模板') {
  const { modal } = App.useApp();
  const allowed = useRef(false);
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !allowed.current && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    modal.confirm({
      title: `${what}还没有保存`,
      content: '离开后，本次的修改将丢失。确定离开吗？',
      okText: '离开，不保存',
      okButtonProps: { danger: true },
      cancelText: '留在此页',
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, what]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  return useCallback(() => {
    allowed.current = true;
  }, []);
}
