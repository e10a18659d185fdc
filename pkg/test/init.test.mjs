// The `channel-rules/init` entry (no top-level await) under Node: the same functions as the
// main entry, an Error that says what to do when called before `init()`, one
// instantiation however often `init()` is called, and the same answers once it has.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as lazy from 'channel-rules/init';

const TWILIO = { name: 'SMS', channel: 'twilio', webhook_url_type: 'fqdn', account_data: [] };

describe('channel-rules/init', () => {
  it('refuses every call before init(), naming what to do', () => {
    assert.throws(() => lazy.validate('yeastar.message_channel.create', TWILIO), /validate\(\) was called before `await init\(\)` resolved/);
    assert.throws(() => lazy.version(), /await init\(\)/);
  });

  it('instantiates once, however often init() is called', async () => {
    const first = lazy.init();
    assert.equal(lazy.init(), first);
    assert.equal(await first, undefined);
  });

  it('has the main entry\'s functions, plus init, with the same answers', async () => {
    await lazy.init();
    const main = await import('channel-rules');
    assert.deepEqual(Object.keys(lazy).sort(), [...Object.keys(main), 'init'].sort());
    assert.deepEqual(lazy.validate('yeastar.message_channel.create', TWILIO), main.validate('yeastar.message_channel.create', TWILIO));
    assert.equal(lazy.version(), main.version());
  });
});
