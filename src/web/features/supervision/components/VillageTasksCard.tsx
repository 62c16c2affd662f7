import { useMe } from '../../../app/auth';
import { useTasks } from '../api/get-tasks';
import { TaskMiniList } from './TaskMiniList';

const SHOWN = 10;

/** 本村督办任务 on a village's page: its tasks, red first, and a link to the list filtered by the village. */
export function VillageTasksCard({ code }: { code: string }) {
  const me = useMe();
  const { data, error, isPending } = useTasks({ unit: code }, 1, SHOWN, me.abilities.taskRead);
  if (!me.abilities.taskRead) return null;
  return (
    <TaskMiniList
      title="本村督办任务"
      data={data}
      error={error}
      isPending={isPending}
      moreTo={`/supervision?unit=${encodeURIComponent(code)}`}
      empty="本村暂无督办任务"
    />
  );
}
