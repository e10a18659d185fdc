// Compiled by `tsc --noEmit` (scripts/test-js.sh), never run: the payload types written
// from the rules (payload.d.ts) accept the vendors' own example payloads, refuse a mistyped
// field, a wrong enum value and another provider's credential key, and type a form built
// with react-hook-form and standardSchema under `strict`, with no cast.
import { standardSchema, type Payload, type CreatePayload } from 'channel-rules';
import { useForm } from 'react-hook-form';
import { standardSchemaResolver } from '@hookform/resolvers/standard-schema';

// yeastar/create-general-sms.json
const generalSms: Payload<'yeastar.message_channel.create'> = {
  "name": "Docs-General SMS Channel",
  "webhook_url_type": "nat",
  "channel": "general",
  "account_data": [
    {
      "k": "api_secret",
      "v": "bXlTdXBlclNlY3JldDEyMw=="
    },
    {
      "k": "api_key",
      "v": "bXlBUElLZXk0NTY="
    },
    {
      "k": "api_verify_url",
      "v": "https://api.example.com/auth/verify"
    },
    {
      "k": "api_send_url",
      "v": "https://api.example.com/message/send"
    }
  ],
  "send_rate": 2,
  "auto_close_session": 1,
  "session_expired_time": 5,
  "dids": [
    {
      "did_number": "+1234567890",
      "destination_type": "extension",
      "destination_id": "137",
      "members": [
        {
          "type": "extension",
          "value": "137"
        }
      ]
    }
  ],
  "enb_duplicate_active_session": 1
};
// yeastar/create-whatsapp.json
const whatsapp: Payload<'yeastar.message_channel.create'> = {
  "name": "Docs-WhatsApp Channel",
  "webhook_url_type": "fqdn",
  "channel": "whatsapp",
  "account_data": [
    {
      "k": "access_token",
      "v": "bXlTdXBlclNlY3JldDEyMw=="
    },
    {
      "k": "app_secret",
      "v": "bXlBUElLZXk0NTY="
    }
  ],
  "phone_number_id": "3546573434879",
  "business_account_id": "MzQ1Njc4Nzg5MA==",
  "dids": [
    {
      "did_number": "+15567778888",
      "destination_type": "queue",
      "destination_id": "4"
    }
  ],
  "auto_close_session": 1,
  "session_expired_time": 5,
  "enb_duplicate_active_session": 1
};
// yeastar/create-facebook.json
const facebook: Payload<'yeastar.message_channel.create'> = {
  "name": "Docs-Facebook Channel",
  "webhook_url_type": "fqdn",
  "channel": "facebook",
  "account_data": [
    {
      "k": "access_token",
      "v": "bXlTdXBlclNlY3JldDEyMw=="
    },
    {
      "k": "app_secret",
      "v": "bXlBUElLZXk0NTY="
    },
    {
      "k": "page_name",
      "v": "test-facebook-page"
    }
  ],
  "dids": [
    {
      "did_number": "12345678901234",
      "destination_type": "queue",
      "destination_id": "4"
    }
  ],
  "auto_close_session": 1,
  "session_expired_time": 5
};
// yeastar/update-sms.json
const update: Payload<'yeastar.message_channel.update'> = {
  "id": 267,
  "dids": [
    {
      "id": 5,
      "did_number": "+12125551234",
      "destination_type": "api",
      "members": [
        {
          "type": "organization",
          "value": "3"
        },
        {
          "type": "extension",
          "value": "137"
        }
      ]
    },
    {
      "id": 3,
      "did_number": "+442079460857",
      "destination_type": "extension",
      "destination_id": "137",
      "members": [
        {
          "type": "extension",
          "value": "137"
        }
      ]
    }
  ]
};
// yeastar/livechat-create.json
const livechat: Payload<'yeastar.livechat.create'> = {
  "name": "Website chat",
  "website_domain": "www.example.com",
  "communication_method": 2,
  "destination_type": "queue",
  "destination_id": 6,
  "enable_webrtc_inbound_call": 1,
  "webrtc_trunk_id": 3,
  "webrtc_inbound_route_id": 9,
  "max_concurrent_call": 5,
  "message_type": 2,
  "auto_close_session": 1,
  "session_expired_unit": "minite",
  "session_expired_time": 30,
  "theme_mode": "light",
  "theme_color": "#00DDB3",
  "minimize_style": "round",
  "chat_icon": 1
};
// healthing/channel-update.json
const healthingUpdate: Payload<'healthing.channel.update'> = {
  "business_hours": {
    "monday": {
      "enabled": true,
      "start": "08:00",
      "end": "18:00"
    },
    "tuesday": {
      "enabled": true,
      "start": "08:00",
      "end": "18:00"
    },
    "wednesday": {
      "enabled": true,
      "start": "08:00",
      "end": "18:00"
    },
    "thursday": {
      "enabled": true,
      "start": "08:00",
      "end": "18:00"
    },
    "friday": {
      "enabled": true,
      "start": "08:00",
      "end": "17:00"
    },
    "saturday": {
      "enabled": false
    },
    "sunday": null
  },
  "assignment_mode": "round_robin"
};
// healthing/channel.json
const healthingChannel: Payload<'healthing.channel'> = {
  "name": "Clinic WhatsApp",
  "channel_type": "whatsapp",
  "id": 42,
  "status": "connected",
  "config": {
    "phone_number": "+5511999998888"
  },
  "is_active": true,
  "is_default": false,
  "auto_reply_enabled": true,
  "business_hours_enabled": true,
  "assignment_mode": "round_robin",
  "sla_enabled": false,
  "total_conversations": 120,
  "total_messages_sent": 830,
  "total_messages_received": 911,
  "created_at": "2025-03-01T12:00:00Z",
  "updated_at": "2025-03-02T09:30:00.123-03:00"
};
// bird/channel.json
const birdChannel: Payload<'bird.channel'> = {
  "id": "123e4567-e89b-12d3-a456-426614174000",
  "platformId": "text",
  "name": "text",
  "connectorId": "123e4567-e89b-12d3-a456-426614174000",
  "identifier": "text",
  "status": "active",
  "contactIdentifierKeyOverride": "text",
  "contactIdentifierFormatOverride": {
    "type": "none",
    "pattern": "text"
  },
  "platformServiceUrlOverride": "text",
  "platformServiceVersionOverride": "1.0",
  "platformServiceProtocolOverride": "http",
  "platformTemplateEngineOverride": "default",
  "capabilities": {
    "messaging": {
      "messaging": {
        "displayName": "text",
        "status": "text",
        "name": "text",
        "version": 0,
        "updatedAt": "2024-11-21T08:56:12.986Z",
        "createdAt": "2024-11-21T08:56:12.986Z",
        "expiresAt": "2024-11-21T08:56:12.986Z",
        "outgoing": {
          "displayName": "text",
          "status": "text",
          "name": "text",
          "version": 0,
          "updatedAt": "2024-11-21T08:56:12.986Z",
          "createdAt": "2024-11-21T08:56:12.986Z",
          "expiresAt": "2024-11-21T08:56:12.986Z",
          "mms": {
            "displayName": "text",
            "status": "text",
            "name": "text",
            "version": 0,
            "paused": false,
            "updatedAt": "2024-11-21T08:56:12.986Z",
            "createdAt": "2024-11-21T08:56:12.986Z",
            "expiresAt": "2024-11-21T08:56:12.986Z"
          },
          "media": {
            "textFallback": {
              "displayName": "text",
              "status": "text",
              "name": "text",
              "version": 0,
              "paused": false,
              "updatedAt": "2024-11-21T08:56:12.986Z",
              "createdAt": "2024-11-21T08:56:12.986Z",
              "expiresAt": "2024-11-21T08:56:12.986Z"
            }
          }
        },
        "incoming": {
          "displayName": "text",
          "status": "text",
          "name": "text",
          "version": 0,
          "updatedAt": "2024-11-21T08:56:12.986Z",
          "createdAt": "2024-11-21T08:56:12.986Z",
          "expiresAt": "2024-11-21T08:56:12.986Z",
          "mms": {
            "displayName": "text",
            "status": "text",
            "name": "text",
            "version": 0,
            "paused": false,
            "updatedAt": "2024-11-21T08:56:12.986Z",
            "createdAt": "2024-11-21T08:56:12.986Z",
            "expiresAt": "2024-11-21T08:56:12.986Z"
          }
        }
      }
    },
    "voice": {
      "voice": {
        "displayName": "text",
        "status": "text",
        "name": "text",
        "version": 0,
        "updatedAt": "2024-11-21T08:56:12.986Z",
        "createdAt": "2024-11-21T08:56:12.986Z",
        "expiresAt": "2024-11-21T08:56:12.986Z",
        "recording": {
          "displayName": "text",
          "status": "text",
          "name": "text",
          "version": 0,
          "paused": false,
          "updatedAt": "2024-11-21T08:56:12.986Z",
          "createdAt": "2024-11-21T08:56:12.986Z",
          "expiresAt": "2024-11-21T08:56:12.986Z"
        }
      }
    }
  },
  "settings": [
    {
      "key": "text",
      "value": "text",
      "displayName": "text",
      "description": "text",
      "visibility": "public"
    }
  ],
  "connectionParams": [
    {
      "key": "text",
      "value": "text",
      "displayName": "text",
      "description": "text",
      "visibility": "public"
    }
  ],
  "preferences": {
    "disableProfileFetching": false,
    "explicitMarketingOptOut": false,
    "ignoreSuppressionChecks": false,
    "isPrivate": false
  },
  "useCaseId": "text",
  "useCaseType": "transactional",
  "channelMessageType": "promotional",
  "suites": [
    "marketing"
  ],
  "createdAt": "2024-11-21T08:56:12.986Z",
  "updatedAt": "2024-11-21T08:56:12.986Z"
};
// bird/channel-list.json
const birdList: Payload<'bird.channel_list'> = {
  "results": [
    {
      "id": "123e4567-e89b-12d3-a456-426614174000",
      "platformId": "text",
      "name": "text",
      "connectorId": "123e4567-e89b-12d3-a456-426614174000",
      "identifier": "text",
      "status": "active",
      "contactIdentifierKeyOverride": "text",
      "contactIdentifierFormatOverride": {
        "type": "none",
        "pattern": "text"
      },
      "platformServiceUrlOverride": "text",
      "platformServiceVersionOverride": "1.0",
      "platformServiceProtocolOverride": "http",
      "platformTemplateEngineOverride": "default",
      "capabilities": {
        "messaging": {
          "messaging": {
            "displayName": "text",
            "status": "text",
            "name": "text",
            "version": 0,
            "updatedAt": "2024-11-21T08:56:12.986Z",
            "createdAt": "2024-11-21T08:56:12.986Z",
            "expiresAt": "2024-11-21T08:56:12.986Z",
            "outgoing": {
              "displayName": "text",
              "status": "text",
              "name": "text",
              "version": 0,
              "updatedAt": "2024-11-21T08:56:12.986Z",
              "createdAt": "2024-11-21T08:56:12.986Z",
              "expiresAt": "2024-11-21T08:56:12.986Z",
              "mms": {
                "displayName": "text",
                "status": "text",
                "name": "text",
                "version": 0,
                "paused": false,
                "updatedAt": "2024-11-21T08:56:12.986Z",
                "createdAt": "2024-11-21T08:56:12.986Z",
                "expiresAt": "2024-11-21T08:56:12.986Z"
              },
              "media": {
                "textFallback": {
                  "displayName": "text",
                  "status": "text",
                  "name": "text",
                  "version": 0,
                  "paused": false,
                  "updatedAt": "2024-11-21T08:56:12.986Z",
                  "createdAt": "2024-11-21T08:56:12.986Z",
                  "expiresAt": "2024-11-21T08:56:12.986Z"
                }
              }
            },
            "incoming": {
              "displayName": "text",
              "status": "text",
              "name": "text",
              "version": 0,
              "updatedAt": "2024-11-21T08:56:12.986Z",
              "createdAt": "2024-11-21T08:56:12.986Z",
              "expiresAt": "2024-11-21T08:56:12.986Z",
              "mms": {
                "displayName": "text",
                "status": "text",
                "name": "text",
                "version": 0,
                "paused": false,
                "updatedAt": "2024-11-21T08:56:12.986Z",
                "createdAt": "2024-11-21T08:56:12.986Z",
                "expiresAt": "2024-11-21T08:56:12.986Z"
              }
            }
          }
        },
        "voice": {
          "voice": {
            "displayName": "text",
            "status": "text",
            "name": "text",
            "version": 0,
            "updatedAt": "2024-11-21T08:56:12.986Z",
            "createdAt": "2024-11-21T08:56:12.986Z",
            "expiresAt": "2024-11-21T08:56:12.986Z",
            "recording": {
              "displayName": "text",
              "status": "text",
              "name": "text",
              "version": 0,
              "paused": false,
              "updatedAt": "2024-11-21T08:56:12.986Z",
              "createdAt": "2024-11-21T08:56:12.986Z",
              "expiresAt": "2024-11-21T08:56:12.986Z"
            }
          }
        }
      },
      "settings": [
        {
          "key": "text",
          "value": "text",
          "displayName": "text",
          "description": "text",
          "visibility": "public"
        }
      ],
      "connectionParams": [
        {
          "key": "text",
          "value": "text",
          "displayName": "text",
          "description": "text",
          "visibility": "public"
        }
      ],
      "preferences": {
        "disableProfileFetching": false,
        "explicitMarketingOptOut": false,
        "ignoreSuppressionChecks": false,
        "isPrivate": false
      },
      "useCaseId": "text",
      "useCaseType": "transactional",
      "channelMessageType": "promotional",
      "suites": [
        "marketing"
      ],
      "createdAt": "2024-11-21T08:56:12.986Z",
      "updatedAt": "2024-11-21T08:56:12.986Z"
    }
  ],
  "nextPageToken": "text"
};
// bird/channel-contact.json
const birdContact: Payload<'bird.channel_contact'> = {
  "serviceWindowExpireAt": "2024-11-21T08:56:12.986Z",
  "isPermanentSession": false
};

