import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Image, Trash } from '@strapi/icons';
import { useFetchClient, useStrapiApp } from '@strapi/strapi/admin';
import { useEffect, useState, type ComponentType } from 'react';
import { useIntl } from 'react-intl';
import { getTranslation } from '../../../../ui/translations';

/** What the Media Library's dialog hands back of a file, as far as the logo needs it. */
interface Asset {
  id: number;
  name: string;
  url: string;
}

interface MediaLibraryDialogProps {
  onClose: () => void;
  onSelectAssets: (assets: Asset[]) => void;
  allowedTypes?: string[];
  multiple?: boolean;
}

/** A file's URL as the browser reaches it: the local provider answers paths of the server. */
const absolute = (url: string) =>
  url.startsWith('/') ? `${(window as unknown as { strapi: { backendURL: string } }).strapi.backendURL}${url}` : url;

/** The logo's file as the Media Library has it now, or null while it is asked for (or gone). */
const useLogoFile = (logo: number | null, picked: Asset | null) => {
  const { get } = useFetchClient();
  const [file, setFile] = useState<Asset | null>(null);
  useEffect(() => {
    if (logo === null || picked?.id === logo) return;
    let current = true;
    get<Asset>(`/upload/files/${logo}`)
      .then(({ data }) => current && setFile(data))
      .catch(() => current && setFile(null));
    return () => {
      current = false;
    };
  }, [get, logo, picked]);
  if (logo === null) return null;
  return picked?.id === logo ? picked : file;
};

interface Props {
  logo: number | null;
  onChange: (logo: number | null) => void;
  error?: string;
  disabled: boolean;
}

/** The logo documents show: a picture of the Media Library, chosen in its own dialog. */
export const CompanyLogo = ({ logo, onChange, error, disabled }: Props) => {
  const { formatMessage } = useIntl();
  const t = (key: string, defaultMessage: string) => formatMessage({ id: getTranslation(`company.logo.${key}`), defaultMessage });
  const components = useStrapiApp('CompanyLogo', (state) => state.components);
  const MediaLibraryDialog = components['media-library'] as ComponentType<MediaLibraryDialogProps> | undefined;
  const [choosing, setChoosing] = useState(false);
  const [picked, setPicked] = useState<Asset | null>(null);
  const file = useLogoFile(logo, picked);

  const choose = (assets: Asset[]) => {
    setChoosing(false);
    const [asset] = assets;
    if (!asset) return;
    setPicked(asset);
    onChange(asset.id);
  };

  return (
    <Field.Root name="logo" error={error} hint={t('hint', 'A PNG or JPEG picture from the Media Library, printed at the top of documents')}>
      <Field.Label>{t('label', 'Logo')}</Field.Label>
      <Flex gap={4} alignItems="center">
        <Box padding={2} hasRadius borderColor="neutral200" background="neutral100" minWidth="12rem" minHeight="5rem">
          {file ? (
            <img src={absolute(file.url)} alt={file.name} style={{ maxHeight: '5rem', maxWidth: '12rem' }} />
          ) : (
            <Typography textColor="neutral600">{logo === null ? t('none', 'No logo') : t('loading', 'Loading…')}</Typography>
          )}
        </Box>
        <Button variant="secondary" startIcon={<Image />} onClick={() => setChoosing(true)} disabled={disabled || !MediaLibraryDialog}>
          {t('choose', 'Choose from the Media Library')}
        </Button>
        {logo !== null && (
          <Button variant="danger-light" startIcon={<Trash />} onClick={() => onChange(null)} disabled={disabled}>
            {t('remove', 'Remove the logo')}
          </Button>
        )}
      </Flex>
      <Field.Hint />
      <Field.Error />
      {choosing && MediaLibraryDialog && (
        <MediaLibraryDialog onClose={() => setChoosing(false)} onSelectAssets={choose} allowedTypes={['images']} multiple={false} />
      )}
    </Field.Root>
  );
};
