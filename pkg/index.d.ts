// Types of the channel-rules JavaScript API (shared/spec/INTERFACE.md).
//
// The id unions (TargetId, KindId, Code, Locale) live in ids.d.ts, which the build writes
// from the library itself, so no rule is copied here by hand.

import type { TargetId, KindId, Code, Locale } from './ids.js';
import type { Payload } from './payload.js';
export type { TargetId, KindId, Code, Locale } from './ids.js';
// The payload types (Payload<T>, one interface per target and per create kind), written
// from the rules into payload.d.ts by `make docs`.
export type * from './payload.js';

/** One step of a path: an object member name or an array index. */
export type Segment = string | number;

/** One finding about one value of the payload. */
export interface Issue {
  /** RFC 6901 JSON Pointer to the value; `""` is the whole document. */
  pointer: string;
  /** The same location as an array (numbers for array indexes). */
  path: Segment[];
  /** An error means the vendor would reject the payload or lose data. */
  severity: 'error' | 'warning';
  /** Stable dotted code; see `codes()`. */
  code: Code;
  /** Human-readable, in the requested locale; never contains a credential. */
  message: string;
  /** The values the message was built from; never a credential. */
  params: Record<string, unknown>;
}

/** The result of one validation. */
export interface Report {
  /** `true` when no issue is an error (warnings never make a payload invalid). */
  valid: boolean;
  /** Every issue, in document order. */
  issues: Issue[];
}

/** Options of a validation; every member is optional. */
export interface Options {
  /** The Yeastar kind (an update body has no `channel`; `describe` uses it for a create too). */
  channel?: KindId;
  /** The channel's current state, for updates: gives the kind and reveals what would be deleted. */
  current?: object;
  /** The language of messages; codes and params never change with it. Default `en`. */
  locale?: Locale;
  /** Healthing's allowed `assignment_mode` values, when known. */
  assignment_modes?: string[];
}

/** A check on a value, as `describe` reports it. `max` is absent when there is no limit. */
export type CheckInfo = { severity: 'error' | 'warning' } & (
  | { check: 'chars'; min: number; max?: number }
  | { check: 'not_blank' }
  | { check: 'one_of'; allowed: string[] }
  | { check: 'digits'; min: number; max?: number }
  | { check: 'e164' }
  | { check: 'base64'; decoded: CheckInfo[] }
  | { check: 'https_url' }
  | { check: 'pattern'; pattern: string; describes: string }
  | { check: 'uuid' }
  | { check: 'date_time' }
  | { check: 'regex' }
  | { check: 'any_of'; any_of: CheckInfo[] }
  | { check: 'integer'; min?: number; max?: number; allowed?: number[] }
);

/** "Sibling `field` is one of `is`." */
export interface When {
  field: string;
  is: Array<string | number | boolean>;
}

/** One field of a target, for building forms. */
export interface FieldInfo {
  /** JSON Pointer in which `-` stands for every item of an array: `/dids/-/did_number`. */
  pointer: string;
  /** The same as an array of member names. */
  path: string[];
  type: 'string' | 'integer' | 'boolean' | 'object' | 'array' | 'any';
  /** Must be present (in its object, when that object is present). */
  required: boolean;
  /** Also required when a sibling has one of the listed values. */
  required_when?: When;
  /** Ignored by the vendor when a sibling has one of the listed values. */
  ignored_when?: When;
  /** Ignored by the vendor for the kind described; only `used_by` kinds read it. */
  ignored_for_kind?: { channel: string; used_by: string[] };
  /** Must sort after sibling `field` when `when` holds. */
  after?: { field: string; when: When };
  /** Not checked because the kind is unknown (pass the `channel` option). */
  unchecked?: true;
  nullable?: true;
  /** On an update, omitting the member clears what the channel has. */
  cleared_if_omitted?: true;
  /** Checks on the value, in the order they apply. */
  checks: CheckInfo[];
  /** For a list of `{k, v}` pairs (Yeastar `account_data`): its keys. */
  keyed_list?: {
    key_member: string;
    value_member: string;
    /** Any key is accepted (the kind is not known). */
    open: boolean;
    /** The values are credentials: mask them. */
    secret: boolean;
    keys: Array<{ key: string; required: boolean; checks: CheckInfo[] }>;
  };
  /** Where the rule comes from: `[001]`, `[decision]`, `[vendor]`. */
  source: string;
  /** One line for a form hint. */
  doc: string;
}

