// Compiled by `tsc --noEmit` (scripts/test-js.sh), never run: the .d.ts describes the API
// as the package's exports map serves it, and calls a caller would write type-check.
import {
  validate,
  describe,
  targets,
  kinds,
  codes,
  locales,
  encodeSecret,
  version,
  phoneInfo,
  normalizePhone,
  validateField,
  standardSchema,
  type StandardSchemaV1,
  type PhoneInfo,
  type NormalizedPhone,
  type PhoneNumberType,
  type PhoneParseError,
  type Report,
  type Issue,
  type FieldInfo,
  type KindInfo,
  type Options,
  type TargetId,
} from 'channel-rules';

const options: Options = { channel: 'twilio', locale: 'pt-BR' };
const report: Report = validate('yeastar.message_channel.create', { name: 'x' }, options);
const first: Issue | undefined = report.issues[0];
const where: string = first ? `${first.pointer} ${first.path.join('.')} ${first.severity}` : '';
const text: Report = validate('yeastar.message_channel.update', '{"id": 1}');
const fields: FieldInfo[] = describe('yeastar.message_channel.create', { channel: 'general' });
const keys = fields.find((f) => f.pointer === '/account_data')?.keyed_list?.keys.map((k) => k.key) ?? [];
for (const f of fields) {
  for (const c of f.checks) {
    if (c.check === 'one_of') keys.push(...c.allowed);
    if (c.check === 'chars' && c.max !== undefined) keys.push(String(c.max));
  }
}
const ids: TargetId[] = targets();
const table: KindInfo[] = kinds();
const families: Array<'sms' | 'whatsapp' | 'facebook'> = table.map((k) => k.family);
const encoded: string = encodeSecret('secret');
const tags: string[] = locales();
const meanings: string[] = codes().map((c) => `${c.code}: ${c.meaning}`);
const v: string = version();

const info: PhoneInfo = phoneInfo('(212) 555-1234', 'US');
let phoneText = '';
if (info.error !== undefined) {
  const why: PhoneParseError = info.error;
  const no: false = info.valid;
  phoneText = `${why} ${no}`;
} else {
  const kind: PhoneNumberType = info.type;
  const region: string | null = info.region;
  const code: number = info.countryCode;
  phoneText = `${info.e164} ${info.valid} ${kind} ${region ?? ''} ${code}`;
}
const normalized: NormalizedPhone = normalizePhone('020 7946 0857', 'GB', { locale: 'zh-CN' });
const e164: string = normalized.value ?? normalizePhone('+1 212 555 1234', null).value ?? '';
const why: string[] = normalizePhone('212 555 1234').issues.map((i: Issue) => `${i.code} ${i.params.reason}`);

const fieldIssues: Issue[] = validateField('yeastar.message_channel.create', '/dids/0/did_number', { dids: [] });
const schema: StandardSchemaV1 = standardSchema('yeastar.message_channel.update', { channel: 'twilio' });
const result = standardSchema('bird.channel')['~standard'].validate({});
const failed: string[] = result.issues ? result.issues.map((i: Issue) => `${i.pointer} ${i.code}`) : [];
const generic: StandardSchemaV1<unknown, unknown> = standardSchema('bird.channel');
const std = schema['~standard'].vendor;

// @ts-expect-error: not a target id
validateField('bird.chanel', '', {});
// @ts-expect-error: the input is a string
phoneInfo(2125551234, 'US');
// @ts-expect-error: the region is a string
normalizePhone('(212) 555-1234', 1);
// @ts-expect-error: only the locale option
normalizePhone('(212) 555-1234', 'US', { channel: 'twilio' });
// @ts-expect-error: not a target id
validate('yeastar.channel.create', {});
// @ts-expect-error: not a kind
validate('yeastar.message_channel.update', {}, { channel: 'twillio' });
// @ts-expect-error: not an option
validate('yeastar.message_channel.update', {}, { chanel: 'twilio' });

export { where, text, keys, ids, families, encoded, tags, meanings, v, phoneText, e164, why, fieldIssues, failed, std, generic };

// The entry without top-level await: the same functions, and `init` first.
import * as lazy from 'channel-rules/init';
export async function lazyEntry(): Promise<boolean> {
  await lazy.init();
  await lazy.init(new URL('https://example.com/channel_rules_bg.wasm'));
  const report: Report = lazy.validate('yeastar.message_channel.create', {});
  return report.valid;
}
