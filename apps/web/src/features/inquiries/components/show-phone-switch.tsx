import { Space, Switch, Typography } from 'antd';
import { useFeedback } from '../../../components/feedback/feedback';
import { useI18n } from '../../../lib/i18n';
import { useProducerPageSettings, useSaveProducerPageSettings } from '../api/inquiries';
import { useInquiryTexts } from '../inquiry-texts';

/** The producer's opt-in: its phone number on its public page (hidden unless switched on). */
export function ShowPhoneSwitch({ producerId, producerName }: { producerId: string; producerName: string | undefined }) {
  const t = useInquiryTexts();
  const { describeError } = useI18n();
  const { message } = useFeedback();
  const settings = useProducerPageSettings(producerId);
  const save = useSaveProducerPageSettings();
  return (
    <Space direction="vertical" size={0} style={{ marginBottom: 16 }}>
      <Space>
        <Switch
          checked={settings.data?.showPhone ?? false}
          loading={settings.isLoading || save.isPending}
          onChange={(showPhone) => save.mutate({ producerId, showPhone }, { onError: (error) => message.error(describeError(error)) })}
          data-testid="inquiry-show-phone"
        />
        <span>
          {t('inquiries.showPhone')}
          {producerName ? ` (${producerName})` : ''}
        </span>
      </Space>
      <Typography.Text type="secondary">{t('inquiries.showPhoneHelp')}</Typography.Text>
    </Space>
  );
}