/** One Yeastar channel kind: a row of the provider table. */
export interface KindInfo {
  /** The `channel` value. */
  id: KindId;
  /** The provider's name as Yeastar writes it. */
  label: string;
  family: 'sms' | 'whatsapp' | 'facebook';
  /** `account_data` keys that must be present. */
  required: string[];
  /** `account_data` keys that may be present. */
  optional: string[];
}

/** One row of the issue-code table. */
export interface CodeInfo {
  code: Code;
  severity: 'error' | 'warning' | 'either';
  meaning: string;
}

/**
 * Checks a payload against a target's rules. `payload` may be a plain value or JSON text
 * (malformed text is an issue at `""`, and so is a value nested more than 128 levels deep
 * or holding a cycle: `json.too_deep`). Never throws for a bad payload; throws a
 * `TypeError` for an unknown target, kind, locale or option, and for a value that is not
 * JSON at all (a BigInt, a throwing `toJSON`).
 */
export function validate(target: TargetId, payload: unknown, options?: Options): Report;

/**
 * The issues about one field: the value at `pointer` (an RFC 6901 JSON Pointer such as
 * `/dids/0/did_number`; `""` is the whole payload) or inside it, in document order. The
 * whole payload is checked, since rules cross fields; a missing field is reported at the
 * pointer where it would be. Throws a `TypeError` as `validate` does, and for a pointer
 * that is not one (`dids/0`, `/a~2`).
 */
export function validateField(
  target: TargetId,
  pointer: string,
  payload: unknown,
  options?: Options,
): Issue[];

/** The Standard Schema interface, version 1 (https://standardschema.dev). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
}

/**
 * What `standardSchema` returns: a `StandardSchemaV1<P, P>` (input typed too, as form
 * libraries such as react-hook-form's resolver need) whose `validate` is synchronous and
 * whose issues are full issue records.
 */
export interface ChannelRulesSchema<P = unknown> extends StandardSchemaV1<P, P> {
  readonly '~standard': {
    readonly version: 1;
    readonly vendor: 'channel-rules';
    readonly validate: (
      value: unknown,
    ) => { readonly value: P; readonly issues?: undefined } | { readonly issues: Issue[] };
    readonly types?: StandardSchemaV1.Types<P, P> | undefined;
  };
}

/**
 * A Standard Schema (version 1) of a target, for form and validation libraries that take
 * one. `validate(value)` gives `{ value }` when no issue is an error, else `{ issues }`
 * with the errors as full issue records (warnings do not fail; `validate` shows them). A
 * string `value` is the JSON string, not JSON text. Throws a `TypeError` at once for an
 * unknown target or option.
 */
export function standardSchema<T extends TargetId>(target: T, options?: Options): ChannelRulesSchema<Payload<T>>;

/**
 * The fields of a target, in document order, for building forms. `options.channel` names
 * the kind (on a create too); without it, the fields every kind shares.
 */
export function describe(target: TargetId, options?: Options): FieldInfo[];

/** Every target id. */
export function targets(): TargetId[];

/** Every locale tag that messages can be asked in. */
export function locales(): Locale[];

/** The Yeastar channel kinds and their credential keys. */
export function kinds(): KindInfo[];

/** The issue-code table. */
export function codes(): CodeInfo[];

/** Standard base64 of the UTF-8 bytes of `raw` (how Yeastar wants credentials). */
export function encodeSecret(raw: string): string;

/** The library's version. */
export function version(): string;

/** A number's type, as libphonenumber's `PhoneNumberType` names it. */
export type PhoneNumberType =
  | 'FIXED_LINE'
  | 'MOBILE'
  /** The metadata cannot tell the two apart (as in the US). */
  | 'FIXED_LINE_OR_MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL'
  /** Not a number of any type (so not valid). */
  | 'UNKNOWN';

