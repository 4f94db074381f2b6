import { Alert, Button, Card, Flex, Input, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { useDeclareConflict } from '../api/scoring';

/**
 * The member's declaration before scoring (QĐ 26/2026 Art. 7.3): no conflict of interest opens the
 * sheet; a conflict with its reason ends their part in this dossier (they do not score it).
 */
export function ConflictDeclaration({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const declare = useDeclareConflict(dossierId);
  const [conflict, setConflict] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <Card title={t('scoring.conflict.title')} data-testid="sc-conflict" style={{ maxWidth: 760 }}>
      <Flex vertical gap={12}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('scoring.conflict.question')}</Typography.Paragraph>
        {declare.isError ? <ErrorAlert error={declare.error} /> : null}
        {conflict ? (
          <Flex vertical gap={8}>
            <Typography.Text strong>{t('scoring.conflict.reasonLabel')}</Typography.Text>
            <Input.TextArea
              autoFocus
              data-testid="sc-conflict-reason"
              value={reason}
              maxLength={2_000}
              autoSize={{ minRows: 3, maxRows: 8 }}
              placeholder={t('scoring.conflict.reasonPlaceholder')}
              onChange={(event) => setReason(event.target.value)}
            />
            <Alert type="warning" showIcon title={t('scoring.conflict.consequence')} />
            <Flex gap={8} wrap>
              <Button
                danger
                type="primary"
                disabled={reason.trim() === ''}
                loading={declare.isPending}
                data-testid="sc-conflict-confirm"
                onClick={() => declare.mutate({ hasConflict: true, reason: reason.trim() })}
              >
                {t('scoring.conflict.declare')}
              </Button>
              <Button onClick={() => setConflict(false)}>{t('common.cancel')}</Button>
            </Flex>
          </Flex>
        ) : (
          <Flex gap={8} wrap>
            <Button
              type="primary"
              autoFocus
              loading={declare.isPending}
              data-testid="sc-no-conflict"
              onClick={() => declare.mutate({ hasConflict: false, reason: null })}
            >
              {t('scoring.conflict.none')}
            </Button>
            <Button data-testid="sc-has-conflict" onClick={() => setConflict(true)}>
              {t('scoring.conflict.has')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
