import { Alert, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { stateLabel, transitionProblem, type Transition, type Workflow } from '../../../../core/ledger-workflow';
import { errorDetail } from '../../../lib/api-client';
import { useTransitionRecord } from '../api/save-record';
import type { LedgerRecord } from '../api/types';
import { PhotosInput } from './PhotosInput';

/** Moves a record along one transition of its workflow, with the photo or note that transition asks for. */
export function TransitionModal({
  ledgerKey,
  workflow,
  record,
  transition,
  onClose,
  onDone,
}: {
  ledgerKey: string;
  workflow: Workflow;
  record: LedgerRecord;
  transition: Transition | null;
  onClose: () => void;
  onDone: (record: LedgerRecord) => void;
}) {
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const mutation = useTransitionRecord(ledgerKey);
  if (!transition) return null;
  const onOk = () => {
    const input = { to: transition.to, note: note.trim() || undefined, photos: photos.length ? photos : undefined };
    const local = transitionProblem(workflow, record.status ?? workflow.initial, input);
    setProblem(local);
    if (local) return;
    mutation.mutate(
      { id: record.id, version: record.version, ...input },
      { onSuccess: (next) => onDone(next as LedgerRecord), onError: (e) => setProblem(errorDetail(e)) },
    );
  };
  return (
    <Modal
      open
      title={`${transition.label}：${stateLabel(workflow, transition.from)} → ${stateLabel(workflow, transition.to)}`}
      okText="确认"
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={mutation.isPending}
      destroyOnHidden
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} />}
      <Form layout="vertical" component="div">
        <Form.Item label="照片" required={transition.requirePhoto} extra={transition.requirePhoto ? '此操作需要上传现场照片' : '可选'}>
          <PhotosInput value={photos} onChange={setPhotos} />
        </Form.Item>
        <Form.Item label="说明" required={transition.requireNote}>
          <Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} autoSize={{ minRows: 2, maxRows: 6 }} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
