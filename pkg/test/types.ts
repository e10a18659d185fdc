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

// @ts-expect-error: not a target id
validate('yeastar.channel.create', {});
// @ts-expect-error: not a kind
validate('yeastar.message_channel.update', {}, { channel: 'twillio' });
// @ts-expect-error: not an option
validate('yeastar.message_channel.update', {}, { chanel: 'twilio' });

export { where, text, keys, ids, families, encoded, tags, meanings, v };