/** Why text could not be read as a phone number (libphonenumber's parse-error names). */
export type PhoneParseError =
  /** No assigned calling code after the `+`, or national text without a known region. */
  | 'INVALID_COUNTRY_CODE'
  /** The text does not look like a phone number. */
  | 'NOT_A_NUMBER'
  /** Too few digits after the `+` or the international dialling prefix. */
  | 'TOO_SHORT_AFTER_IDD'
  /** The national number has fewer than 2 digits. */
  | 'TOO_SHORT_NSN'
  /** The national number has more than 17 digits, or the text is over 250 characters. */
  | 'TOO_LONG';

/** Text that reads as a phone number: what the metadata says of it (valid or not). */
export interface PhoneNumberInfo {
  /** libphonenumber's `isValidNumber`. */
  valid: boolean;
  /** The number in E.164 form, such as `+442079460857`. */
  e164: string;
  /** The country calling code, such as 44. */
  countryCode: number;
  /** The ISO 3166 region (`001` for non-geographic numbers such as +800), or `null` when none matches. */
  region: string | null;
  type: PhoneNumberType;
  error?: undefined;
}

/** Text that does not read as a phone number. */
export interface PhoneParseFailure {
  valid: false;
  error: PhoneParseError;
}

/** `phoneInfo`'s answer: test `error` (or `'error' in info`) to tell the two apart. */
export type PhoneInfo = PhoneNumberInfo | PhoneParseFailure;

/**
 * What the number metadata (libphonenumber's) says of a phone number typed as text.
 * International text (`+44 20 7946 0857`) needs no region; national text
 * (`(212) 555-1234`) is read as a number of `region`, an ISO 3166 code in upper case such
 * as `US` (`''`, `null` or `undefined`: none). Never throws for bad text; throws a
 * `TypeError` when `input` is not a string, `region` is neither a string nor absent, or
 * `region` is not one the metadata has (`us`, `XX`, `001`).
 */
export function phoneInfo(input: string, region?: string | null): PhoneInfo;

/**
 * The JSON Schema (draft 2020-12) of a target's payload, written from the rules; with a
 * `channel` option, that kind alone. What JSON Schema cannot say is named in its
 * `description`, and warnings are never schema failures.
 */
export function jsonSchema(target: TargetId, options?: Pick<Options, 'channel' | 'assignment_modes'>): Record<string, unknown>;

/** `completeUpdate`'s answer. */
export interface CompletedUpdate {
  /** The whole update body to send. */
  payload: Record<string, unknown>;
  /** `validate` of the body for `yeastar.message_channel.update` with `current`. */
  report: Report;
}

/**
 * The whole body of a Yeastar message-channel update from the channel's current state (as
 * the PBX returns it) and the changes: members the changes leave out keep their current
 * value (those the kind's rules know); `account_data` comes only from `changes`; `dids` are
 * edited by `id` (or by `did_number` when an item has no `id`), each keeping the current
 * rule's members it leaves out (a member given as `null` is cleared: left out of the body,
 * and reported as `update.clears_field`), and a rule is deleted only by `{ id: 5, delete: true }`.
 * Throws a `TypeError` when the inputs contradict each other (another channel's `id`, a rule
 * `id` that `current` does not have, a deletion without an `id`) or are not objects.
 */
export function completeUpdate(
  current: object,
  changes: object,
  options?: Pick<Options, 'channel' | 'locale'>,
): CompletedUpdate;

/** `normalizePhone`'s answer. */
export interface NormalizedPhone {
  /**
   * The number in E.164 form, such as `+12125551234`: present exactly when no issue is an
   * error, and then a number `validate` accepts as a `did_number` (a number that is not
   * valid for its country still has a value, with a `phone.invalid` warning).
   */
  value?: string;
  /** Issues about the text (pointer `""`), with the codes and messages of `validate`. */
  issues: Issue[];
}

/**
 * A phone number typed into a form, in E.164 form:
 * `normalizePhone('(212) 555-1234', 'US')` is `{ value: '+12125551234', issues: [] }`.
 * National text needs `defaultRegion`, an upper-case ISO 3166 code such as `US` (`''`,
 * `null` or `undefined`: none). Text that does not read is an issue (`phone.unreadable`,
 * with a `reason`), never a throw; a `TypeError` is thrown for arguments of the wrong type,
 * an unknown locale, or a region the metadata does not have (`us`, `XX`, `001`).
 */
export function normalizePhone(
  input: string,
  defaultRegion?: string | null,
  options?: Pick<Options, 'locale'>,
): NormalizedPhone;
