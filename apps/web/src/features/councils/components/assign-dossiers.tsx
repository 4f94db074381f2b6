import type { CouncilView } from '@ocop/contracts/councils';
import type { DossierBrief } from '@ocop/contracts/dossiers';
import { Button, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useAssignDossiers } from '../api/councils';
import { stateLabel } from './council-round-table';

/** What a council may take: dossiers the secretariat has received or has under advisory review. */
const ASSIGNABLE: ReadonlySet<string> = new Set(['received', 'advisory_review']);

/** Picks dossiers of the round (received or under advisory review) and assigns them to the council. */
export function AssignDossiersButton({ council, roundDossiers }: { council: CouncilView; roundDossiers: DossierBrief[] }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const assign = useAssignDossiers(council.id);
  const candidates = roundDossiers.filter((dossier) => ASSIGNABLE.has(dossier.state) && dossier.councilId !== council.id);
  const close = () => {
    setOpen(false);
    setSelected([]);
    assign.reset();
  };
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="assign-open">
        {t('councils.assign')}
      </Button>
      <Modal
        open={open}
        width={760}
        title={t('councils.assignTitle')}
        okText={t('councils.assignOk', { count: selected.length })}
        okButtonProps={{ disabled: selected.length === 0, ...{ 'data-testid': 'assign-ok' } }}
        cancelText={t('common.cancel')}
        confirmLoading={assign.isPending}
        onCancel={close}
        onOk={() => assign.mutate(selected, { onSuccess: close })}
        destroyOnHidden
      >
        {assign.isError ? <ErrorAlert error={assign.error} /> : null}
        <Typography.Paragraph type="secondary">{t('councils.assignHelp')}</Typography.Paragraph>
        <Table<DossierBrief>
          data-testid="assign-table"
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ y: 360 }}
          rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)) }}
          dataSource={candidates}
          locale={{ emptyText: t('councils.assignNone') }}
          columns={[
            {
              key: 'product',
              title: t('councils.dossier'),
              render: (_, dossier) => (
                <span>
                  <Typography.Text strong>{dossier.product.name}</Typography.Text>
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dossier.producer.name}
                  </Typography.Text>
                </span>
              ),
            },
            { key: 'commune', title: t('councils.commune'), render: (_, dossier) => dossier.communeName ?? dossier.communeCode },
            {
              key: 'state',
              title: t('councils.state'),
              render: (_, dossier) => (
                <>
                  <Tag>{t(stateLabel(dossier.state))}</Tag>
                  {dossier.councilId ? <Tag color="orange">{t('councils.otherCouncil')}</Tag> : null}
                </>
              ),
            },
          ]}
        />
      </Modal>
    </>
  );
}
