// Generated from the rules by `make docs` (src/export/typescript.rs); do not edit.
// `cargo test` fails when this file and the rules differ.

import type { KindId } from './ids.js';

/** `yeastar.message_channel.create` for a `general` channel. */
export interface YeastarMessageChannelCreateGeneral {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'general';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_send_url'; v: string } | { k: 'api_secret'; v: string } | { k: 'api_verify_url'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `alhambra` channel. */
export interface YeastarMessageChannelCreateAlhambra {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'alhambra';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_send_url'; v: string } | { k: 'api_secret'; v: string } | { k: 'api_verify_url'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `apidaze` channel. */
export interface YeastarMessageChannelCreateApidaze {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'apidaze';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_secret'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `aspsms` channel. */
export interface YeastarMessageChannelCreateAspsms {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'aspsms';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'user_key'; v: string } | { k: 'password'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `athena` channel. */
export interface YeastarMessageChannelCreateAthena {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'athena';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_send_url'; v: string } | { k: 'api_secret'; v: string } | { k: 'api_verify_url'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `bandwidth` channel. */
export interface YeastarMessageChannelCreateBandwidth {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'bandwidth';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'application_id'; v: string } | { k: 'account_id'; v: string } | { k: 'username'; v: string } | { k: 'password'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `flowroute` channel. */
export interface YeastarMessageChannelCreateFlowroute {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'flowroute';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'access_key'; v: string } | { k: 'secret_key'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `ixica` channel. */
export interface YeastarMessageChannelCreateIxica {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'ixica';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_send_url'; v: string } | { k: 'api_secret'; v: string } | { k: 'api_verify_url'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `netplanet` channel. */
export interface YeastarMessageChannelCreateNetplanet {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'netplanet';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_send_url'; v: string } | { k: 'api_secret'; v: string } | { k: 'api_verify_url'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `siptrunk` channel. */
export interface YeastarMessageChannelCreateSiptrunk {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'siptrunk';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'access_key'; v: string } | { k: 'secret_key'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `skyetel` channel. */
export interface YeastarMessageChannelCreateSkyetel {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'skyetel';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'sid_key'; v: string } | { k: 'secret_key'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `telnyx` channel. */
export interface YeastarMessageChannelCreateTelnyx {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'telnyx';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'public_key'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `twilio` channel. */
export interface YeastarMessageChannelCreateTwilio {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'twilio';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'account_sid'; v: string } | { k: 'auth_token'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `vetta` channel. */
export interface YeastarMessageChannelCreateVetta {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'vetta';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_send_url'; v: string } | { k: 'api_secret'; v: string } | { k: 'api_verify_url'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `voicemeup` channel. */
export interface YeastarMessageChannelCreateVoicemeup {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'voicemeup';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'username'; v: string } | { k: 'auth_token'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `voipms` channel. */
export interface YeastarMessageChannelCreateVoipms {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'voipms';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'api_key'; v: string } | { k: 'api_send_url'; v: string } | { k: 'api_secret'; v: string } | { k: 'api_verify_url'; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `whatsapp` channel. */
export interface YeastarMessageChannelCreateWhatsapp {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'whatsapp';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'access_token'; v: string } | { k: 'app_secret'; v: string }>;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** allow a new session beside an active one: 0 or 1 */
  enb_duplicate_active_session?: 0 | 1;
  /** WhatsApp phone-number id, 1 to 31 characters */
  phone_number_id: string;
  /** WhatsApp business account id, base64, at most 500 characters */
  business_account_id: string;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.message_channel.create` for a `facebook` channel. */
export interface YeastarMessageChannelCreateFacebook {
  /** channel name, 1 to 127 characters, not blank */
  name: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type: 'fqdn' | 'nat';
  /** the kind: an SMS provider, whatsapp or facebook */
  channel: 'facebook';
  /** the provider's credentials as {k, v} pairs */
  account_data: Array<{ k: 'access_token'; v: string } | { k: 'app_secret'; v: string } | { k: 'page_name'; v: string }>;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** routing rules */
  dids?: Array<{
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
  }>;
}

/** `yeastar.message_channel.create`: one type per kind, told apart by `channel`. */
export type YeastarMessageChannelCreate =
  | YeastarMessageChannelCreateGeneral
  | YeastarMessageChannelCreateAlhambra
  | YeastarMessageChannelCreateApidaze
  | YeastarMessageChannelCreateAspsms
  | YeastarMessageChannelCreateAthena
  | YeastarMessageChannelCreateBandwidth
  | YeastarMessageChannelCreateFlowroute
  | YeastarMessageChannelCreateIxica
  | YeastarMessageChannelCreateNetplanet
  | YeastarMessageChannelCreateSiptrunk
  | YeastarMessageChannelCreateSkyetel
  | YeastarMessageChannelCreateTelnyx
  | YeastarMessageChannelCreateTwilio
  | YeastarMessageChannelCreateVetta
  | YeastarMessageChannelCreateVoicemeup
  | YeastarMessageChannelCreateVoipms
  | YeastarMessageChannelCreateWhatsapp
  | YeastarMessageChannelCreateFacebook;

/** `yeastar.message_channel.update`: what every kind shares (an update names no kind; `account_data` takes any key). */
export interface YeastarMessageChannelUpdate {
  /** the message channel's id, integer >= 1 */
  id: number;
  /** channel name, 1 to 127 characters, not blank */
  name?: string;
  /** domain type of the webhook URL: fqdn or nat */
  webhook_url_type?: 'fqdn' | 'nat';
  /** the provider's credentials as {k, v} pairs */
  account_data?: Array<{ k: string; v: string }>;
  /** messages per second, integer >= 1 */
  send_rate?: number;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** days of inactivity before a session closes, integer >= 1 */
  session_expired_time?: number;
  /** text accompanying a chat file; required for Apidaze */
  accompanying_msg?: string;
  /** WhatsApp phone-number id, 1 to 31 characters */
  phone_number_id?: string;
  /** WhatsApp business account id, base64, at most 500 characters */
  business_account_id?: string;
  /** routing rules */
  dids?: Array<{
    /** id of an existing routing rule; omit for a new one */
    id?: number;
    /** the DID in E.164 (Facebook: the page id) */
    did_number: string;
    /** extension, queue or api */
    destination_type: 'extension' | 'queue' | 'api';
    /** id of the extension or queue */
    destination_id?: string;
    /** members allowed to start sessions on this DID */
    members?: Array<{
      /** extension, ext_group or organization */
      type: 'extension' | 'ext_group' | 'organization';
      /** the member's id */
      value: string;
    }>;
  }>;
}

/** `yeastar.livechat.create`. */
export interface YeastarLivechatCreate {
  /** channel name, 1 to 63 characters */
  name?: string;
  /** the website's domain, 1 to 1023 characters */
  website_domain?: string;
  /** 1 chat only, 2 call and chat */
  communication_method?: 1 | 2;
  /** extension, queue or api */
  destination_type: 'extension' | 'queue' | 'api';
  /** id of the extension or queue (an integer here) */
  destination_id?: number;
  /** accept WebRTC calls: 0 or 1 */
  enable_webrtc_inbound_call?: 0 | 1;
  /** trunk id, required when WebRTC calls are on */
  webrtc_trunk_id?: number;
  /** inbound route id, required when WebRTC calls are on */
  webrtc_inbound_route_id?: number;
  /** 1 to 10 concurrent calls */
  max_concurrent_call: number;
  /** 1 text and emoji, 2 text, emoji and images */
  message_type?: 1 | 2;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** minite (sic), hour or day */
  session_expired_unit?: 'minite' | 'hour' | 'day';
  /** sessions close after this many units */
  session_expired_time?: number;
  /** light or dark */
  theme_mode?: 'light' | 'dark';
  /** a colour such as #00DDB3 */
  theme_color?: string;
  /** round or bar */
  minimize_style?: 'round' | 'bar';
  /** icon 1 to 6 */
  chat_icon?: number;
}

/** `yeastar.livechat.update`. */
export interface YeastarLivechatUpdate {
  /** the Live Chat channel's id */
  id: number;
  /** channel name, 1 to 63 characters */
  name?: string;
  /** the website's domain, 1 to 1023 characters */
  website_domain?: string;
  /** 1 chat only, 2 call and chat */
  communication_method?: 1 | 2;
  /** extension, queue or api */
  destination_type?: 'extension' | 'queue' | 'api';
  /** id of the extension or queue (an integer here) */
  destination_id?: number;
  /** accept WebRTC calls: 0 or 1 */
  enable_webrtc_inbound_call?: 0 | 1;
  /** trunk id, required when WebRTC calls are on */
  webrtc_trunk_id?: number;
  /** inbound route id, required when WebRTC calls are on */
  webrtc_inbound_route_id?: number;
  /** 1 to 10 concurrent calls */
  max_concurrent_call?: number;
  /** 1 text and emoji, 2 text, emoji and images */
  message_type?: 1 | 2;
  /** close inactive sessions: 0 or 1 */
  auto_close_session?: 0 | 1;
  /** minite (sic), hour or day */
  session_expired_unit?: 'minite' | 'hour' | 'day';
  /** sessions close after this many units */
  session_expired_time?: number;
  /** light or dark */
  theme_mode?: 'light' | 'dark';
  /** a colour such as #00DDB3 */
  theme_color?: string;
  /** round or bar */
  minimize_style?: 'round' | 'bar';
  /** icon 1 to 6 */
  chat_icon?: number;
}

/** `healthing.channel.update`. */
export interface HealthingChannelUpdate {
  /** business hours by weekday, or null */
  business_hours?: {
    /** that day's schedule, or null */
    monday?: {
      /** whether the channel is open that day */
      enabled?: boolean;
      /** opening time, HH:MM */
      start?: string;
      /** closing time, HH:MM, after start */
      end?: string;
    } | null;
    /** that day's schedule, or null */
    tuesday?: {
      /** whether the channel is open that day */
      enabled?: boolean;
      /** opening time, HH:MM */
      start?: string;
      /** closing time, HH:MM, after start */
      end?: string;
    } | null;
    /** that day's schedule, or null */
    wednesday?: {
      /** whether the channel is open that day */
      enabled?: boolean;
      /** opening time, HH:MM */
      start?: string;
      /** closing time, HH:MM, after start */
      end?: string;
    } | null;
    /** that day's schedule, or null */
    thursday?: {
      /** whether the channel is open that day */
      enabled?: boolean;
      /** opening time, HH:MM */
      start?: string;
      /** closing time, HH:MM, after start */
      end?: string;
    } | null;
    /** that day's schedule, or null */
    friday?: {
      /** whether the channel is open that day */
      enabled?: boolean;
      /** opening time, HH:MM */
      start?: string;
      /** closing time, HH:MM, after start */
      end?: string;
    } | null;
    /** that day's schedule, or null */
    saturday?: {
      /** whether the channel is open that day */
      enabled?: boolean;
      /** opening time, HH:MM */
      start?: string;
      /** closing time, HH:MM, after start */
      end?: string;
    } | null;
    /** that day's schedule, or null */
    sunday?: {
      /** whether the channel is open that day */
      enabled?: boolean;
      /** opening time, HH:MM */
      start?: string;
      /** closing time, HH:MM, after start */
      end?: string;
    } | null;
  } | null;
  /** how conversations are assigned to agents, or null */
  assignment_mode?: string | null;
}

/** `healthing.channel`. */
export interface HealthingChannel {
  /** friendly name */
  name: string;
  /** type of channel */
  channel_type: string;
  /** channel id */
  id: number;
  /** ChannelStatusEnum (values not published): any non-empty string */
  status: string;
  /** channel configuration */
  config: Record<string, unknown>;
  is_active: boolean;
  is_default: boolean;
  auto_reply_enabled: boolean;
  business_hours_enabled: boolean;
  /** any non-empty string, or one of assignment_modes when given */
  assignment_mode: string;
  sla_enabled: boolean;
  /** integer >= 0 */
  total_conversations: number;
  /** integer >= 0 */
  total_messages_sent: number;
  /** integer >= 0 */
  total_messages_received: number;
  /** RFC 3339 */
  created_at: string;
  /** RFC 3339 */
  updated_at: string;
  [member: string]: unknown;
}

/** `bird.channel`. */
export interface BirdChannel {
  /** UUID */
  id: string;
  /** ^[A-Za-z0-9-]+$ */
  platformId: string;
  name: string;
  /** UUID */
  connectorId: string;
  identifier?: string;
  status: 'active' | 'pending' | 'setting-up' | 'failed' | 'inactive' | 'deleted' | 'warning';
  /** ^[A-Za-z0-9_-]+$ */
  contactIdentifierKeyOverride?: string | null;
  contactIdentifierFormatOverride?: {
    type: string;
    /** a regular expression */
    pattern?: string;
    [member: string]: unknown;
  } | null;
  /** ^https:// */
  platformServiceUrlOverride?: string | null;
  platformServiceVersionOverride?: '1.0' | null;
  platformServiceProtocolOverride?: 'http' | 'https' | null;
  platformMessageJsonSchemaOverride?: Record<string, unknown> | null;
  platformTemplateEngineOverride?: 'default' | 'liquid' | null;
  capabilities?: Record<string, unknown>;
  settings?: Array<{
    /** the setting's name */
    key: string;
    value?: string;
    displayName?: string;
    description?: string;
    /** public or private */
    visibility?: 'public' | 'private';
    [member: string]: unknown;
  }>;
  connectionParams?: Array<{
    /** the setting's name */
    key: string;
    value?: string;
    displayName?: string;
    description?: string;
    /** public or private */
    visibility?: 'public' | 'private';
    [member: string]: unknown;
  }>;
  preferences?: {
    disableProfileFetching?: boolean;
    explicitMarketingOptOut?: boolean;
    ignoreSuppressionChecks?: boolean;
    isPrivate?: boolean;
    [member: string]: unknown;
  } | null;
  useCaseId?: string | null;
  useCaseType?: 'transactional' | 'marketing' | 'conversation' | null;
  channelMessageType?: 'promotional' | '2fa' | 'conversational' | 'transactional' | 'emergency';
  /** marketing is the value shown */
  suites?: Array<string>;
  /** RFC 3339 */
  createdAt: string;
  /** RFC 3339 */
  updatedAt?: string;
  [member: string]: unknown;
}

/** `bird.channel_list`. */
export interface BirdChannelList {
  /** the channels */
  results: Array<{
    /** UUID */
    id: string;
    /** ^[A-Za-z0-9-]+$ */
    platformId: string;
    name: string;
    /** UUID */
    connectorId: string;
    identifier?: string;
    status: 'active' | 'pending' | 'setting-up' | 'failed' | 'inactive' | 'deleted' | 'warning';
    /** ^[A-Za-z0-9_-]+$ */
    contactIdentifierKeyOverride?: string | null;
    contactIdentifierFormatOverride?: {
      type: string;
      /** a regular expression */
      pattern?: string;
      [member: string]: unknown;
    } | null;
    /** ^https:// */
    platformServiceUrlOverride?: string | null;
    platformServiceVersionOverride?: '1.0' | null;
    platformServiceProtocolOverride?: 'http' | 'https' | null;
    platformMessageJsonSchemaOverride?: Record<string, unknown> | null;
    platformTemplateEngineOverride?: 'default' | 'liquid' | null;
    capabilities?: Record<string, unknown>;
    settings?: Array<{
      /** the setting's name */
      key: string;
      value?: string;
      displayName?: string;
      description?: string;
      /** public or private */
      visibility?: 'public' | 'private';
      [member: string]: unknown;
    }>;
    connectionParams?: Array<{
      /** the setting's name */
      key: string;
      value?: string;
      displayName?: string;
      description?: string;
      /** public or private */
      visibility?: 'public' | 'private';
      [member: string]: unknown;
    }>;
    preferences?: {
      disableProfileFetching?: boolean;
      explicitMarketingOptOut?: boolean;
      ignoreSuppressionChecks?: boolean;
      isPrivate?: boolean;
      [member: string]: unknown;
    } | null;
    useCaseId?: string | null;
    useCaseType?: 'transactional' | 'marketing' | 'conversation' | null;
    channelMessageType?: 'promotional' | '2fa' | 'conversational' | 'transactional' | 'emergency';
    /** marketing is the value shown */
    suites?: Array<string>;
    /** RFC 3339 */
    createdAt: string;
    /** RFC 3339 */
    updatedAt?: string;
    [member: string]: unknown;
  }>;
  /** at most 8000 characters */
  nextPageToken?: string;
  [member: string]: unknown;
}

/** `bird.channel_contact`. */
export interface BirdChannelContact {
  /** RFC 3339, or null */
  serviceWindowExpireAt: string | null;
  isPermanentSession?: boolean | null;
  metadata?: Record<string, unknown> | null;
  [member: string]: unknown;
}

/** The payload of each target, as the rules describe it. */
export interface Payloads {
  'yeastar.message_channel.create': YeastarMessageChannelCreate;
  'yeastar.message_channel.update': YeastarMessageChannelUpdate;
  'yeastar.livechat.create': YeastarLivechatCreate;
  'yeastar.livechat.update': YeastarLivechatUpdate;
  'healthing.channel.update': HealthingChannelUpdate;
  'healthing.channel': HealthingChannel;
  'bird.channel': BirdChannel;
  'bird.channel_list': BirdChannelList;
  'bird.channel_contact': BirdChannelContact;
}

/** The payload of target `T`: `Payload<'yeastar.message_channel.create'>`. */
export type Payload<T extends keyof Payloads> = Payloads[T];

/** Any Yeastar kind's create payload, by kind: `CreatePayload<'twilio'>`. */
export type CreatePayload<K extends KindId> = Extract<YeastarMessageChannelCreate, { channel: K }>;
