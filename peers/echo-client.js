'use strict';
// An independent WebSocket client (the npm package ws) that checks an echo server such as the echo sample.
// Usage: node echo-client.js ws://host:port/echo
// Sends text and binary messages, one large and compressible, with permessage-deflate offered, and checks
// that each comes back byte for byte, with its type. Prints one line, "RESULT OK ..." (exit status 0) or
// "RESULT FAILED <why>" (exit status 1).
const crypto = require('crypto');
const WebSocket = require('ws');

const url = process.argv[2];
const messages = [
  { data: 'hello from ws', isBinary: false },
  { data: 'grüße 🌊 ünïcödé', isBinary: false },
  // far above ws's compression threshold (1 KiB), and compressible: sent compressed
  { data: 'tideway '.repeat(32 * 1024), isBinary: false },
  { data: crypto.randomBytes(70000), isBinary: true },
  { data: Buffer.from('compressible binary '.repeat(4096)), isBinary: true },
];

function finish(ok, line) {
  console.log(`RESULT ${ok ? 'OK' : 'FAILED'} ${line}`);
  process.exit(ok ? 0 : 1);
}

setTimeout(() => finish(false, 'no complete answer within 20 s'), 20000).unref();

const ws = new WebSocket(url, { perMessageDeflate: true, maxPayload: 0 });
let received = 0;
ws.on('open', () => {
  if (!ws.extensions.includes('permessage-deflate')) {
    finish(false, `permessage-deflate was not negotiated (extensions: '${ws.extensions}')`);
  }
  for (const message of messages) {
    ws.send(message.data, { binary: message.isBinary, compress: true });
  }
});
ws.on('message', (data, isBinary) => {
  const expected = messages[received++];
  if (!expected) {
    finish(false, `an extra message came back`);
  } else if (expected.isBinary !== isBinary) {
    finish(false, `message ${received} came back as ${isBinary ? 'binary' : 'text'}`);
  } else if (!Buffer.from(expected.data).equals(data)) {
    finish(false, `message ${received} came back changed (${data.length} bytes)`);
  } else if (received === messages.length) {
    ws.close(1000);
  }
});
ws.on('close', (code) => {
  if (received === messages.length && code === 1000) {
    finish(true, `${received} messages echoed, extensions: ${ws.extensions}`);
  } else {
    finish(false, `closed with ${code} after ${received} of ${messages.length} messages`);
  }
});
ws.on('error', (error) => finish(false, `error: ${error.message}`));
