import { DeleteOutlined, EditOutlined, MergeCellsOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { useState } from 'react';
import { childLevel } from '../../../../core/org-levels';
import type { OrgUnit } from '../api/types';
import { CloseModal } from './CloseModal';
import { CreateChildModal } from './CreateChildModal';
import { MergeGroupsModal } from './MergeGroupsModal';
import { MoveModal } from './MoveModal';
import { RenameModal } from './RenameModal';

type Dialog = 'create' | 'rename' | 'move' | 'close' | 'merge' | null;

/** Write actions on one unit; shown only to users whose abilities include orgWrite. */
export function OrgUnitActions({ unit }: { unit: OrgUnit }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const closed = !!unit.validTo;
  const close = () => setDialog(null);
  return (
    <>
      <Flex gap={8} wrap>
        {childLevel(unit.level) && !closed && (
          <Button icon={<PlusOutlined />} onClick={() => setDialog('create')}>
            新增下级
          </Button>
        )}
        {!closed && (
          <Button icon={<EditOutlined />} onClick={() => setDialog('rename')}>
            重命名
          </Button>
        )}
        {!closed && unit.level !== 'town' && (
          <Button icon={<SwapOutlined />} onClick={() => setDialog('move')}>
            移动
          </Button>
        )}
        {unit.level === 'village' && !closed && (
          <Button icon={<MergeCellsOutlined />} onClick={() => setDialog('merge')}>
            合并村民小组
          </Button>
        )}
        {!closed && (
          <Button danger icon={<DeleteOutlined />} onClick={() => setDialog('close')}>
            撤销
          </Button>
        )}
      </Flex>
      <CreateChildModal unit={unit} open={dialog === 'create'} onClose={close} />
      <RenameModal unit={unit} open={dialog === 'rename'} onClose={close} />
      <MoveModal unit={unit} open={dialog === 'move'} onClose={close} />
      <CloseModal unit={unit} open={dialog === 'close'} onClose={close} />
      {unit.level === 'village' && <MergeGroupsModal village={unit} open={dialog === 'merge'} onClose={close} />}
    </>
  );
}
