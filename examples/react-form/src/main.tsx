// A typed react-hook-form form validated by channel-rules' Standard Schema: the form's
// values are `Payload<'yeastar.message_channel.create'>`, written from the rules, and the
// resolver takes `standardSchema(...)` with no cast. Errors show beside their field.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';
import { encodeSecret, standardSchema, type Payload } from 'channel-rules';

type Create = Payload<'yeastar.message_channel.create'>;

const schema = standardSchema('yeastar.message_channel.create');

function ChannelForm() {
  const [sent, setSent] = useState<Create | null>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<Create>({
    resolver: standardSchemaResolver(schema),
    defaultValues: {
      name: 'Front desk SMS',
      webhook_url_type: 'fqdn',
      channel: 'twilio',
      account_data: [
        { k: 'account_sid', v: encodeSecret('AC0123456789abcdef0123456789abcdef') },
        { k: 'auth_token', v: encodeSecret('my auth token') },
      ],
      dids: [{ did_number: '', destination_type: 'api' }],
    },
  });
  const didError = errors.dids?.[0]?.did_number;
  return (
    <form onSubmit={handleSubmit(setSent)} noValidate>
      <h1>New Twilio SMS channel</h1>
      <label>
        Name <input {...register('name')} aria-invalid={errors.name ? true : undefined} />
      </label>
      {errors.name && <p role="alert" data-error="name">{errors.name.message}</p>}
      <label>
        DID number{' '}
        <input
          {...register('dids.0.did_number')}
          aria-invalid={didError ? true : undefined}
          aria-describedby="did-error"
        />
      </label>
      {didError && (
        <p role="alert" id="did-error" data-error="dids.0.did_number">
          {didError.message}
        </p>
      )}
      <button type="submit">Create</button>
      {sent && <pre data-sent>{JSON.stringify(sent)}</pre>}
    </form>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ChannelForm />
  </StrictMode>,
);