const twilio: CreatePayload<'twilio'> = {
  name: 'Front desk SMS',
  webhook_url_type: 'fqdn',
  channel: 'twilio',
  account_data: [
    { k: 'account_sid', v: 'QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZg==' },
    { k: 'auth_token', v: 'c2VjcmV0LXRva2Vu' },
  ],
  dids: [{ did_number: '+12125551234', destination_type: 'api' }],
};

// @ts-expect-error a mistyped field (webhook_url_typ)
const typo: Payload<'yeastar.message_channel.create'> = { name: 'x', webhook_url_typ: 'fqdn', channel: 'twilio', account_data: [] };

// @ts-expect-error a wrong enum value ('ftp' is not fqdn or nat)
const badEnum: Payload<'yeastar.message_channel.create'> = { name: 'x', webhook_url_type: 'ftp', channel: 'twilio', account_data: [] };

const wrongKey: CreatePayload<'twilio'> = {
  name: 'x',
  webhook_url_type: 'fqdn',
  channel: 'twilio',
  // @ts-expect-error another provider's key (api_key is General's, not Twilio's)
  account_data: [{ k: 'api_key', v: 'bXlBUElLZXk0NTY=' }],
};

// @ts-expect-error a flag is 0 or 1
const badFlag: Payload<'yeastar.message_channel.update'> = { id: 267, auto_close_session: 2 };

// Nullable members take null; a response takes members the page does not list.
const contact: Payload<'bird.channel_contact'> = { serviceWindowExpireAt: null, isPermanentSession: null, added: 1 };
// @ts-expect-error a request does not
const extra: Payload<'healthing.channel.update'> = { assignment_mode: null, added: 1 };

// standardSchema is a StandardSchemaV1<Payload<T>, Payload<T>>: react-hook-form's resolver
// takes it with the payload type, no cast.
export function useChannelForm() {
  return useForm<Payload<'yeastar.message_channel.create'>>({
    resolver: standardSchemaResolver(standardSchema('yeastar.message_channel.create')),
    defaultValues: twilio,
  });
}
const result = standardSchema('bird.channel_contact')['~standard'].validate(birdContact);
if (!('issues' in result && result.issues)) {
  const value: Payload<'bird.channel_contact'> = result.value;
  void value;
}

export const used = [generalSms, whatsapp, facebook, update, livechat, healthingUpdate, healthingChannel, birdChannel, birdList, birdContact, typo, badEnum, wrongKey, badFlag, contact, extra];
