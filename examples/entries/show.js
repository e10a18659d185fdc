// Writes what one valid and one invalid payload give into #result, for the test to read.
const TWILIO = {
  name: 'Front desk SMS',
  webhook_url_type: 'fqdn',
  channel: 'twilio',
  account_data: [
    { k: 'account_sid', v: 'QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==' },
    { k: 'auth_token', v: 'c2VjcmV0LXRva2VuLXZhbHVl' },
  ],
  dids: [{ did_number: '+12125551234', destination_type: 'queue', destination_id: '6001' }],
};

export function show(validate, version) {
  const good = validate('yeastar.message_channel.create', TWILIO);
  const bad = validate('yeastar.message_channel.create', { ...TWILIO, dids: [{ ...TWILIO.dids[0], did_number: '+1 212 555 12' }] });
  document.querySelector('#result').textContent = JSON.stringify({
    version: version(),
    valid: good.valid,
    invalid: bad.issues.map((i) => `${i.pointer} ${i.code}`),
  });
}
